import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findChromiumBrowser } from '../../lib/find-browser.js';
import { appWindowArguments } from '../../lib/open-browser-window.js';

export interface AppWindowCallbacks {
  /** The window (the browser process with Aula's own profile) has closed. */
  onClosed(): void;
  log(message: string): void;
}

/** Opens the address in the PC's default browser: the last resort, when no Chromium-family browser exists. */
function openInDefaultBrowser(url: string, log: (message: string) => void): void {
  const [command, args] =
    process.platform === 'win32'
      ? ['explorer.exe', [url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => log(`Open this address in your browser: ${url}`));
  child.unref();
  log(`Opened in the default browser; Aula keeps running until you stop it. Address: ${url}`);
}

/**
 * Shows Aula as an app window: Edge (on Windows), Chrome or Chromium with `--app` and a profile
 * of its own in the data folder, so the browser process is Aula's alone and ends when its last
 * window closes, which is when Aula stops. Without such a browser, the default browser opens
 * the address (and Aula runs until stopped).
 */
export function openAppWindow(url: string, dataDir: string, callbacks: AppWindowCallbacks): { close(): void } {
  const none = { close() {} };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    callbacks.log(`No desktop to open a window on; open this address in a browser: ${url}`);
    return none;
  }
  const browser = findChromiumBrowser();
  if (!browser) {
    openInDefaultBrowser(url, callbacks.log);
    return none;
  }
  const profileDir = path.join(dataDir, 'browser-profile');
  fs.mkdirSync(profileDir, { recursive: true });
  const child = spawn(browser, appWindowArguments(url, profileDir), { stdio: 'ignore' });
  child.on('error', () => openInDefaultBrowser(url, callbacks.log));
  let closing = false;
  child.on('exit', () => {
    if (!closing) callbacks.onClosed();
  });
  return {
    close() {
      closing = true;
      if (child.exitCode === null) child.kill('SIGTERM');
    },
  };
}
