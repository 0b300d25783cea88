import { deflateSync, inflateSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyCompactPayload } from '../../../electron/certificates/compact-payload.js';
import { findEmbeddedFileStreams } from '../../../electron/certificates/pdf-attachment.js';
import { trustIssuer } from '../../../electron/certificates/trusted-issuers.js';
import { verifyCertificateBytes } from '../../../electron/certificates/verify-certificate.js';
import { failure, ok } from '../../helpers/typed-core.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { startCertificateCore } from './certificate-setup.js';

/** Rewrites the credential attached to a PDF, as a person editing it with a PDF tool would. */
function editEmbeddedCredential(pdf: Buffer, edit: (json: string) => string): Buffer {
  const [stream] = findEmbeddedFileStreams(pdf);
  if (!stream) throw new Error('no embedded credential');
  const original = (stream.compressed ? inflateSync(stream.raw) : stream.raw).toString('utf8');
  const edited = Buffer.from(edit(original), 'utf8');
  expect(edited.equals(Buffer.from(original, 'utf8'))).toBe(false);
  const stored = stream.compressed ? deflateSync(edited) : edited;
  const before = pdf.subarray(0, stream.start).toString('latin1');
  const lengthAt = before.lastIndexOf(`/Length ${stream.raw.length}`);
  expect(lengthAt).toBeGreaterThan(0);
  return Buffer.concat([
    Buffer.from(
      before.slice(0, lengthAt) + `/Length ${stored.length}` + before.slice(lengthAt + `/Length ${stream.raw.length}`.length),
      'latin1',
    ),
    stored,
    pdf.subarray(stream.end),
  ]);
}

