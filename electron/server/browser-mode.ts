import fs from 'node:fs';
import { EventEmitter } from 'node:events';
import type { ApiResponse } from '../contract/channels.js';
import { requireManager } from '../core/core-context.js';
import { knownFailure } from '../core/dispatch.js';
import { importProgressBytes } from '../core/handlers/progress-file-handlers.js';
import { newUploadFile } from '../core/pack-staging.js';
import { startCore, type CoreOptions, type RunningCore } from '../core/start-core.js';
import { startLoopbackServer, type FileUploads, type ReloadEvents } from './loopback-server.js';

export interface BrowserModeOptions extends CoreOptions {
  rendererDir: string;
  port: number;
}

export interface RunningBrowserMode {
  launchUrl: string;
  origin: string;
  core: RunningCore;
  /** Tells open pages to reload (after `course preview` reloaded the courses). */
  notifyReload(): void;
  stop(): Promise<void>;
}

/** Uploads are a manager's: anyone else is refused before a byte is written. */
function managerOnly(core: RunningCore): FileUploads['refusal'] {
  return (session) => {
    try {
      requireManager(core.deps, session ?? '');
      return null;
    } catch (error) {
      const known = knownFailure(error);
      if (known) return known;
      throw error;
    }
  };
}

/** A progress file is read whole (it is at most MAX_PROGRESS_UPLOAD_BYTES), imported, and removed. */
function progressFileUploadsFor(core: RunningCore, dataDir: string, log: (message: string) => void): FileUploads {
  return {
    refusal: managerOnly(core),
    newFile: () => newUploadFile(dataDir),
    async stage(file): Promise<ApiResponse<unknown>> {
      try {
        return { ok: true, result: importProgressBytes(core.deps, await fs.promises.readFile(file)) };
      } catch (error) {
        const known = knownFailure(error);
        if (known) return { ok: false, error: known };
        log(`Progress file import failed: ${error instanceof Error ? error.message : String(error)}`);
        return {
          ok: false,
          error: {
            code: 'internal',
            message: 'Aula could not import this file. Nothing was changed.',
            reason: 'request.internal',
          },
        };
      } finally {
        await fs.promises.rm(file, { force: true });
      }
    },
  };
}

function packUploadsFor(core: RunningCore, dataDir: string, log: (message: string) => void): FileUploads {
  return {
    refusal: managerOnly(core),
    newFile: () => newUploadFile(dataDir),
    async stage(file): Promise<ApiResponse<unknown>> {
      try {
        return { ok: true, result: await core.deps.packStaging.stageFile(file, core.db, core.catalog) };
      } catch (error) {
        const known = knownFailure(error);
        if (known) return { ok: false, error: known };
        log(`Pack upload failed: ${error instanceof Error ? error.message : String(error)}`);
        return {
          ok: false,
          error: {
            code: 'internal',
            message: 'Aula could not read this file. Nothing was installed.',
            reason: 'pack.upload-unreadable',
          },
        };
      }
    },
  };
}

/** The whole app without Electron: the core, served on 127.0.0.1 to a browser window. */
export async function startBrowserMode(options: BrowserModeOptions): Promise<RunningBrowserMode> {
  const core = await startCore(options);
  const log = options.log ?? (() => {});
  const reloads = new EventEmitter();
  reloads.setMaxListeners(100);
  const reloadEvents: ReloadEvents = {
    subscribe(listener) {
      reloads.on('reload', listener);
      return () => reloads.off('reload', listener);
    },
  };
  try {
    const server = await startLoopbackServer({
      handlers: core.handlers,
      catalog: core.catalog,
      rendererDir: options.rendererDir,
      port: options.port,
      log,
      packUploads: packUploadsFor(core, options.dataDir, log),
      progressFileUploads: progressFileUploadsFor(core, options.dataDir, log),
      reloadEvents: options.liveReload ? reloadEvents : undefined,
    });
    // A second start on this data folder reads the address here and sends the person to it.
    core.lock.setUrl(server.launchUrl);
    let stopped = false;
    return {
      launchUrl: server.launchUrl,
      origin: server.origin,
      core,
      notifyReload: () => reloads.emit('reload'),
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.close();
        core.close();
      },
    };
  } catch (error) {
    core.close();
    throw error;
  }
}
