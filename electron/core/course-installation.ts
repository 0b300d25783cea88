import path from 'node:path';
import { installPack, type InstalledPack } from '../courses/pack/install-pack.js';
import type { Db } from '../db/open-database.js';
import { readSetting } from '../db/settings.js';

/** Developer option: install packs that carry no signature. Off unless a person turns it on. */
export const ALLOW_UNSIGNED_PACKS_SETTING = 'developer.allowUnsignedPacks';

/** Courses installed from pack files live in the data folder, beside the learners' progress. */
export function installedCoursesDir(dataDir: string): string {
  return path.join(dataDir, 'courses');
}

export function unsignedPacksAllowed(db: Db): boolean {
  return readSetting(db, ALLOW_UNSIGNED_PACKS_SETTING) === 'true';
}

/**
 * Installs a pack file into a data folder: the one way Aula installs courses, used by the app's
 * "Install a course from a file" and by `npm run course -- install` alike.
 */
export function installCourseFromPack(
  dataDir: string,
  db: Db,
  packFile: string,
  options: { trustSigner?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<InstalledPack> {
  return installPack(packFile, {
    coursesDir: installedCoursesDir(dataDir),
    dataDir,
    trustSigner: options.trustSigner,
    allowUnsigned: unsignedPacksAllowed(db),
    onProgress: options.onProgress,
  });
}
