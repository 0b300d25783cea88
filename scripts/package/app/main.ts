/**
 * The entry of an installed Aula package (bundled into `app/main.mjs`, run by the launcher with
 * the Node runtime that ships beside it): browser mode from the package's own files, shown in an
 * app window, stopping when that window closes or on SIGTERM.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBrowserMode, type RunningBrowserMode } from '../../../electron/server/browser-mode.js';
import { partnerBranding } from './partner-settings.js';
import { applyPartnerBeforeStart, applyPartnerLanguage, applyPartnerLrs, readPartnerSettings } from './apply-partner.js';
import { openAppWindow } from './app-window.js';
import { PORTABLE_MARKER, chooseDataFolder } from './data-location.js';
import { seedLessonCache } from './seed-lesson-cache.js';

const APP_DIR = path.dirname(fileURLToPath(import.meta.url));
const INSTALL_ROOT = path.dirname(APP_DIR);

const HELP = `Usage: aula [options]

Options:
  --no-open          Do not open a window; just print the address.
  --port N           Port on 127.0.0.1 (default: 0, any free port).
  --data-dir DIR     Folder for progress and settings.
  --browser          Accepted for compatibility with \`npm start\`: this package always uses browser mode.
  -h, --help         Show this help.
`;

function fail(message: string): never {
  console.error(`Aula: ${message}`);
  process.exit(1);
}

function readVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(APP_DIR, 'package.json'), 'utf8')) as { version: string }).version;
}

function parseOptions() {
  try {
    const { values } = parseArgs({
      options: {
        browser: { type: 'boolean', default: false },
        'no-open': { type: 'boolean', default: false },
        port: { type: 'string', default: '0' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      fail(`--port must be a number from 0 to 65535, not "${values.port}".`);
    return { ...values, port };
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
  }
}

/** Stops once, on the first of: SIGTERM, Ctrl+C, the app window closing. */
function stopper(app: RunningBrowserMode, closeWindow: () => void) {
  let stopping = false;
  return (reason: string) => {
    if (stopping) return;
    stopping = true;
    closeWindow();
    app
      .stop()
      .then(() => {
        console.log(`Aula stopped (${reason}); progress saved.`);
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error(`Aula: error while stopping: ${String(error)}`);
        process.exit(1);
      });
  };
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (options.help) {
    console.log(HELP);
    return;
  }
  const dataDir = chooseDataFolder({
    dataDirOption: options['data-dir'],
    installRoot: INSTALL_ROOT,
    cwd: process.cwd(),
    isPortable: fs.existsSync(path.join(INSTALL_ROOT, PORTABLE_MARKER)),
  });
  seedLessonCache(path.join(APP_DIR, 'lessons'), path.join(dataDir, 'cache', 'lessons'));
  const partner = readPartnerSettings(APP_DIR);
  if (partner) await applyPartnerBeforeStart(APP_DIR, dataDir, partner, (message) => console.error(message));
  const app = await startBrowserMode({
    dataDir,
    courseRoots: [path.join(APP_DIR, 'courses')],
    appVersion: readVersion(),
    rendererDir: path.join(APP_DIR, 'renderer'),
    port: options.port,
    branding: partner ? partnerBranding(partner) : undefined,
    log: (message) => console.error(message),
  });
  if (partner) applyPartnerLanguage(app.core.db, partner);
  if (partner && applyPartnerLrs(app.core.db, partner)) void app.core.deps.lrsSender.sendNow();
  let closeWindow = () => {};
  const stop = stopper(app, () => closeWindow());
  // Before the ready line: whoever reads it may stop Aula at once, and must get a clean stop.
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  console.log(`Aula ready: ${app.launchUrl}`);
  if (!options['no-open']) {
    closeWindow = openAppWindow(app.launchUrl, dataDir, {
      onClosed: () => stop('window closed'),
      log: (message) => console.log(message),
    }).close;
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
