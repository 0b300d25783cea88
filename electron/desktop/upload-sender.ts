/**
 * The preload's half of a call with a file (UploadSpec): the file goes to the main process in
 * pieces of UPLOAD_PIECE_BYTES, each one `invoke` of the upload's id, so no IPC message carries
 * more than one piece and the page can show progress. Pure: it takes the invoke function, so the
 * chunking is tested without Electron (tests/unit/desktop/chunked-upload.test.ts).
 */
import type { ApiResponse, ChannelName, ReadFilePiece } from '../contract/channels.js';

/** The IPC channels of the upload protocol, beside the contract's own channels (`group.action`). */
export const UPLOAD_IPC = {
  begin: 'aula-upload:begin',
  piece: 'aula-upload:piece',
  finish: 'aula-upload:finish',
  abort: 'aula-upload:abort',
} as const;

/** Big enough that a 300 MB pack is 150 calls, small enough that one message stays cheap. */
export const UPLOAD_PIECE_BYTES = 2 * 1024 * 1024;

/** `ipcRenderer.invoke`, or a test's stand-in for it. */
export type Invoke = (ipcChannel: string, ...args: unknown[]) => Promise<unknown>;

export interface UploadToSend {
  channel: ChannelName;
  args: unknown;
  size: number;
  read: ReadFilePiece;
  onProgress: (sent: number, total: number) => void;
  pieceBytes?: number;
}

/** Begins the upload, sends every piece in order, and finishes it; any refusal ends it at once. */
export async function sendInPieces(invoke: Invoke, upload: UploadToSend): Promise<ApiResponse<unknown>> {
  const { channel, args, size, read, onProgress, pieceBytes = UPLOAD_PIECE_BYTES } = upload;
  const begun = (await invoke(UPLOAD_IPC.begin, channel, args, size)) as ApiResponse<{ uploadId: string }>;
  if (!begun.ok) return begun;
  const { uploadId } = begun.result;
  try {
    for (let start = 0; start < size; start += pieceBytes) {
      const end = Math.min(size, start + pieceBytes);
      const sent = (await invoke(UPLOAD_IPC.piece, uploadId, await read(start, end))) as ApiResponse<null>;
      if (!sent.ok) return sent;
      onProgress(end, size);
    }
  } catch (error) {
    // Reading the file failed (it was removed, a USB stick was pulled): the main process drops it.
    await invoke(UPLOAD_IPC.abort, uploadId);
    throw error;
  }
  return (await invoke(UPLOAD_IPC.finish, uploadId)) as ApiResponse<unknown>;
}
