/**
 * Browser mode's two upload channels (a pack, a progress file), over a started core. Loaded with
 * the core after the server listens (see browser-mode.ts), since they need its pack and progress
 * file code.
 */
import fs from 'node:fs';
import type { ApiResponse } from '../contract/channels.js';
import { requireManager } from '../core/core-context.js';
import { knownFailure } from '../core/dispatch.js';
import { importProgressBytes } from '../core/handlers/progress-file-handlers.js';
import { newUploadFile } from '../core/pack-staging.js';
import type { RunningCore } from '../core/start-core.js';
import type { FileUploads } from './loopback-server.js';

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
export function progressFileUploadsFor(core: RunningCore, dataDir: string, log: (message: string) => void): FileUploads {
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

export function packUploadsFor(core: RunningCore, dataDir: string, log: (message: string) => void): FileUploads {
  return {
    refusal: managerOnly(core),
    newFile: () => newUploadFile(dataDir),
    async stage(file): Promise<ApiResponse<unknown>> {
      try {
        return { ok: true, result: await core.deps.packStaging.stageFile(file, core.db, core.catalog.current()) };
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
