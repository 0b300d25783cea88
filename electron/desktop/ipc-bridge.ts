import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, type ApiResponse } from '../contract/channels.js';
import { dispatch, type CoreHandlers } from '../core/dispatch.js';
import { APP_ORIGIN } from './app-protocol.js';

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

/**
 * Binds every channel of the contract to `ipcMain.handle` through one wrapper: sender check first,
 * then the same argument validation and error envelope as browser mode (`dispatch`).
 */
export function bindContractToIpc(handlers: CoreHandlers, log: (message: string) => void): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, args: unknown): Promise<ApiResponse<unknown>> => {
      if (!senderIsTrusted(event)) {
        log(`Refused ${channel} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
        return { ok: false, error: { code: 'forbidden', message: 'This window may not call Aula.' } };
      }
      return dispatch(handlers, channel, args, log);
    });
  }
}
