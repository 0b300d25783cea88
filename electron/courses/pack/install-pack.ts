import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DomainRefusal } from '../../domain/domain-refusal.js';
import type { Catalog } from '../catalog-contents.js';
import { loadCourse, readCourseManifest } from '../load-course.js';
import { inspectPack, readVerifiedEntry, type InspectedPack, type PackLimits } from './inspect-pack.js';
import { PACK_COURSE_PREFIX, PACK_LIMITS, PACK_MANIFEST_NAME, PACK_SIGNATURE_NAME, type PackSigner } from './pack-format.js';
import { PackRefusal } from './pack-refusal.js';
import { isTrusted, trustSigner } from './trusted-signers.js';

export interface InstallOptions {
  /** Folder holding installed courses (`<data folder>/courses`). */
  coursesDir: string;
  /** Data folder, for the list of trusted signers. */
  dataDir: string;
  /** The person confirmed they trust this pack's signer (asked when the signer is unknown). */
  trustSigner?: boolean;
  /** Developer option: install packs without a signature. */
  allowUnsigned?: boolean;
  limits?: PackLimits;
  onProgress?: (done: number, total: number) => void;
}

export interface InstalledPack {
  courseId: string;
  version: string;
  title: string;
  signer: PackSigner | null;
  /** Version of the course this install replaced, if any. */
  replacedVersion: string | null;
}

function checkTrust(pack: InspectedPack, options: InstallOptions): void {
  if (!pack.signer) {
    if (!options.allowUnsigned) {
      throw new PackRefusal(
        'unsigned',
        'This course pack is not signed, so Aula cannot tell who made it. Ask its author for a signed pack, or turn on "Allow unsigned packs" in the developer options if you made it yourself.',
        { reason: 'pack.unsigned' },
      );
    }
    return;
  }
  if (!isTrusted(options.dataDir, pack.signer) && !options.trustSigner) {
    throw new PackRefusal(
      'untrusted-signer',
      `This course pack is signed by "${pack.signer.name}" (key ${pack.signer.keyId}), whom this installation does not trust yet. Install it only if you trust this organisation.`,
      { reason: 'pack.untrusted-signer', params: { signer: pack.signer.name, keyId: pack.signer.keyId } },
    );
  }
}

async function extractTo(
  pack: InspectedPack,
  stagingDir: string,
  onProgress: (done: number, total: number) => void,
): Promise<void> {
  const names = pack.manifest.files.map((file) => file.path);
  let done = 0;
  for (const name of names) {
    const relative = name.slice(PACK_COURSE_PREFIX.length);
    if (!name.startsWith(PACK_COURSE_PREFIX) || relative.length === 0) {
      throw new PackRefusal('invalid-manifest', `The pack lists ${JSON.stringify(name)} outside its course/ folder.`, {
        reason: 'pack.outside-course',
        params: { entry: name },
      });
    }
    const target = path.join(stagingDir, ...relative.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const fd = fs.openSync(target, 'wx');
    try {
      await readVerifiedEntry(pack, name, (chunk) => fs.writeSync(fd, chunk));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    done += 1;
    onProgress(done, names.length);
  }
}

/**
 * Installs a pack into the installed-courses folder. Everything is verified first; the course is
 * extracted into a hidden staging folder, checked again as a course, and only then swapped into
 * place. On any refusal or error nothing is left behind and an installed older version stays.
 */
export async function installPack(packFile: string, options: InstallOptions): Promise<InstalledPack> {
  const pack = await inspectPack(packFile, options.limits ?? PACK_LIMITS);
  const stagingDir = path.join(options.coursesDir, `.staging-${randomBytes(6).toString('hex')}`);
  try {
    checkTrust(pack, options);
    fs.mkdirSync(stagingDir, { recursive: true });
    await extractTo(pack, stagingDir, options.onProgress ?? (() => {}));
    // Keep the manifest and signature with the course: they mark it as installed from a pack and
    // record who signed it.
    fs.writeFileSync(path.join(stagingDir, PACK_MANIFEST_NAME), `${JSON.stringify(pack.manifest, null, 2)}\n`);
    if (pack.signer) fs.writeFileSync(path.join(stagingDir, PACK_SIGNATURE_NAME), pack.signer.keyId);

    let course;
    try {
      course = await loadCourse(stagingDir, path.join(stagingDir, '.unused-cache'), { compiled: 0, reused: 0 });
    } catch (error) {
      throw new PackRefusal(
        'invalid-course',
        `The course in this pack is not valid: ${error instanceof Error ? error.message : String(error)}`,
        { reason: 'pack.invalid-course', params: { error: error instanceof Error ? error.message : String(error) } },
      );
    }
    if (course.manifest.id !== pack.manifest.course.id || course.manifest.version !== pack.manifest.course.version) {
      throw new PackRefusal(
        'invalid-manifest',
        "The pack's manifest and its course.yaml name different courses; the pack has been tampered with.",
        { reason: 'pack.course-mismatch' },
      );
    }

    const target = path.join(options.coursesDir, course.manifest.id);
    let replacedVersion: string | null = null;
    let previous: string | null = null;
    if (fs.existsSync(target)) {
      try {
        replacedVersion = readCourseManifest(target).version;
      } catch {
        replacedVersion = null;
      }
      previous = path.join(options.coursesDir, `.previous-${randomBytes(6).toString('hex')}`);
      fs.renameSync(target, previous);
    }
    try {
      fs.renameSync(stagingDir, target);
    } catch (error) {
      if (previous) fs.renameSync(previous, target);
      throw error;
    }
    if (previous) fs.rmSync(previous, { recursive: true, force: true });
    if (pack.signer && options.trustSigner) trustSigner(options.dataDir, pack.signer);
    return {
      courseId: course.manifest.id,
      version: course.manifest.version,
      title: course.manifest.title,
      signer: pack.signer,
      replacedVersion,
    };
  } finally {
    pack.close();
    fs.rmSync(stagingDir, { recursive: true, force: true });
  }
}

/** Removes an installed course folder. Learners' records of it stay in the database. */
export function uninstallCourse(coursesDir: string, courseId: string): void {
  const target = path.join(coursesDir, courseId);
  if (!fs.existsSync(target)) throw new Error(`The course "${courseId}" is not installed from a pack.`);
  const removing = path.join(coursesDir, `.removing-${randomBytes(6).toString('hex')}`);
  fs.renameSync(target, removing);
  fs.rmSync(removing, { recursive: true, force: true });
}

/**
 * Uninstalls a course installed from a pack; a course that came with Aula stays (it would come
 * back at the next start anyway).
 */
export function uninstallPackCourse(catalog: Catalog, coursesDir: string, courseId: string): void {
  const course = catalog.courses.get(courseId);
  if (!course) {
    throw new DomainRefusal('not-found', `The course "${courseId}" is not installed.`, {
      reason: 'course.not-installed',
      params: { course: courseId },
    });
  }
  if (!course.installedFromPack) {
    throw new DomainRefusal('conflict', `"${course.manifest.title}" comes with Aula and cannot be uninstalled.`, {
      reason: 'course.bundled',
      params: { title: course.manifest.title },
    });
  }
  uninstallCourse(coursesDir, courseId);
}
