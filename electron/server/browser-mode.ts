import { EventEmitter } from 'node:events';
import { NO_BRANDING } from '../contract/app-channels.js';
import { openCoreDataFolder, type CoreOptions, type OpenedDataFolder } from '../core/data-folder-opening.js';
import { createAppHandlers } from '../core/handlers/app-handlers.js';
import { listLearners } from '../db/learners.js';
import type { CoreHandlers } from '../core/dispatch.js';
import type { RunningCore } from '../core/start-core.js';
import { startLoopbackServer, type FileUploads, type ReloadEvents } from './loopback-server.js';

export interface BrowserModeOptions extends CoreOptions {
  rendererDir: string;
  port: number;
  /**
   * Called with the launch URL as soon as the server listens: after the data folder is taken and
   * its database opened, before the courses are loaded. A window opened now loads the page while
   * the core finishes; its calls wait for the core.
   */
  onListening?: (launchUrl: string) => void;
}

export interface RunningBrowserMode {
  launchUrl: string;
  origin: string;
  core: RunningCore;
  /** Tells open pages to reload (after `course preview` reloaded the courses). */
  notifyReload(): void;
  stop(): Promise<void>;
}

/** Uploads handed to the server before the core exists; the server uses them only once it is ready. */
function uploadsOnceReady(uploads: () => FileUploads): FileUploads {
  return {
    refusal: (session) => uploads().refusal(session),
    newFile: () => uploads().newFile(),
    stage: (file) => uploads().stage(file),
  };
}

/**
 * The profile picker's and first-run welcome's calls (renderer/src/api/boot-prefetch.ts), which
 * read only the database: answered while the courses load. After that the core's own handlers,
 * the same functions, answer them.
 */
function firstScreenHandlers(opened: OpenedDataFolder): Partial<CoreHandlers> {
  const { options, db, notices } = opened;
  const app = createAppHandlers({
    db,
    notices,
    appVersion: options.appVersion,
    liveReload: options.liveReload ?? false,
    branding: options.branding ?? NO_BRANDING,
  });
  return { 'app.info': app['app.info'], 'learners.list': () => listLearners(db) };
}

/**
 * The whole app without Electron: the core, served on 127.0.0.1 to a browser window. The server
 * listens as soon as the data folder is open; the rest of the core (courses, handlers, backups)
 * and its code load while the page does. Resolves when all of it is ready.
 */
export async function startBrowserMode(options: BrowserModeOptions): Promise<RunningBrowserMode> {
  const opened = await openCoreDataFolder(options);
  const log = opened.log;
  const reloads = new EventEmitter();
  reloads.setMaxListeners(100);
  const reloadEvents: ReloadEvents = {
    subscribe(listener) {
      reloads.on('reload', listener);
      return () => reloads.off('reload', listener);
    },
  };
  // Filled in when the core has started; until then the server holds every call back (`ready`).
  const handlers = {} as CoreHandlers;
  let uploads: { pack: FileUploads; progressFile: FileUploads } | undefined;
  const startedUploads = () => {
    if (!uploads) throw new Error('The core has not started yet.');
    return uploads;
  };
  let markReady: () => void = () => {};
  let markFailed: (error: unknown) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  // Calls waiting when the start fails get a 500; the failure itself is thrown below.
  ready.catch(() => {});

  let server;
  try {
    server = await startLoopbackServer({
      handlers,
      catalog: opened.catalog,
      rendererDir: options.rendererDir,
      port: options.port,
      log,
      packUploads: uploadsOnceReady(() => startedUploads().pack),
      progressFileUploads: uploadsOnceReady(() => startedUploads().progressFile),
      reloadEvents: options.liveReload ? reloadEvents : undefined,
      ready,
      handlersBeforeReady: firstScreenHandlers(opened),
    });
  } catch (error) {
    opened.close();
    throw error;
  }
  // A second start on this data folder reads the address here and sends the person to it.
  opened.lock.setUrl(server.launchUrl);
  options.onListening?.(server.launchUrl);

  let core: RunningCore;
  try {
    const [{ finishCoreStart }, { packUploadsFor, progressFileUploadsFor }] = await Promise.all([
      import('../core/start-core.js'),
      import('./core-uploads.js'),
    ]);
    core = await finishCoreStart(opened);
    Object.assign(handlers, core.handlers);
    uploads = {
      pack: packUploadsFor(core, options.dataDir, log),
      progressFile: progressFileUploadsFor(core, options.dataDir, log),
    };
  } catch (error) {
    markFailed(error);
    await server.close();
    opened.close();
    throw error;
  }
  markReady();
  let stopped = false;
  const running = server;
  return {
    launchUrl: running.launchUrl,
    origin: running.origin,
    core,
    notifyReload: () => reloads.emit('reload'),
    async stop() {
      if (stopped) return;
      stopped = true;
      await running.close();
      core.close();
    },
  };
}
