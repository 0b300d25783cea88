import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstTextDifference } from '../../../electron/certificates/certificate-page-check.js';
import { readPageText } from '../../../electron/certificates/pdf-page-text.js';
import { verifyCertificateBytes, type CertificateVerdict } from '../../../electron/certificates/verify-certificate.js';
import { describeVerdict, VERIFY_EXIT } from '../../../scripts/certificate/verify-command.js';
import { ok } from '../../helpers/typed-core.js';
import { appendViewerSave, findStream, replaceStream } from '../../helpers/pdf-surgery.js';
import { popplerText } from '../../helpers/poppler.js';
import { LESSONS, startCertificateCore } from './certificate-setup.js';

const FIRST = 'Ieva Ozola';
const SECOND = 'Marta Vidal';

/** The page's content stream and the hex glyph codes of the learner's name (the only 26 pt text). */
function nameGlyphs(pdf: Buffer) {
  const page = findStream(pdf, (_dictionary, data) => data.includes(' 26 Tf'));
  const content = page.data.toString('latin1');
  const line = /\/F\d+ 26 Tf\n\[([^\]]*)\] TJ/.exec(content);
  if (!line?.[1]) throw new Error('no name line on the page');
  const codes = [...line[1].matchAll(/<([0-9a-f]+)>/g)].flatMap((hex) => hex[1]!.match(/.{4}/g)!);
  return { page, content, line: line[0], codes };
}

