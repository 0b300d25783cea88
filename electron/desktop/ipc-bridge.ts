import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, type ApiResponse } from '../contract/channels.js';
import { dispatch, type CoreHandlers } from '../core/dispatch.js';
import { APP_ORIGIN } from './app-protocol.js';
import { createUploadReceiver } from './upload-receiver.js';
import { UPLOAD_IPC } from './upload-sender.js';

/** Only Aula's own pages, loaded from its own protocol, may call the core. */
function senderIsTrusted(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  try {
    return new URL(frame.url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}

const FORBIDDEN: ApiResponse<never> = { ok: false, error: { code: 'forbidden', message: 'This window may not call Aula.' } };

/**
 * Binds every channel of the contract to `ipcMain.handle` through one wrapper: sender check first,
 * then the same argument validation and error envelope as browser mode (`dispatch`). Files for
 * channels that take one arrive in pieces on the upload protocol's own IPC channels, behind the
 * same sender check.
 */
export function bindContractToIpc(handlers: CoreHandlers, newUploadFile: () => string, log: (message: string) => void): void {
  const trusted =
    <A extends unknown[], R>(name: string, handle: (...args: A) => Promise<R>) =>
    async (event: IpcMainInvokeEvent, ...args: A): Promise<R | ApiResponse<never>> => {
      if (!senderIsTrusted(event)) {
        log(`Refused ${name} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
        return FORBIDDEN;
      }
      return handle(...args);
    };
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(
      channel,
      trusted(channel, (args: unknown) => dispatch(handlers, channel, args, log)),
    );
  }
  const uploads = createUploadReceiver({ handlers, newFile: newUploadFile, log });
  ipcMain.handle(UPLOAD_IPC.begin, trusted(UPLOAD_IPC.begin, uploads.begin));
  ipcMain.handle(UPLOAD_IPC.piece, trusted(UPLOAD_IPC.piece, uploads.piece));
  ipcMain.handle(UPLOAD_IPC.finish, trusted(UPLOAD_IPC.finish, uploads.finish));
  ipcMain.handle(UPLOAD_IPC.abort, trusted(UPLOAD_IPC.abort, uploads.abort));
}
