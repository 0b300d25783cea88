/**
 * Runs in the sandboxed renderer before the page. Exposes one function per contract channel, each
 * able to invoke only its own channel: the page never gets `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES } from '../contract/channels.js';

const desktopApi: Record<string, (args: unknown) => Promise<unknown>> = {};
for (const channel of CHANNEL_NAMES) {
  desktopApi[channel] = (args: unknown) => ipcRenderer.invoke(channel, args);
}

contextBridge.exposeInMainWorld('aulaDesktop', Object.freeze(desktopApi));
