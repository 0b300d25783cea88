import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, REPO_ROOT } from '../../helpers/temp-dir.js';
import { startCertificateCore } from '../certificates/certificate-setup.js';

/** Runs `npm run certificate -- ...` as a trainer or employer would, from their own folder. */
function certificate(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'certificate.ts'), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, INIT_CWD: cwd },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function course(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'course.ts'), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, INIT_CWD: cwd },
    encoding: 'utf8',
  });
}

// A 1x1 PNG, for the logo.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('npm run certificate', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let setup: Awaited<ReturnType<typeof startCertificateCore>>;
  beforeEach(async () => {
    temp = makeTempDir();
    setup = await startCertificateCore('Ørjan Ødegård');
  });
  afterEach(() => {
    setup.stop();
    temp.remove();
  });

  async function exported(format: 'pdf' | 'json') {
    await setup.complete('done');
    const issued = await setup.issue('done');
    const file = await setup.exportFile(issued.certificateId, format);
    const target = path.join(temp.dir, file.fileName);
    fs.writeFileSync(target, file.bytes);
    return { issued, target };
  }

  it('lists its commands, and every command has --help', () => {
    const overview = certificate(temp.dir, '--help');
    expect(overview.code).toBe(0);
    for (const name of ['verify', 'issuer', 'install-issuer', 'trust']) {
      expect(overview.out).toContain(name);
      const help = certificate(temp.dir, name, '--help');
      expect(help.code, name).toBe(0);
      expect(help.out).toContain(`npm run certificate -- ${name}`);
    }
  });

  it('verify prints the fields and exits 0 for a valid PDF and JSON', async () => {
    const { issued, target } = await exported('pdf');
    const json = path.join(temp.dir, 'copy.json');
    fs.writeFileSync(json, (await setup.exportFile(issued.certificateId, 'json')).bytes);
    for (const file of [target, json]) {
      const result = certificate(temp.dir, 'verify', path.basename(file), '--data-dir', setup.dataDir);
      expect(result.code, result.err).toBe(0);
      expect(result.out).toContain('VALID');
      expect(result.out).toContain('Learner:           Ørjan Ødegård');
      expect(result.out).toContain('Course:            Course done (version 1.0.0, id done)');
      expect(result.out).toContain(`Verification code: ${issued.verificationCode}`);
    }
  });

  it('verify says which: tampered (2), malformed (3), unknown issuer (4)', async () => {
    const { target } = await exported('json');
    const text = fs.readFileSync(target, 'utf8');
    fs.writeFileSync(path.join(temp.dir, 'tampered.json'), text.replace('Ørjan', 'Örjan'));
    const tampered = certificate(temp.dir, 'verify', 'tampered.json', '--data-dir', setup.dataDir);
    expect(tampered.code).toBe(2);
    expect(tampered.err).toContain('TAMPERED');

    fs.writeFileSync(path.join(temp.dir, 'broken.json'), text.slice(0, 200));
    const malformed = certificate(temp.dir, 'verify', 'broken.json', '--data-dir', setup.dataDir);
    expect(malformed.code).toBe(3);
    expect(malformed.err).toContain('MALFORMED');

    const elsewhere = path.join(temp.dir, 'other-data');
    const unknown = certificate(temp.dir, 'verify', target, '--data-dir', elsewhere);
    expect(unknown.code).toBe(4);
    expect(unknown.err).toContain('UNKNOWN ISSUER');
    expect(fs.existsSync(path.join(elsewhere, 'issuer'))).toBe(false); // checking never creates a key

    const trusted = certificate(temp.dir, 'trust', target, '--data-dir', elsewhere);
    expect(trusted.code).toBe(0);
    expect(certificate(temp.dir, 'verify', target, '--data-dir', elsewhere).code).toBe(0);

    expect(certificate(temp.dir, 'verify', 'missing.pdf', '--data-dir', setup.dataDir).code).toBe(1);
    // Not a PDF Aula made: a PDF with a compressed stream but no credential.
    fs.writeFileSync(path.join(temp.dir, 'other.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), deflateSync('x')]));
    expect(certificate(temp.dir, 'verify', 'other.pdf', '--data-dir', setup.dataDir).code).toBe(3);
  });

  it("install-issuer issues certificates with a partner's key, name and logo", async () => {
    expect(course(temp.dir, 'keygen', 'Cooperativa Exemple').status).toBe(0);
    fs.writeFileSync(path.join(temp.dir, 'logo.png'), PNG);
    const installed = certificate(
      temp.dir,
      'install-issuer',
      '--key',
      'cooperativa-exemple.aula-key.json',
      '--logo',
      'logo.png',
      '--url',
      'https://coop.example',
      '--data-dir',
      setup.dataDir,
    );
    expect(installed.code, installed.err).toBe(0);
    expect(installed.out).toContain('Name:  Cooperativa Exemple');
    expect(installed.out).toContain('Logo:  yes');

    await setup.complete('done');
    const issued = await setup.issue('done');
    expect(issued.issuerName).toBe('Cooperativa Exemple');
    const json = JSON.parse((await setup.exportFile(issued.certificateId, 'json')).bytes.toString('utf8')) as {
      issuer: { name: string; url: string; image: { id: string } };
    };
    expect(json.issuer).toMatchObject({ name: 'Cooperativa Exemple', url: 'https://coop.example' });
    expect(json.issuer.image.id).toBe(`data:image/png;base64,${PNG.toString('base64')}`);

    fs.writeFileSync(path.join(temp.dir, 'fake.png'), 'not a picture');
    const refused = certificate(temp.dir, 'issuer', '--logo', 'fake.png', '--data-dir', setup.dataDir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('is not a valid PNG image');
    const badKey = certificate(temp.dir, 'install-issuer', '--key', 'logo.png', '--data-dir', setup.dataDir);
    expect(badKey.code).toBe(1);
    expect(badKey.err).toContain('is not an Aula signing key');
  });
});
