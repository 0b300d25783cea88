import path from 'node:path';
import { NO_BRANDING, type Branding } from '../contract/app-channels.js';
import { findCourseFolders, loadCatalog, replaceCatalog, type Catalog } from '../courses/catalog.js';
import { DataFolderNotWritableError, isNotWritable, openDataFolderDatabase } from '../db/database-recovery.js';
import { closeDatabase, type Db, type OpenDatabaseOptions } from '../db/open-database.js';
import { startAutomaticBackups, type AutomaticBackups } from './automatic-backups.js';
import type { CoreDependencies } from './core-context.js';
import { installedCoursesDir } from './course-installation.js';
import { findLostWrites, recordingWrites, startLastWriteRecorder, type LastWriteRecorder } from './last-write-marker.js';
import type { CoreHandlers } from './dispatch.js';
import { acquireDataFolderLock, type DataFolderLock } from './data-folder-lock.js';
import { createCoreHandlers } from './learn-core.js';
import { PackStaging } from './pack-staging.js';
import { StartupNotices } from './startup-notices.js';
import { assertSupportedNode } from './supported-node.mjs';
import { startLrsSender, type LrsSenderOptions } from '../lrs/lrs-sender.js';

export interface CoreOptions extends OpenDatabaseOptions {
  dataDir: string;
  /** Folders whose sub-folders are the courses that ship with the app. */
  courseRoots: string[];
  /** Single course folders to load as well (`course preview` shows exactly one). */
  courseFolders?: string[];
  appVersion: string;
  /** Whether pages should reload when courses change (`course preview`). */
  liveReload?: boolean;
  log?: (message: string) => void;
  /**
   * The read-only cache of the bundled lessons that `npm run build` writes (dist/lesson-cache),
   * consulted before compiling into the data folder's cache; found beside the app's own files.
   */
  prebuiltLessonCacheDir?: string;
  /** A partner's branding (a packaged Aula, or `npm start -- --partner FILE`). */
  branding?: Branding;
  /** Milliseconds after start before the daily backup is checked; `false`: only on `backups.runNow()`. */
  firstBackupDelayMs?: number | false;
  /** Batch size and retry timing of the LRS sender (tests make them small). */
  lrsSender?: Omit<LrsSenderOptions, 'db' | 'log'>;
}

export interface RunningCore {
  db: Db;
  catalog: Catalog;
  deps: CoreDependencies;
  handlers: CoreHandlers;
  /** What the person must know about this start; also written to `log`. */
  notices: StartupNotices;
  backups: AutomaticBackups;
  /** This process's hold on the data folder (browser mode adds its address to it). */
  lock: DataFolderLock;
  /** Reloads every course from disk (after an install, or a trainer's edit in preview). */
  reloadCourses(): Promise<Catalog>;
  close(): void;
}

function courseFoldersOf(options: CoreOptions): string[] {
  // Installed courses come first: on equal versions, an installed course replaces a bundled one.
  return [
    ...[installedCoursesDir(options.dataDir), ...options.courseRoots].flatMap(findCourseFolders),
    ...(options.courseFolders ?? []),
  ];
}

/** The lock is the first thing written in the folder, so a read-only folder is reported from here. */
function takeDataFolder(dataDir: string): DataFolderLock {
  try {
    return acquireDataFolderLock(dataDir);
  } catch (error) {
    if (isNotWritable(error)) throw new DataFolderNotWritableError(dataDir, 'the folder is read-only for you');
    throw error;
  }
}

/** Opens the data folder and loads every course: what both shells do first. */
export async function startCore(options: CoreOptions): Promise<RunningCore> {
  // Before better-sqlite3 loads its binary: on an old Node that would crash the process.
  assertSupportedNode();
  const log = options.log ?? (() => {});
  // Before anything in the data folder is read or changed: one Aula per data folder.
  const lock = takeDataFolder(options.dataDir);
  let db: Db | undefined;
  let lastWrite: LastWriteRecorder | undefined;
  try {
    const notices = new StartupNotices(log);
    const opened = await openDataFolderDatabase(options.dataDir, { nativeBinding: options.nativeBinding });
    db = opened.db;
    notices.recordOpening(opened.events);
    // A restored or missing database has its notice already; otherwise, is it older than the last write?
    const reopenedAsIs = opened.events.every(
      (event) => event.kind === 'backup-failed' || event.kind === 'interrupted-backups-removed',
    );
    const lostWrites = reopenedAsIs ? findLostWrites(db, options.dataDir) : null;
    if (lostWrites) notices.add({ kind: 'older-than-last-write', ...lostWrites });
    const recorder = startLastWriteRecorder(db, options.dataDir, log);
    lastWrite = recorder;
    const cacheDir = path.join(options.dataDir, 'cache', 'lessons');
    const catalog = await loadCatalog(courseFoldersOf(options), cacheDir, options.prebuiltLessonCacheDir);
    for (const problem of catalog.problems) log(`Course not loaded: ${problem}`);
    const reloadCourses = async () => {
      replaceCatalog(catalog, await loadCatalog(courseFoldersOf(options), cacheDir, options.prebuiltLessonCacheDir));
      for (const problem of catalog.problems) log(`Course not loaded: ${problem}`);
      return catalog;
    };
    const deps: CoreDependencies = {
      db,
      catalog,
      appVersion: options.appVersion,
      sessions: new Map(),
      dataDir: options.dataDir,
      liveReload: options.liveReload ?? false,
      branding: options.branding ?? NO_BRANDING,
      reloadCourses,
      packStaging: new PackStaging(options.dataDir),
      notices,
      lrsSender: startLrsSender({ ...options.lrsSender, db, log }),
    };
    const backups = startAutomaticBackups({
      db,
      dataDir: options.dataDir,
      nativeBinding: options.nativeBinding,
      log,
      onFailure: (error) => notices.recordBackupFailure(error),
      firstDelayMs: options.firstBackupDelayMs,
    });
    const openDb = db;
    const close = () => {
      deps.lrsSender.stop();
      backups.stop();
      recorder.stop();
      try {
        closeDatabase(openDb);
      } finally {
        lock.release();
      }
    };
    const handlers = recordingWrites(createCoreHandlers(deps), recorder);
    return { db, catalog, deps, handlers, notices, backups, lock, reloadCourses, close };
  } catch (error) {
    try {
      lastWrite?.stop();
      if (db) closeDatabase(db);
    } finally {
      lock.release();
    }
    throw error;
  }
}
