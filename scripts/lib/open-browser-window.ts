import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findChromiumBrowser } from './find-browser.js';

/**
 * A Chromium-family browser's arguments for Aula's app window: its own profile (so the browser
 * process is Aula's alone) and no background traffic (Aula is offline).
 */
export function appWindowArguments(url: string, profileDir: string): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/**
 * Opens Aula's address as an app window of the system's Chromium, Chrome or Edge, with its own
 * profile in the data folder and background networking off; prints the address where it cannot.
 */
export function openBrowserWindow(url: string, dataDir: string): void {
  const browser = findChromiumBrowser();
  if (!browser || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)) {
    console.log(`Open this address in Chrome, Edge or Chromium: ${url}`);
    return;
  }
  const profileDir = path.join(dataDir, 'browser-profile');
  fs.mkdirSync(profileDir, { recursive: true });
  const child = spawn(browser, appWindowArguments(url, profileDir), { detached: true, stdio: 'ignore' });
  child.on('error', () => console.log(`Could not open ${browser}; open this address yourself: ${url}`));
  child.unref();
}

/** Stops a long-running command cleanly on Ctrl+C, SIGTERM, or when npm's shell goes away. */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const run = (reason: string) => {
    if (stopping) return;
    stopping = true;
    stop()
      .then(() => {
        console.log(`Aula stopped (${reason}); progress saved.`);
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error(`Aula: error while stopping: ${String(error)}`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => run('SIGTERM'));
  process.on('SIGINT', () => run('SIGINT'));
  // `npm start` runs us under a shell; on SIGTERM npm stops that shell, which does not pass the
  // signal on. Being re-parented means whoever started us is gone, so stop as for SIGTERM.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) run('SIGTERM via npm');
  }, 250).unref();
}
