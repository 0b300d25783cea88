/**
 * Runs in the sandboxed renderer before the page. Exposes one function per contract channel, each
 * able to invoke only its own channel, and `upload`, which sends a file in pieces on the upload
 * protocol's channels: the page never gets `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES, type ApiResponse, type DesktopBridge } from '../contract/channels.js';
import { sendInPieces } from './upload-sender.js';

const channelCalls: Record<string, (args: unknown) => Promise<ApiResponse<unknown>>> = {};
for (const channel of CHANNEL_NAMES) {
  channelCalls[channel] = (args: unknown) => ipcRenderer.invoke(channel, args) as Promise<ApiResponse<unknown>>;
}

const desktopApi: DesktopBridge = {
  ...(channelCalls as Omit<DesktopBridge, 'upload'>),
  upload: (channel, args, size, read, onProgress) =>
    sendInPieces((ipcChannel, ...rest) => ipcRenderer.invoke(ipcChannel, ...rest), { channel, args, size, read, onProgress }),
};

contextBridge.exposeInMainWorld('aulaDesktop', Object.freeze(desktopApi));
