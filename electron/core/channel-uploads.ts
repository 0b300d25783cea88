/**
 * A call with a file (UploadSpec in the contract), the same in both shells: admitted before a
 * byte is received, received piece by piece into the data folder within the channel's limit,
 * then dispatched like any call. Each shell only moves the pieces (an HTTP body, IPC chunks);
 * every refusal and its wording comes from here and from `dispatch`.
 */
import type { ApiError, ApiResponse } from '../contract/channels.js';
import { diskFullFailure, isDiskFullError } from './disk-full.js';
import { admitUpload, dispatch, uploadTooLarge, type CoreHandlers } from './dispatch.js';
import { IncomingFile } from './received-files.js';

export interface ChannelUploadOptions {
  handlers: CoreHandlers;
  channel: string;
  /** The call's other arguments, as the caller sent them (checked here). */
  args: unknown;
  /** The file's size when the caller says it ahead (an HTTP Content-Length, the desktop's file size). */
  declaredBytes: number | undefined;
  /** Where this upload's file goes: a fresh path in the data folder's uploads folder. */
  newFile: () => string;
  /** A lower limit than the channel's (tests; never higher). */
  maxBytes?: number;
  log?: (message: string) => void;
}

/** One admitted upload on its way in. */
export interface ChannelUpload {
  /** Adds the next piece; an error (too large, a full disk) ends the upload with its file removed. */
  append(chunk: Uint8Array): Promise<ApiError | null>;
  /** The whole file is in: runs the channel and removes the file (unless its handler moved it). */
  finish(): Promise<ApiResponse<unknown>>;
  /** The sender went away or failed: removes the file. */
  abandon(): Promise<void>;
}

/** What a failed write means: a full disk is told as such; anything else is the shell's to log. */
function writeFailure(error: unknown): ApiError {
  if (isDiskFullError(error)) return diskFullFailure().toApiError();
  throw error;
}

/** Admits a call with a file and opens its file, or answers why not (nothing is written then). */
export async function beginChannelUpload(
  options: ChannelUploadOptions,
): Promise<{ ok: true; upload: ChannelUpload } | { ok: false; error: ApiError }> {
  const { handlers, channel, args, declaredBytes, log = () => {} } = options;
  const admitted = admitUpload(handlers, channel, args, log);
  if (!admitted.ok) return admitted;
  const maxBytes = Math.min(admitted.result.maxBytes, options.maxBytes ?? Infinity);
  const tooLarge = uploadTooLarge(admitted.result);
  if (declaredBytes !== undefined && declaredBytes > maxBytes) return { ok: false, error: tooLarge };
  let incoming: IncomingFile;
  try {
    incoming = await IncomingFile.open(options.newFile(), maxBytes);
  } catch (error) {
    return { ok: false, error: writeFailure(error) };
  }
  let ended = false;
  return {
    ok: true,
    upload: {
      async append(chunk) {
        try {
          if (await incoming.append(chunk)) return null;
        } catch (error) {
          ended = true;
          return writeFailure(error);
        }
        ended = true;
        return tooLarge;
      },
      async finish() {
        if (ended) throw new Error('This upload has already ended.');
        ended = true;
        let file;
        try {
          file = await incoming.finish();
        } catch (error) {
          return { ok: false, error: writeFailure(error) };
        }
        try {
          return await dispatch(handlers, channel, args, log, file);
        } finally {
          await incoming.discard();
        }
      },
      async abandon() {
        ended = true;
        await incoming.discard();
      },
    },
  };
}