/** Changes exactly one byte of a text, at the first place `find` occurs. */
function changeOneByte(text: string, find: string, replacement: string): string {
  expect(Buffer.byteLength(find)).toBe(Buffer.byteLength(replacement));
  const at = text.indexOf(find);
  expect(at).toBeGreaterThanOrEqual(0);
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

describe('certificates: issuing, exporting and verifying', () => {
  let setup: Awaited<ReturnType<typeof startCertificateCore>>;
  beforeEach(async () => {
    setup = await startCertificateCore();
  });
  afterEach(() => setup.stop());

  it('refuses a certificate through the api until the completion rule is met', async () => {
    const refused = await failure(setup.core, 'certificates.issue', { session: setup.session, courseId: 'done' });
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toContain('You have not completed "Course done" yet');
    expect(refused.message).toContain('pass 2 more quizzes and open 2 more lessons');
    expect(await ok(setup.core, 'certificates.list', { session: setup.session })).toEqual([]);
    const status = await ok(setup.core, 'certificates.status', { session: setup.session, courseId: 'done' });
    expect(status).toEqual({ courseId: 'done', offered: true, eligible: false, certificate: null });
    expect(setup.core.db.prepare('SELECT COUNT(*) FROM certificates').pluck().get()).toBe(0);

    await setup.complete('done');
    const certificate = await setup.issue('done');
    expect(certificate).toMatchObject({ courseId: 'done', courseVersion: '1.0.0', learnerName: 'Núria Puig i Ferrà' });
    expect(certificate.verificationCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  });

  it('refuses a certificate for a course that does not offer one, even when completed', async () => {
    await setup.complete('off');
    const refused = await failure(setup.core, 'certificates.issue', { session: setup.session, courseId: 'off' });
    expect(refused).toMatchObject({ code: 'forbidden', message: '"Course off" does not offer a certificate.' });
  });

  it('issues once per course version and name; a renamed profile gets a new certificate, the old one stays', async () => {
    await setup.complete('done');
    const first = await setup.issue('done');
    expect((await setup.issue('done')).certificateId).toBe(first.certificateId);
    await ok(setup.core, 'learners.update', { session: setup.session, displayName: 'Núria Puig Ferrà' });
    const second = await setup.issue('done');
    expect(second.certificateId).not.toBe(first.certificateId);
    expect(second.learnerName).toBe('Núria Puig Ferrà');
    const list = await ok(setup.core, 'certificates.list', { session: setup.session });
    expect(list.map((entry) => entry.learnerName).sort()).toEqual(['Núria Puig Ferrà', 'Núria Puig i Ferrà']);
  });

  it('round trip: the exported JSON and PDF verify, with the fields as issued', async () => {
    await setup.complete('done');
    const certificate = await setup.issue('done');
    for (const format of ['json', 'pdf'] as const) {
      const file = await setup.exportFile(certificate.certificateId, format);
      const verdict = await verifyCertificateBytes(file.bytes, setup.dataDir);
      expect(verdict.status).toBe('valid');
      if (verdict.status !== 'valid') continue;
      expect(verdict.issuer).toBe('this-installation');
      expect(verdict.fields).toMatchObject({
        certificateId: certificate.certificateId,
        verificationCode: certificate.verificationCode,
        learnerName: 'Núria Puig i Ferrà',
        courseId: 'done',
        courseTitle: 'Course done',
        courseVersion: '1.0.0',
        hours: 1.5,
        scores: [
          { title: 'Quiz q1', percent: 100, passMark: 50 },
          { title: 'Quiz q2', percent: 50, passMark: 50 },
        ],
      });
    }
    const json = await setup.exportFile(certificate.certificateId, 'json');
    expect(json.fileName).toBe('certificate-done-nuria-puig-i-ferra.credential.json');
    expect(json.mediaType).toBe('application/json');
  });

  it('changing one byte of the JSON makes verification fail', async () => {
    await setup.complete('done');
    const certificate = await setup.issue('done');
    const json = (await setup.exportFile(certificate.certificateId, 'json')).bytes.toString('utf8');
    const cases = [
      changeOneByte(json, '"value": "50"', '"value": "90"'), // a score
      changeOneByte(json, 'Núria', 'Múria'), // the name
      changeOneByte(json, 'Course done', 'Course dune'), // the course title
      changeOneByte(json, '"Completed"', '"Completes"'), // the status
    ];
    for (const tampered of cases) {
      const verdict = await verifyCertificateBytes(Buffer.from(tampered, 'utf8'), setup.dataDir);
      expect(verdict.status).toBe('tampered');
    }
  });

  it("changing one byte of the PDF's embedded credential makes verification fail", async () => {
    await setup.complete('done');
    const certificate = await setup.issue('done');
    const pdf = (await setup.exportFile(certificate.certificateId, 'pdf')).bytes;
    const edited = editEmbeddedCredential(pdf, (json) => changeOneByte(json, '"value":"50"', '"value":"60"'));
    const verdict = await verifyCertificateBytes(edited, setup.dataDir);
    expect(verdict.status).toBe('tampered');

    // A byte flipped in the stored (compressed) stream itself: unreadable, and never valid.
    const [stream] = findEmbeddedFileStreams(pdf);
    const flipped = Buffer.from(pdf);
    const at = stream!.start + Math.floor(stream!.raw.length / 2);
    flipped[at] = flipped[at]! ^ 0x01;
    expect(['tampered', 'malformed']).toContain((await verifyCertificateBytes(flipped, setup.dataDir)).status);
  });

  it('reports an unknown issuer elsewhere, and a valid certificate once that issuer is trusted', async () => {
    await setup.complete('done');
    const certificate = await setup.issue('done');
    const file = (await setup.exportFile(certificate.certificateId, 'pdf')).bytes;
    const other = makeTempDir();
    try {
      const verdict = await verifyCertificateBytes(file, other.dir);
      expect(verdict.status).toBe('unknown-issuer');
      if (verdict.status !== 'unknown-issuer') return;
      trustIssuer(other.dir, { id: verdict.fields.issuerId, name: verdict.fields.issuerName });
      expect(await verifyCertificateBytes(file, other.dir)).toMatchObject({ status: 'valid', issuer: 'trusted' });
    } finally {
      other.remove();
    }
  });

  it('reports malformed files with a reason, and never fetches a context it does not ship', async () => {
    const check = (text: string) => verifyCertificateBytes(Buffer.from(text, 'utf8'), setup.dataDir);
    expect(await check('')).toEqual({ status: 'malformed', reason: 'the file is empty' });
    expect(await check('not json')).toMatchObject({ status: 'malformed' });
    expect(await check('{"hello": "world"}')).toMatchObject({ status: 'malformed' });
    expect(await verifyCertificateBytes(Buffer.from('%PDF-1.7\n%%EOF\n'), setup.dataDir)).toMatchObject({
      status: 'malformed',
      reason: expect.stringContaining('carries no certificate data'),
    });

    await setup.complete('done');
    const certificate = await setup.issue('done');
    const json = JSON.parse((await setup.exportFile(certificate.certificateId, 'json')).bytes.toString('utf8')) as {
      '@context': string[];
    };
    json['@context'].push('https://example.org/extra-context.json');
    const verdict = await check(JSON.stringify(json));
    expect(verdict).toMatchObject({
      status: 'malformed',
      reason: expect.stringContaining('https://example.org/extra-context.json'),
    });
  });

  it('the check channel gives the same verdict to the app, without needing a profile', async () => {
    await setup.complete('done');
    const certificate = await setup.issue('done');
    const pdf = await setup.exportFile(certificate.certificateId, 'pdf');
    const verdict = await ok(setup.core, 'certificates.check', { contentBase64: pdf.base64 });
    expect(verdict).toMatchObject({
      status: 'valid',
      issuer: 'this-installation',
      fields: { learnerName: 'Núria Puig i Ferrà' },
    });
    const refused = await failure(setup.core, 'certificates.check', { contentBase64: 'not base64!' });
    expect(refused.code).toBe('invalid-arguments');
  });

  it("a learner cannot export another learner's certificate", async () => {
    await setup.complete('done');
    const certificate = await setup.issue('done');
    const other = await ok(setup.core, 'learners.create', { displayName: 'Åsa Lindqvist', language: 'en' });
    const otherSession = (await ok(setup.core, 'learners.open', { learnerId: other.id })).session;
    const refused = await failure(setup.core, 'certificates.export', {
      session: otherSession,
      certificateId: certificate.certificateId,
      format: 'pdf',
    });
    expect(refused.code).toBe('not-found');
  });

  it('the QR code payload is signed by the issuer and fails when changed', async () => {
    await setup.complete('done');
    const certificate = await setup.issue('done');
    const payload = setup.core.db
      .prepare('SELECT qr_payload FROM certificates WHERE id = ?')
      .pluck()
      .get(certificate.certificateId) as string;
    const verdict = await verifyCompactPayload(payload);
    expect(verdict).toMatchObject({
      valid: true,
      fields: { n: 'Núria Puig i Ferrà', c: 'Course done', k: certificate.verificationCode },
    });
    const [prefix, body, signature] = payload.split('.');
    const fields = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = `${prefix}.${Buffer.from(JSON.stringify({ ...fields, n: 'Someone Else' })).toString('base64url')}.${signature}`;
    expect(await verifyCompactPayload(forged)).toEqual({
      valid: false,
      reason: 'the certificate code was changed after it was issued',
    });
  });
});
