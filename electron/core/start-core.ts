import path from 'node:path';
import { findCourseFolders, loadCatalog, replaceCatalog, type Catalog } from '../courses/catalog.js';
import { openDataFolderDatabase } from '../db/database-recovery.js';
import { closeDatabase, type Db, type OpenDatabaseOptions } from '../db/open-database.js';
import { startAutomaticBackups, type AutomaticBackups } from './automatic-backups.js';
import type { CoreDependencies } from './core-context.js';
import { installedCoursesDir } from './course-installation.js';
import { findLostWrites, recordingWrites, startLastWriteRecorder } from './last-write-marker.js';
import type { CoreHandlers } from './dispatch.js';
import { createCoreHandlers } from './learn-core.js';
import { PackStaging } from './pack-staging.js';
import { StartupNotices } from './startup-notices.js';

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
  /** Milliseconds after start before the daily backup is checked; `false`: only on `backups.runNow()`. */
  firstBackupDelayMs?: number | false;
}

export interface RunningCore {
  db: Db;
  catalog: Catalog;
  deps: CoreDependencies;
  handlers: CoreHandlers;
  /** What the person must know about this start; also written to `log`. */
  notices: StartupNotices;
  backups: AutomaticBackups;
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

/** Opens the data folder and loads every course: what both shells do first. */
export async function startCore(options: CoreOptions): Promise<RunningCore> {
  const log = options.log ?? (() => {});
  const notices = new StartupNotices(log);
  const opened = await openDataFolderDatabase(options.dataDir, { nativeBinding: options.nativeBinding });
  const db = opened.db;
  notices.recordOpening(opened.events);
  // A restored or missing database has its notice already; otherwise, is it older than the last write?
  const reopenedAsIs = opened.events.every(
    (event) => event.kind === 'backup-failed' || event.kind === 'interrupted-backups-removed',
  );
  const lostWrites = reopenedAsIs ? findLostWrites(db, options.dataDir) : null;
  if (lostWrites) notices.add({ kind: 'older-than-last-write', ...lostWrites });
  const lastWrite = startLastWriteRecorder(db, options.dataDir, log);
  try {
    const cacheDir = path.join(options.dataDir, 'cache', 'lessons');
    const catalog = await loadCatalog(courseFoldersOf(options), cacheDir);
    for (const problem of catalog.problems) log(`Course not loaded: ${problem}`);
    const reloadCourses = async () => {
      replaceCatalog(catalog, await loadCatalog(courseFoldersOf(options), cacheDir));
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
      reloadCourses,
      packStaging: new PackStaging(options.dataDir),
      notices,
    };
    const backups = startAutomaticBackups({
      db,
      dataDir: options.dataDir,
      nativeBinding: options.nativeBinding,
      log,
      onFailure: (error) => notices.recordBackupFailure(error),
      firstDelayMs: options.firstBackupDelayMs,
    });
    const close = () => {
      backups.stop();
      lastWrite.stop();
      closeDatabase(db);
    };
    const handlers = recordingWrites(createCoreHandlers(deps), lastWrite);
    return { db, catalog, deps, handlers, notices, backups, reloadCourses, close };
  } catch (error) {
    closeDatabase(db);
    throw error;
  }
}
