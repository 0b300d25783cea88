/**
 * The main process's half of a call with a file (see upload-sender.ts): each upload is admitted
 * and opened by the core (channel-uploads.ts), its pieces appended in order under a random id,
 * and the call dispatched once the last piece is in. No Electron here: ipc-bridge.ts binds it
 * to ipcMain after its sender check, and tests drive it directly.
 */
import { randomBytes } from 'node:crypto';
import type { ApiError, ApiResponse } from '../contract/channels.js';
import { beginChannelUpload, type ChannelUpload } from '../core/channel-uploads.js';
import { INTERNAL_FAILURE, type CoreHandlers } from '../core/dispatch.js';

export interface UploadReceiverOptions {
  handlers: CoreHandlers;
  /** A fresh path in the data folder's uploads folder for each upload. */
  newFile: () => string;
  /** A lower limit than the contract's (tests). */
  maxBytes?: number;
  log?: (message: string) => void;
}

/** Only a sender that does not follow the protocol (a bug, never a person) sees this. */
const NOT_UNDER_WAY: ApiError = {
  code: 'internal',
  message: 'This file is no longer being received. Choose it again.',
  reason: 'request.internal',
};

export interface UploadReceiver {
  begin(channel: unknown, args: unknown, size: unknown): Promise<ApiResponse<{ uploadId: string }>>;
  piece(uploadId: unknown, bytes: unknown): Promise<ApiResponse<null>>;
  finish(uploadId: unknown): Promise<ApiResponse<unknown>>;
  abort(uploadId: unknown): Promise<void>;
  /** How many uploads are under way (tests: none is left behind). */
  readonly underWay: number;
}

export function createUploadReceiver(options: UploadReceiverOptions): UploadReceiver {
  const uploads = new Map<string, ChannelUpload>();
  /** Takes the upload off the list when it ends, so a late or repeated piece finds nothing. */
  const take = (uploadId: unknown) => {
    const upload = typeof uploadId === 'string' ? uploads.get(uploadId) : undefined;
    if (upload) uploads.delete(uploadId as string);
    return upload;
  };
  /** Pieces of one upload are appended one after another, in the order they were sent. */
  const queues = new Map<string, Promise<unknown>>();

  return {
    async begin(channel, args, size) {
      const begun = await beginChannelUpload({
        handlers: options.handlers,
        channel: typeof channel === 'string' ? channel : '',
        args,
        declaredBytes: typeof size === 'number' && Number.isSafeInteger(size) && size >= 0 ? size : undefined,
        newFile: options.newFile,
        maxBytes: options.maxBytes,
        log: options.log,
      });
      if (!begun.ok) return begun;
      const uploadId = randomBytes(18).toString('base64url');
      uploads.set(uploadId, begun.upload);
      return { ok: true, result: { uploadId } };
    },

    async piece(uploadId, bytes) {
      const upload = typeof uploadId === 'string' ? uploads.get(uploadId) : undefined;
      if (!upload || !(bytes instanceof Uint8Array)) {
        await take(uploadId)?.abandon();
        return { ok: false, error: NOT_UNDER_WAY };
      }
      const id = uploadId as string;
      const appended = (queues.get(id) ?? Promise.resolve()).then(() => upload.append(bytes));
      queues.set(id, appended);
      let refusal: ApiError | null;
      try {
        refusal = await appended;
      } catch (error) {
        options.log?.(`Receiving a file failed: ${error instanceof Error ? error.message : String(error)}`);
        refusal = INTERNAL_FAILURE;
      }
      if (!refusal) return { ok: true, result: null };
      // The core has already removed the file; the upload is over.
      take(id);
      queues.delete(id);
      return { ok: false, error: refusal };
    },

    async finish(uploadId) {
      const upload = take(uploadId);
      if (!upload) return { ok: false, error: NOT_UNDER_WAY };
      const lastPiece = await queues.get(uploadId as string)?.catch(() => INTERNAL_FAILURE);
      queues.delete(uploadId as string);
      if (lastPiece) {
        await upload.abandon();
        return { ok: false, error: lastPiece as ApiError };
      }
      return upload.finish();
    },

    async abort(uploadId) {
      const upload = take(uploadId);
      if (!upload) return;
      await queues.get(uploadId as string)?.catch(() => {});
      queues.delete(uploadId as string);
      await upload.abandon();
    },

    get underWay() {
      return uploads.size;
    },
  };
}
