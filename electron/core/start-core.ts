import path from 'node:path';
import { findCourseFolders, loadCatalog, type Catalog } from '../courses/catalog.js';
import { ensureDefaultLearner } from '../db/learners.js';
import { closeDatabase, openDatabase, type Db, type OpenDatabaseOptions } from '../db/open-database.js';
import type { CoreHandlers } from './dispatch.js';
import { createCoreHandlers } from './learn-core.js';

/** Courses installed from pack files live in the data folder, beside the learners' progress. */
export function installedCoursesDir(dataDir: string): string {
  return path.join(dataDir, 'courses');
}

export interface CoreOptions extends OpenDatabaseOptions {
  dataDir: string;
  /** Folders whose sub-folders are the courses that ship with the app. */
  courseRoots: string[];
  appVersion: string;
  log?: (message: string) => void;
}

export interface RunningCore {
  db: Db;
  catalog: Catalog;
  handlers: CoreHandlers;
  close(): void;
}

/** Opens the data folder and loads every course: what both shells do first. */
export async function startCore(options: CoreOptions): Promise<RunningCore> {
  const log = options.log ?? (() => {});
  const db = openDatabase(options.dataDir, { nativeBinding: options.nativeBinding });
  try {
    ensureDefaultLearner(db, 'Learner', 'en');
    // Installed courses come first so that an installed course replaces a bundled one with its id.
    const folders = [installedCoursesDir(options.dataDir), ...options.courseRoots].flatMap(findCourseFolders);
    const catalog = await loadCatalog(folders, path.join(options.dataDir, 'cache', 'lessons'));
    for (const problem of catalog.problems) log(`Course not loaded: ${problem}`);
    const handlers = createCoreHandlers({ db, catalog, appVersion: options.appVersion, sessions: new Map() });
    return { db, catalog, handlers, close: () => closeDatabase(db) };
  } catch (error) {
    closeDatabase(db);
    throw error;
  }
}
