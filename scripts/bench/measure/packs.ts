/**
 * 5. Packs, with the functions `npm run course -- pack` and the app's install use:
 * - pack every bundled course (check, compile, zip, sign, write the file), cold (an empty lesson
 *   cache) and again with nothing changed (the cache from the first pack);
 * - install a pack of about 50 MB (the first bundled course plus 50 MB of random bytes in asset
 *   files) into a new data folder: verify, extract, check, swap into place. Once with the files
 *   named as photos (`.jpg`: the pack stores them as they are), once with an extension the pack
 *   compresses (`.bin`): random bytes do not compress, so that shows what deflating and inflating
 *   incompressible files costs.
 * Baselines, same run, same disk: for packing, reading and SHA-256-hashing every file of the same
 * course folders; for installing, reading the pack, hashing it and writing it once with fsync.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { installedCoursesDir } from '../../../electron/core/course-installation.js';
import { findCourseFolders } from '../../../electron/courses/catalog.js';
import { checkCourse } from '../../../electron/courses/check/check-course.js';
import { buildPack } from '../../../electron/courses/pack/build-pack.js';
import { installPack } from '../../../electron/courses/pack/install-pack.js';
import { generateSigningKey, readSigningKey, type SigningKey } from '../../../electron/crypto/signing-keys.js';
import { BUNDLED_COURSES_DIR } from '../../lib/project-paths.js';
import { SECTIONS, type BenchContext, type Measurement } from '../lib/context.js';
import type { BenchRow } from '../lib/report.js';

const MB = 1e6;
const FILLER_FILES = 10;
const FILLER_FILE_BYTES = 5 * MB;

function benchSigningKey(dir: string): SigningKey {
  const file = path.join(dir, 'bench.aula-key.json');
  fs.writeFileSync(file, generateSigningKey('Aula benchmark').privateFile);
  return readSigningKey(file);
}

/** Checks, compiles and writes one pack per course folder, as `course pack` does. Returns the pack files. */
async function packCourses(folders: string[], key: SigningKey, cacheDir: string, outDir: string): Promise<string[]> {
  const files: string[] = [];
  for (const folder of folders) {
    const report = await checkCourse(folder);
    if (report.errorCount > 0) throw new Error(`${path.basename(folder)} has ${report.errorCount} error(s) in course check`);
    const { bytes, manifest } = await buildPack(folder, { key, cacheDir });
    const file = path.join(outDir, `${manifest.course.id}-${manifest.course.version}.aulapack`);
    const temp = `${file}.tmp`;
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, file);
    files.push(file);
  }
  return files;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
    });
}

/** The floor of packing: read and hash every file of the course folders. */
function readAndHash(folders: string[]): void {
  for (const file of folders.flatMap(filesUnder)) createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The floor of installing: read the pack, hash it, write it once and make it durable. */
function copyHashAndSync(packFile: string, targetDir: string): void {
  const bytes = fs.readFileSync(packFile);
  createHash('sha256').update(bytes).digest('hex');
  const fd = fs.openSync(path.join(targetDir, path.basename(packFile)), 'wx');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function timed(action: () => void): number {
  const started = performance.now();
  action();
  return performance.now() - started;
}

async function timedAsync<T>(action: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await action();
  return { ms: performance.now() - started, value };
}

/** A copy of `courseDir` with `count` files of random bytes in assets/: a pack of about count x size. */
function courseWithFiller(courseDir: string, targetDir: string, extension: string): string {
  fs.cpSync(courseDir, targetDir, { recursive: true });
  const assets = path.join(targetDir, 'assets');
  fs.mkdirSync(assets, { recursive: true });
  for (let i = 0; i < FILLER_FILES; i += 1) {
    fs.writeFileSync(path.join(assets, `bench-filler-${i + 1}.${extension}`), randomBytes(FILLER_FILE_BYTES));
  }
  return targetDir;
}

interface InstallTiming {
  packMB: number;
  installMs: number;
  floorMs: number;
}

/** Packs (untimed) a copy of the course with 50 MB of filler, then times installing it into a new data folder. */
async function timeBigInstall(
  context: BenchContext,
  courseDir: string,
  key: SigningKey,
  extension: string,
): Promise<InstallTiming> {
  const { resources } = context;
  const course = courseWithFiller(courseDir, resources.folder(`big-course-${extension}`), extension);
  const [pack] = await packCourses(
    [course],
    key,
    resources.folder(`big-cache-${extension}`),
    resources.folder(`big-pack-${extension}`),
  );
  if (!pack) throw new Error('the 50 MB pack was not written');
  const dataDir = resources.folder(`install-data-${extension}`);
  const install = await timedAsync(() =>
    installPack(pack, { coursesDir: installedCoursesDir(dataDir), dataDir, trustSigner: true }),
  );
  const floorMs = timed(() => copyHashAndSync(pack, resources.folder(`install-floor-${extension}`)));
  return { packMB: fs.statSync(pack).size / MB, installMs: install.ms, floorMs };
}

async function measurePacks(context: BenchContext): Promise<BenchRow[]> {
  const { resources } = context;
  const folders = findCourseFolders(BUNDLED_COURSES_DIR);
  const firstCourse = folders[0];
  if (!firstCourse) throw new Error(`no course folders in ${BUNDLED_COURSES_DIR}`);
  const key = benchSigningKey(resources.folder('pack-key'));
  const cacheDir = resources.folder('pack-cache');
  const hashMs = timed(() => readAndHash(folders));
  const cold = await timedAsync(() => packCourses(folders, key, cacheDir, resources.folder('packs-cold')));
  const again = await timedAsync(() => packCourses(folders, key, cacheDir, resources.folder('packs-again')));
  const hashAgainMs = timed(() => readAndHash(folders));

  const photos = await timeBigInstall(context, firstCourse, key, 'jpg');
  const unknown = await timeBigInstall(context, firstCourse, key, 'bin');

  const courses = `${folders.length} bundled course${folders.length === 1 ? '' : 's'}`;
  const hashLabel = 'read + SHA-256 of the same files';
  context.details.packs = {
    courses: folders.map((folder) => path.basename(folder)),
    coldMs: cold.ms,
    againMs: again.ms,
    installStored: photos,
    installDeflated: unknown,
  };
  const floorLabel = 'read + SHA-256 + write with fsync of the pack';
  return [
    {
      kind: 'measured',
      section: SECTIONS.packs,
      name: `Pack all ${courses} (check, compile, sign, write), cold cache`,
      value: cold.ms,
      unit: 'ms',
      baseline: { label: hashLabel, value: hashMs },
    },
    {
      kind: 'measured',
      section: SECTIONS.packs,
      name: `Pack all ${courses} again, nothing changed`,
      value: again.ms,
      unit: 'ms',
      baseline: { label: hashLabel, value: hashAgainMs },
    },
    {
      kind: 'measured',
      section: SECTIONS.packs,
      name: `Install a ${photos.packMB.toFixed(1)} MB signed pack of photos (stored) (verify, extract, check, swap in)`,
      value: photos.installMs,
      unit: 'ms',
      baseline: { label: floorLabel, value: photos.floorMs },
    },
    {
      kind: 'measured',
      section: SECTIONS.packs,
      name: `- the same, ${unknown.packMB.toFixed(1)} MB of incompressible .bin files (deflated in the pack)`,
      value: unknown.installMs,
      unit: 'ms',
      baseline: { label: floorLabel, value: unknown.floorMs },
    },
  ];
}

export const packsMeasurement: Measurement = { id: 'packs', section: SECTIONS.packs, run: measurePacks };
