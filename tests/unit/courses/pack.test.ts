import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorFacts } from '../../../electron/contract/channels.js';
import { findCourseFolders, loadCatalog } from '../../../electron/courses/catalog.js';
import { buildPack } from '../../../electron/courses/pack/build-pack.js';
import { installPack, uninstallCourse, type InstallOptions } from '../../../electron/courses/pack/install-pack.js';
import { PACK_LIMITS } from '../../../electron/courses/pack/pack-format.js';
import { PackRefusal, type PackRefusalReason } from '../../../electron/courses/pack/pack-refusal.js';
import { generateSigningKey, readSigningKey, signBytes, type SigningKey } from '../../../electron/crypto/signing-keys.js';
import { isTrusted } from '../../../electron/courses/pack/trusted-signers.js';
import { craftZip, type CraftedEntry } from '../../helpers/craft-zip.js';
import { copyCourse, makeTempDir, SAMPLE_COURSE_DIR } from '../../helpers/temp-dir.js';

function unzipAll(bytes: Buffer): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const out: { name: string; data: Buffer }[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

describe('course packs', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let key: SigningKey;
  let dataDir: string;
  let coursesDir: string;
  let cacheDir: string;
  let courseDir: string;

  const makeKey = (name: string): SigningKey => {
    const generated = generateSigningKey(name);
    const file = path.join(temp.dir, `${name.replace(/\W/g, '')}-${Math.random().toString(36).slice(2)}.json`);
    fs.writeFileSync(file, generated.privateFile);
    return readSigningKey(file);
  };
  const writePack = (bytes: Buffer, name = 'course.aulapack') => {
    const file = path.join(temp.dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };
  const options = (extra: Partial<InstallOptions> = {}): InstallOptions => ({ coursesDir, dataDir, ...extra });
  const installedFolders = () => (fs.existsSync(coursesDir) ? fs.readdirSync(coursesDir).sort() : []);

  beforeEach(() => {
    temp = makeTempDir();
    dataDir = path.join(temp.dir, 'data');
    coursesDir = path.join(dataDir, 'courses');
    cacheDir = path.join(temp.dir, 'cache');
    courseDir = copyCourse(SAMPLE_COURSE_DIR, temp.dir, 'source');
    key = makeKey('Coop Example');
  });
  afterEach(() => temp.remove());

  it('packs a course deterministically: the same input and key give the same bytes', async () => {
    const first = await buildPack(courseDir, { key, cacheDir });
    const second = await buildPack(courseDir, { key, cacheDir: path.join(temp.dir, 'other-cache') });
    expect(first.bytes.equals(second.bytes)).toBe(true);
    const names = (await unzipAll(first.bytes)).map((entry) => entry.name);
    expect(names.slice(0, 2)).toEqual(['aula-pack.json', 'aula-pack.sig']);
    expect(names).toContain('course/lessons/data-you-already-have.js');
    expect(names).toContain('course/quizzes/data-sources-check.yaml');
    expect(names).toContain('course/assets/data-sources.svg');
    expect(names.some((name) => name.endsWith('.mdx'))).toBe(false);
    expect(first.manifest.files.every((file) => /^[0-9a-f]{64}$/.test(file.sha256))).toBe(true);
  });

  it('installs a signed pack from a trusted signer, and the app loads it without compiling', async () => {
    const packFile = writePack((await buildPack(courseDir, { key, cacheDir })).bytes);
    const installed = await installPack(packFile, options({ trustSigner: true }));
    expect(installed).toMatchObject({
      courseId: 'sample',
      version: '1.0.0',
      replacedVersion: null,
      signer: { name: 'Coop Example' },
    });
    expect(isTrusted(dataDir, key.signer)).toBe(true);
    expect(installedFolders()).toEqual(['sample']);

    const catalog = await loadCatalog(findCourseFolders(coursesDir), path.join(dataDir, 'cache'));
    expect(catalog.problems).toEqual([]);
    expect(catalog.counts).toEqual({ compiled: 0, reused: 0 });
    const course = catalog.courses.get('sample')!;
    expect(course.installedFromPack).toBe(true);
    expect(course.lessons.map((lesson) => lesson.title)).toEqual([
      'The data your organisation already has',
      'Reading a table of figures',
      'Describing a set of figures',
    ]);
    expect(fs.existsSync(catalog.lessonModules.get(course.lessons[0]!.moduleHash)!)).toBe(true);
    // What each lesson shows travels in the pack, so opening it can send its quizzes along.
    expect(course.lessons.map((lesson) => lesson.quizIds)).toEqual([
      ['data-sources-check'],
      ['reading-a-table-check'],
      ['describing-figures-check'],
    ]);
  });

  it('replaces an installed course with a newer version', async () => {
    await installPack(
      writePack((await buildPack(courseDir, { key, cacheDir })).bytes, 'v1.aulapack'),
      options({ trustSigner: true }),
    );
    const manifest = path.join(courseDir, 'course.yaml');
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('version: 1.0.0', 'version: 1.1.0'));
    const installed = await installPack(
      writePack((await buildPack(courseDir, { key, cacheDir })).bytes, 'v2.aulapack'),
      options(),
    );
    expect(installed).toMatchObject({ version: '1.1.0', replacedVersion: '1.0.0' });
    expect(installedFolders()).toEqual(['sample']);
  });

  it('uninstalls a course folder', async () => {
    await installPack(writePack((await buildPack(courseDir, { key, cacheDir })).bytes), options({ trustSigner: true }));
    uninstallCourse(coursesDir, 'sample');
    expect(installedFolders()).toEqual([]);
  });

  describe('refuses bad packs with a clear message and leaves nothing behind', () => {
    let original: { name: string; data: Buffer }[];
    let previousInstall: string;

    beforeEach(async () => {
      // An older version is installed first: a refused pack must leave it exactly as it was.
      const manifest = path.join(courseDir, 'course.yaml');
      const older = fs.readFileSync(manifest, 'utf8');
      fs.writeFileSync(manifest, older.replace('version: 1.0.0', 'version: 0.9.0'));
      await installPack(
        writePack((await buildPack(courseDir, { key, cacheDir })).bytes, 'old.aulapack'),
        options({ trustSigner: true }),
      );
      previousInstall = fs.readFileSync(path.join(coursesDir, 'sample', 'course.yaml'), 'utf8');
      fs.writeFileSync(manifest, older);
      original = await unzipAll((await buildPack(courseDir, { key, cacheDir })).bytes);
    });

    const expectRefusal = async (
      packFile: string,
      reason: PackRefusalReason,
      message: RegExp,
      extra: Partial<InstallOptions> = {},
      facts?: ErrorFacts,
    ) => {
      const error = await installPack(packFile, options(extra)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PackRefusal);
      expect((error as PackRefusal).reason).toBe(reason);
      expect((error as PackRefusal).message).toMatch(message);
      // The translatable reason names the same file or signer as the English message.
      if (facts) expect((error as PackRefusal).facts).toEqual(facts);
      expect(installedFolders()).toEqual(['sample']);
      expect(fs.readFileSync(path.join(coursesDir, 'sample', 'course.yaml'), 'utf8')).toBe(previousInstall);
    };
    const repack = async (entries: CraftedEntry[]) => writePack(await craftZip(entries), 'bad.aulapack');
    const withEntries = (change: (entries: { name: string; data: Buffer }[]) => CraftedEntry[]) =>
      repack(change(original.map((e) => ({ ...e }))));
    const manifestOf = (entries: { name: string; data: Buffer }[]) =>
      JSON.parse(entries.find((e) => e.name === 'aula-pack.json')!.data.toString()) as Record<string, unknown>;
    const withManifest = (entries: { name: string; data: Buffer }[], manifest: unknown, signWith?: SigningKey) => {
      const bytes = Buffer.from(JSON.stringify(manifest));
      return entries.map((e) =>
        e.name === 'aula-pack.json'
          ? { ...e, data: bytes }
          : e.name === 'aula-pack.sig' && signWith
            ? { ...e, data: Buffer.from(signBytes(signWith, bytes)) }
            : e,
      );
    };

    it('a file changed after signing', async () => {
      const file = await withEntries((entries) =>
        entries.map((e) =>
          e.name === 'course/course.yaml' ? { ...e, data: Buffer.from(e.data.toString().replace('Getting', 'Gutting')) } : e,
        ),
      );
      await expectRefusal(
        file,
        'tampered',
        /changed after packing/,
        {},
        {
          reason: 'pack.checksum-mismatch',
          params: { entry: 'course/course.yaml' },
        },
      );
    });

    it('a manifest changed after signing (bad signature)', async () => {
      const file = await withEntries((entries) =>
        withManifest(entries, { ...manifestOf(entries), course: { id: 'sample', version: '1.0.0', title: 'Changed' } }),
      );
      await expectRefusal(file, 'bad-signature', /changed after Coop Example signed it/);
    });

    it('a signature made with another key', async () => {
      const file = await withEntries((entries) => withManifest(entries, manifestOf(entries), makeKey('Impostor')));
      await expectRefusal(file, 'bad-signature', /does not match/);
    });

    it('a missing signature', async () => {
      const file = await withEntries((entries) => entries.filter((e) => e.name !== 'aula-pack.sig'));
      await expectRefusal(file, 'missing-signature', /no signature/);
    });

    it('an unsigned pack, unless unsigned packs are allowed', async () => {
      const unsigned = writePack((await buildPack(courseDir, { cacheDir })).bytes, 'unsigned.aulapack');
      await expectRefusal(unsigned, 'unsigned', /not signed/);
      await expect(installPack(unsigned, options({ allowUnsigned: true }))).resolves.toMatchObject({ signer: null });
    });

    it('a signer the installation does not trust, until the person trusts it', async () => {
      const stranger = makeKey('Unknown Association');
      const file = writePack((await buildPack(courseDir, { key: stranger, cacheDir })).bytes, 'stranger.aulapack');
      await expectRefusal(
        file,
        'untrusted-signer',
        /signed by "Unknown Association".*does not trust/,
        {},
        {
          reason: 'pack.untrusted-signer',
          params: { signer: 'Unknown Association', keyId: stranger.signer.keyId },
        },
      );
      await installPack(file, options({ trustSigner: true }));
      expect(isTrusted(dataDir, stranger.signer)).toBe(true);
    });

    it.each([
      ['a parent-folder path', '../evil.txt'],
      ['a nested parent-folder path', 'course/../../evil.txt'],
      ['an absolute path', '/tmp/evil.txt'],
      ['a drive letter', 'C:/evil.txt'],
      ['a backslash path', 'course\\..\\evil'],
    ])('an entry with %s', async (_label, name) => {
      const file = await withEntries((entries) => [...entries, { name, data: 'x' }]);
      await expectRefusal(file, 'unsafe-path', /unsafe|absolute|leaves the course/);
    });

    it('a symbolic link', async () => {
      const file = await withEntries((entries) => [
        ...entries,
        { name: 'course/assets/link', data: '/etc/passwd', mode: 0o120777 },
      ]);
      await expectRefusal(
        file,
        'unsafe-path',
        /symbolic link/,
        {},
        { reason: 'pack.symlink', params: { entry: 'course/assets/link' } },
      );
    });

    it('a duplicate path', async () => {
      const file = await withEntries((entries) => [...entries, { name: 'course/course.yaml', data: 'id: other' }]);
      await expectRefusal(file, 'duplicate-path', /twice/);
    });

    it('a name that is not valid UTF-8', async () => {
      const file = await withEntries((entries) => [
        ...entries,
        { name: Buffer.from([0x63, 0x6f, 0xff, 0xfe, 0x2e, 0x74]), data: 'x' },
      ]);
      await expectRefusal(file, 'invalid-name', /not valid UTF-8/);
    });

    it('too many entries', async () => {
      const file = await withEntries((entries) => entries);
      await expectRefusal(file, 'too-many-entries', /more than Aula accepts/, { limits: { ...PACK_LIMITS, maxEntries: 5 } });
    });

    it('a zip bomb (a file that expands far beyond its compressed size)', async () => {
      const file = await withEntries((entries) => [
        ...entries,
        { name: 'course/assets/zeros.bin', data: Buffer.alloc(8 * 1024 * 1024) },
      ]);
      await expectRefusal(file, 'too-large', /expands far more/);
    });

    it('an expanded size over the limit', async () => {
      const file = await withEntries((entries) => entries);
      await expectRefusal(file, 'too-large', /expands to more than/, { limits: { ...PACK_LIMITS, maxTotalBytes: 1000 } });
    });

    it('an unknown pack format version', async () => {
      const file = await withEntries((entries) => withManifest(entries, { ...manifestOf(entries), format: 2 }, key));
      await expectRefusal(file, 'unknown-format', /newer version of Aula/);
    });

    it('a manifest that fails the schema', async () => {
      const file = await withEntries((entries) => withManifest(entries, { ...manifestOf(entries), files: 'all of them' }, key));
      await expectRefusal(file, 'invalid-manifest', /not valid: files/);
    });

    it('a course inside that fails the course schema', async () => {
      const broken = path.join(courseDir, 'course.yaml');
      fs.writeFileSync(broken, fs.readFileSync(broken, 'utf8').replace('language: en', 'language: 42'));
      // Packing validates too, so the bad course is put together by hand, correctly signed.
      const entries = original.map((e) => (e.name === 'course/course.yaml' ? { ...e, data: fs.readFileSync(broken) } : e));
      const manifest = manifestOf(entries) as { files: { path: string; size: number; sha256: string }[] };
      const data = fs.readFileSync(broken);
      const { createHash } = await import('node:crypto');
      manifest.files = manifest.files.map((f) =>
        f.path === 'course/course.yaml'
          ? { ...f, size: data.length, sha256: createHash('sha256').update(data).digest('hex') }
          : f,
      );
      await expectRefusal(await repack(withManifest(entries, manifest, key)), 'invalid-course', /course\.yaml.*language/);
    });

    it('a file that is not a zip at all', async () => {
      await expectRefusal(
        writePack(Buffer.from('this is a text file, not a course'), 'note.aulapack'),
        'not-a-zip',
        /not an Aula course pack/,
      );
    });

    it('a truncated pack', async () => {
      const whole = (await buildPack(courseDir, { key, cacheDir })).bytes;
      await expectRefusal(
        writePack(whole.subarray(0, Math.floor(whole.length / 2)), 'half.aulapack'),
        'not-a-zip',
        /not an Aula course pack/,
      );
    });
  });
});
