/**
 * The desktop shell: window, aula:// protocol, single-instance lock, and the contract bound to IPC.
 * Kept thin: everything Aula does lives in the core, which is shared with browser mode.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { newUploadFile } from '../core/received-files.js';
import { startCore, type RunningCore } from '../core/start-core.js';
import { APP_ORIGIN, registerAppScheme, serveAppProtocol } from './app-protocol.js';
import { desktopDataFolder } from './desktop-data-folder.js';
import { bindContractToIpc } from './ipc-bridge.js';
import { focusWindow, lockDownSessions, secureWebPreferences } from './window-security.js';

// Built as dist/electron/main.cjs next to dist/renderer; a packaged app carries courses in resources.
const buildDir = __dirname;
const rendererDir = path.join(buildDir, '..', 'renderer');
// The bundled lessons, compiled by `npm run build` (read-only; a missing one only means compiling).
const prebuiltLessonCacheDir = path.join(buildDir, '..', 'lesson-cache');
const coursesDir = app.isPackaged ? path.join(process.resourcesPath, 'courses') : path.join(buildDir, '..', '..', 'courses');

registerAppScheme();

let mainWindow: BrowserWindow | undefined;
let core: RunningCore | undefined;

async function openMainWindow(): Promise<void> {
  const log = (message: string) => console.error(message);
  core = await startCore({
    dataDir: desktopDataFolder(process.argv, app.isPackaged),
    courseRoots: [coursesDir],
    prebuiltLessonCacheDir,
    appVersion: app.getVersion(),
    // better-sqlite3's prebuilt N-API binary loads in Electron as it is; AULA_SQLITE_BINDING only
    // overrides it (a binary kept outside a packaged app's archive, or one built by hand).
    nativeBinding: process.env.AULA_SQLITE_BINDING || undefined,
    log,
  });
  lockDownSessions();
  serveAppProtocol(rendererDir, core.catalog);
  const dataDir = core.deps.dataDir;
  bindContractToIpc(core.handlers, () => newUploadFile(dataDir), log);
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    title: 'Aula',
    show: false,
    webPreferences: secureWebPreferences(path.join(buildDir, 'preload.cjs')),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.close());
  app
    .whenReady()
    .then(openMainWindow)
    .catch((error: unknown) => {
      dialog.showErrorBox('Aula could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
