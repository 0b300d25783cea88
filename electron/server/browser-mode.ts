import { EventEmitter } from 'node:events';
import { openCoreDataFolder, type CoreOptions, type OpenedDataFolder } from '../core/data-folder-opening.js';
import type { CoreHandlers } from '../core/dispatch.js';
import type { RunningCore } from '../core/start-core.js';
import { newUploadFile } from '../core/received-files.js';
import type { FirstScreenHandlers } from './first-screen-handlers.js';
import { startLoopbackServer, type ReloadEvents } from './loopback-server.js';

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

/** With a window opening (`onListening`), how long the rest of the start waits for it at most. */
const REST_OF_START_AT_THE_LATEST_MS = 3000;
/**
 * How long after the first screen's answers the rest of the start begins, unless a call needs it
 * sooner: the window is drawing the first screen from them. Loading the rest takes the server's
 * thread and a core's worth of CPU for 200-400 ms on a 2-core PC; begun at once, it slowed the
 * browser's delivery and drawing of the answers by 60-130 ms. A person reads the screen far longer.
 */
const REST_OF_START_AFTER_ANSWERS_MS = 200;

/**
 * The first screen's calls (first-screen-handlers.ts), answered before the courses are loaded.
 * Their code (without zod or the channels' schemas) is loaded by `load`: browser mode calls it
 * once the window has the page's files, so it loads while the page runs them, not while the window
 * waits for them; a call that comes first waits for it. The server answers them without the
 * channel code (see `handlersBeforeReady`), which loads once they are answered.
 */
function firstScreenHandlers(
  opened: OpenedDataFolder,
  whenAllAnswered: () => void,
): { handlers: Partial<CoreHandlers>; load: () => Promise<FirstScreenHandlers> } {
  let loading: Promise<FirstScreenHandlers> | undefined;
  const load = () =>
    (loading ??= import('./first-screen-handlers.js').then((module) => module.firstScreenHandlers(opened, whenAllAnswered)));
  return {
    handlers: {
      'app.info': async (args) => (await load())['app.info'](args),
      'learners.list': async (args) => (await load())['learners.list'](args),
    },
    load,
  };
}

/**
 * The whole app without Electron: the core, served on 127.0.0.1 to a browser window. The server
 * listens as soon as the data folder is open. With `onListening` (a window opens), the rest of
 * the core (courses, handlers, backups) and its code load once the first screen has its answers,
 * so the page and the profile picker do not wait for them; without it, at once. Resolves when
 * all of it is ready.
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
  // Filled in when the core has started; until then the server holds calls back (`whenReady`).
  const handlers = {} as CoreHandlers;
  const loadRest = async (): Promise<RunningCore> => {
    const { finishCoreStart } = await import('../core/start-core.js');
    const started = await finishCoreStart(opened);
    Object.assign(handlers, started.handlers);
    return started;
  };
  let markLoaded: (core: RunningCore) => void = () => {};
  let markFailed: (error: unknown) => void = () => {};
  const loaded = new Promise<RunningCore>((resolve, reject) => {
    markLoaded = resolve;
    markFailed = reject;
  });
  let loading: Promise<RunningCore> | undefined;
  let atTheLatest: NodeJS.Timeout | undefined;
  // The channel code (zod, every channel's schema) loads with the rest (or when a call needs it).
  let markRestStarted: () => void = () => {};
  const restStarted = new Promise<void>((resolve) => (markRestStarted = resolve));
  /** Starts loading the rest (once); settles when it is loaded. */
  const whenReady = (): Promise<RunningCore> => {
    clearTimeout(atTheLatest);
    markRestStarted();
    if (!loading) {
      loading = loadRest();
      // Calls waiting when the start fails get a 500; the failure itself is thrown below.
      loading.then(markLoaded, markFailed);
    }
    return loading;
  };

  const firstScreen = firstScreenHandlers(opened, () => {
    clearTimeout(atTheLatest);
    atTheLatest = setTimeout(() => void whenReady(), REST_OF_START_AFTER_ANSWERS_MS);
  });
  let server;
  try {
    server = await startLoopbackServer({
      handlers,
      catalog: opened.catalog,
      rendererDir: options.rendererDir,
      port: options.port,
      log,
      newUploadFile: () => newUploadFile(options.dataDir),
      reloadEvents: options.liveReload ? reloadEvents : undefined,
      whenReady,
      handlersBeforeReady: firstScreen.handlers,
      channelCodeAfter: options.onListening ? restStarted : undefined,
    });
  } catch (error) {
    opened.close();
    throw error;
  }
  // A second start on this data folder reads the address here and sends the person to it.
  opened.lock.setUrl(server.launchUrl);
  if (options.onListening) {
    options.onListening(server.launchUrl);
    // Once the window has its page's files, while it runs them (a failure is reported to the call
    // that needs it).
    void server.pageFilesServed.then(() => firstScreen.load().catch(() => undefined));
    // The rest loads once the window has drawn the first screen from its answers (while the
    // person reads it), or when a call needs it; at the latest after a while, for a window that
    // never asks.
    atTheLatest ??= setTimeout(() => void whenReady(), REST_OF_START_AT_THE_LATEST_MS);
  } else {
    void whenReady();
  }

  let core: RunningCore;
  try {
    core = await loaded;
  } catch (error) {
    await server.close();
    opened.close();
    throw error;
  }
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
