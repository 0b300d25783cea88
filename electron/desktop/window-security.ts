import { app, session, shell, type BrowserWindow } from 'electron';
import { LESSON_FRAME_PATH } from '../core/app-files.js';
import { APP_ORIGIN } from './app-protocol.js';

/** A web address a lesson asked to open (the page has already asked the person): to the PC's browser. */
function openOutside(url: string): void {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') void shell.openExternal(parsed.href);
  } catch {
    // not a URL: nothing to open
  }
}

/** Electron's security checklist, for everything not set in the window's webPreferences. */
export function lockDownSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    // No window of Aula opens another. A link out from a lesson reaches here as the page's
    // window.open after its "this needs internet" question (the sandboxed frame itself has no
    // allow-popups): it goes to the browser, never into Aula.
    contents.setWindowOpenHandler(({ url, features }) => {
      if (features.includes('noopener')) openOutside(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    // A lesson frame stays on the lesson page: it may not leave for the web or another app page.
    contents.on('will-frame-navigate', (details) => {
      if (details.isMainFrame) return;
      let allowed: boolean;
      try {
        const url = new URL(details.url);
        allowed = url.origin === APP_ORIGIN && url.pathname === LESSON_FRAME_PATH;
      } catch {
        allowed = false;
      }
      if (!allowed) details.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

export function secureWebPreferences(preload: string): Electron.WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

export function focusWindow(window: BrowserWindow | undefined): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}