describe('the printed page of a certificate PDF is checked against its signed credential', () => {
  let setup: Awaited<ReturnType<typeof startCertificateCore>>;
  beforeEach(async () => {
    completed = false;
    setup = await startCertificateCore(FIRST);
  });
  afterEach(() => setup.stop());

  let completed = false;
  async function firstLearnersPdf(paper: 'a4' | 'letter' = 'a4'): Promise<Buffer> {
    if (!completed) await setup.complete('done');
    completed = true;
    const certificate = await setup.issue('done');
    return (await setup.exportFile(certificate.certificateId, 'pdf', paper)).bytes;
  }

  it('a certificate printed by Aula passes, on either paper, and the same export gives the same file', async () => {
    const a4 = await firstLearnersPdf();
    const letter = await firstLearnersPdf('letter');
    for (const pdf of [a4, letter]) {
      const verdict = await verifyCertificateBytes(pdf, setup.dataDir);
      expect(verdict).toMatchObject({ status: 'valid', issuer: 'this-installation', fields: { learnerName: FIRST } });
    }
    expect((await firstLearnersPdf()).equals(a4)).toBe(true);
    // The page's own text is read too (it is what names a forged field), and agrees piece by piece.
    const verdict = await verifyCertificateBytes(a4, setup.dataDir);
    if (verdict.status !== 'valid') throw new Error(verdict.status);
    expect(firstTextDifference(readPageText(a4), verdict.fields, 'en')).toBeNull();
    expect(firstTextDifference(readPageText(a4), { ...verdict.fields, hours: 2 }, 'en')).toBe('hours');
  });

  it('refuses a PDF whose printed name was edited (one glyph), saying the printed name differs', async () => {
    const pdf = await firstLearnersPdf();
    const { page, content, line, codes } = nameGlyphs(pdf);
    // "Ieva Ozola": the second glyph (e) becomes the fourth (a), a letter the embedded font has.
    const [, e, , a] = codes;
    expect(e).not.toBe(a);
    const forgedLine = line.replace(new RegExp(`^([\\s\\S]*?<(?:[0-9a-f]{4})*?)${e}`), `$1${a}`);
    const forged = replaceStream(pdf, page.number, Buffer.from(content.replace(line, forgedLine), 'latin1'));

    // What a person sees: the forged name, and the real one nowhere.
    const shown = popplerText(forged);
    expect(shown).toContain('Iava Ozola');
    expect(shown).not.toContain(FIRST);

    const verdict = await verifyCertificateBytes(forged, setup.dataDir);
    expect(verdict).toMatchObject({ status: 'tampered', printed: 'learner-name' });
    expect(verdict.status === 'tampered' && verdict.reason).toBe('the printed learner name differs from the signed one');
    const described = describeVerdict(verdict);
    expect(described.exitCode).toBe(VERIFY_EXIT.tampered);
    expect(described.lines[0]).toContain('the printed learner name differs from the signed one');
  });

  it("refuses a learner's PDF carrying another learner's credential, though that credential's signature is intact", async () => {
    const pdf = await firstLearnersPdf();
    // A second learner on the same installation completes the course and exports theirs.
    const other = await ok(setup.core, 'learners.create', { displayName: SECOND, language: 'en' });
    const session = (await ok(setup.core, 'learners.open', { learnerId: other.id })).session;
    for (const lessonId of LESSONS) await ok(setup.core, 'lesson.open', { session, courseId: 'done', lessonId });
    for (const [quizId, questionId, value] of [
      ['q1', 'first', true],
      ['q1', 'second', false],
      ['q2', 'first', true],
      ['q2', 'second', false],
    ] as const) {
      await ok(setup.core, 'quiz.submitAnswer', {
        session,
        courseId: 'done',
        quizId,
        questionId,
        answer: { type: 'true-false', value },
      });
    }
    const theirs = await ok(setup.core, 'certificates.issue', { session, courseId: 'done' });
    const exported = await ok(setup.core, 'certificates.export', {
      session,
      certificateId: theirs.certificateId,
      format: 'json',
      paper: 'a4',
    });
    const credential = findStream(pdf, (dictionary) => dictionary.includes('/Type /EmbeddedFile'));
    const forged = replaceStream(pdf, credential.number, Buffer.from(exported.base64, 'base64'));

    // The page still shows the first learner and their code.
    const shown = popplerText(forged);
    expect(shown).toContain(FIRST);
    expect(shown).not.toContain(theirs.verificationCode);

    const verdict = await verifyCertificateBytes(forged, setup.dataDir);
    expect(verdict).toMatchObject({ status: 'tampered', printed: 'learner-name', fields: { learnerName: SECOND } });
  });

  it("reports a PDF re-saved by a viewer as a page that can't be checked, with what the credential says", async () => {
    const pdf = await firstLearnersPdf();
    const resaved = appendViewerSave(pdf);
    expect(popplerText(resaved)).toContain(FIRST);
    const verdict: CertificateVerdict = await verifyCertificateBytes(resaved, setup.dataDir);
    expect(verdict).toMatchObject({ status: 'page-unchecked', issuer: 'this-installation', fields: { learnerName: FIRST } });
    const described = describeVerdict(verdict);
    expect(described.exitCode).toBe(VERIFY_EXIT['page-unchecked']);
    expect(described.lines[0]).toMatch(
      /^PAGE NOT CHECKED: the page can't be checked \(.+\); the attached credential is valid for Ieva Ozola, "Course done"/,
    );
  });

  it('refuses a page with text added to it', async () => {
    const pdf = await firstLearnersPdf();
    const { page, content, line } = nameGlyphs(pdf);
    // The name drawn a second time, as an overlay would add it.
    const added = content.replace(line, `${line}\nET\nBT\n1 0 0 1 100 100 Tm\n${line}`);
    const forged = replaceStream(pdf, page.number, Buffer.from(added, 'latin1'));
    const verdict = await verifyCertificateBytes(forged, setup.dataDir);
    expect(verdict).toMatchObject({ status: 'tampered', printed: 'extra-text' });
    expect(verdict.status === 'tampered' && verdict.reason).toBe(
      'the page shows text that is not on the certificate Aula printed',
    );
  });

  it('refuses a PDF whose QR code summary was changed, even by one character of its signature', async () => {
    const pdf = await firstLearnersPdf();
    const text = pdf.toString('latin1');
    const payload = /\((AULA1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\)/.exec(text)?.[1];
    if (!payload) throw new Error('no QR payload in the PDF');
    const last = payload.at(-2) === 'A' ? 'B' : 'A';
    const changed = `${payload.slice(0, -2)}${last}${payload.at(-1)}`;
    // Same length: every offset in the file stays right.
    const forged = Buffer.from(text.replace(`(${payload})`, `(${changed})`), 'latin1');
    const verdict = await verifyCertificateBytes(forged, setup.dataDir);
    expect(verdict).toMatchObject({ status: 'tampered', printed: 'qr-code' });
  });
});
