import { NO_BRANDING } from '../contract/no-branding.js';
import { findCourseFolders, loadCatalog, type Catalog, type CatalogHolder } from '../courses/catalog.js';
import type { Db } from '../db/open-database.js';
import { startAutomaticBackups, type AutomaticBackups } from './automatic-backups.js';
import type { CoreDependencies } from './core-context.js';
import { installedCoursesDir } from './course-installation.js';
import { openCoreDataFolder, type CoreOptions, type OpenedDataFolder } from './data-folder-opening.js';
import type { DataFolderLock } from './data-folder-lock.js';
import { recordingWrites } from './last-write-marker.js';
import type { CoreHandlers } from './dispatch.js';
import { createCoreHandlers } from './learn-core.js';
import { PackStaging } from './pack-staging.js';
import type { StartupNotices } from './startup-notices.js';
import { startLrsSender } from '../lrs/lrs-sender.js';

export type { CoreOptions } from './data-folder-opening.js';

export interface RunningCore {
  db: Db;
  /** The courses: `current()` gives the catalog loaded last. */
  catalog: CatalogHolder;
  deps: CoreDependencies;
  handlers: CoreHandlers;
  /** What the person must know about this start; also written to `log`. */
  notices: StartupNotices;
  backups: AutomaticBackups;
  /** This process's hold on the data folder (browser mode adds its address to it). */
  lock: DataFolderLock;
  /** Reloads every course from disk into `catalog` (after an install, or a trainer's edit in preview). */
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

/**
 * The second half of starting the core, on a data folder opened by openCoreDataFolder: loads
 * every course and swaps them into its catalog holder (whoever already holds it sees them) and starts the
 * handlers, the automatic backups and the LRS sender. If it fails, the data folder is closed again.
 */
export async function finishCoreStart(opened: OpenedDataFolder): Promise<RunningCore> {
  const { options, log, db, notices, lock, catalog, lastWrite: recorder } = opened;
  try {
    // The one place the core's catalog changes: a new one, loaded whole, swapped in.
    const loadCourses = async () => {
      const { lessonCacheDir } = catalog.current();
      const loaded = await loadCatalog(courseFoldersOf(options), lessonCacheDir, options.prebuiltLessonCacheDir);
      catalog.replace(loaded);
      for (const problem of loaded.problems) log(`Course not loaded: ${problem}`);
      return loaded;
    };
    await loadCourses();
    const deps: CoreDependencies = {
      db,
      catalog,
      appVersion: options.appVersion,
      sessions: new Map(),
      dataDir: options.dataDir,
      liveReload: options.liveReload ?? false,
      branding: options.branding ?? NO_BRANDING,
      reloadCourses: loadCourses,
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
    const close = () => {
      deps.lrsSender.stop();
      backups.stop();
      opened.close();
    };
    const handlers = recordingWrites(createCoreHandlers(deps), recorder);
    return { db, catalog, deps, handlers, notices, backups, lock, reloadCourses: loadCourses, close };
  } catch (error) {
    opened.close();
    throw error;
  }
}

/** Opens the data folder and loads every course: what both shells do first. */
export async function startCore(options: CoreOptions): Promise<RunningCore> {
  return finishCoreStart(await openCoreDataFolder(options));
}
