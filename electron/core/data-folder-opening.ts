/**
 * The first half of starting the core: the data folder taken (one Aula per folder) and its
 * database open, checked, migrated or restored. Everything a person must resolve before Aula can
 * run (a folder in use, read-only, a database from a newer Aula) is found here, so browser mode
 * can start listening right after it and load the courses while the window opens
 * (start-core.ts has the second half).
 */
import path from 'node:path';
import type { Branding } from '../contract/app-channels.js';
import { CatalogHolder, emptyCatalog } from '../courses/catalog-contents.js';
import { DataFolderNotWritableError, isNotWritable, openDataFolderDatabase } from '../db/database-recovery.js';
import { closeDatabase, type Db, type OpenDatabaseOptions } from '../db/open-database.js';
import type { LrsSenderOptions } from '../lrs/lrs-sender.js';
import { acquireDataFolderLock, type DataFolderLock } from './data-folder-lock.js';
import { findLostWrites, startLastWriteRecorder, type LastWriteRecorder } from './last-write-marker.js';
import { StartupNotices } from './startup-notices.js';
import { assertSupportedNode } from './supported-node.mjs';

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

export interface OpenedDataFolder {
  options: CoreOptions;
  log: (message: string) => void;
  /** This process's hold on the data folder. */
  lock: DataFolderLock;
  db: Db;
  notices: StartupNotices;
  lastWrite: LastWriteRecorder;
  /**
   * Holds an empty catalog until finishCoreStart loads the courses and swaps them in: browser
   * mode's server holds it from the moment it listens.
   */
  catalog: CatalogHolder;
  /** Stops the recorder, closes the database and releases the lock (safe to call twice). */
  close(): void;
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

export async function openCoreDataFolder(options: CoreOptions): Promise<OpenedDataFolder> {
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
    lastWrite = startLastWriteRecorder(db, options.dataDir, log);
    const [openDb, recorder] = [db, lastWrite];
    let closed = false;
    return {
      options,
      log,
      lock,
      db,
      notices,
      lastWrite,
      // The data folder's own compiled lessons (those the build's cache lacks).
      catalog: new CatalogHolder(emptyCatalog(path.join(options.dataDir, 'cache', 'lessons'))),
      close() {
        if (closed) return;
        closed = true;
        recorder.stop();
        try {
          closeDatabase(openDb);
        } finally {
          lock.release();
        }
      },
    };
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
