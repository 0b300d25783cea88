/**
 * `npm start`: opens Aula. Uses the Electron desktop shell where its runtime is installed, and
 * browser mode (the same core on 127.0.0.1, shown in the system's Chromium/Chrome/Edge) where not.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MANIFEST_FILE } from '../electron/courses/manifest-file.js';
import { DataFolderInUseError } from '../electron/core/data-folder-lock.js';
import { defaultDataFolder } from '../electron/core/data-folder.js';
import { startBrowserMode, type RunningBrowserMode } from '../electron/server/browser-mode.js';
import type { Branding } from '../electron/contract/app-channels.js';
import { findElectronRuntime } from './lib/electron-runtime.js';
import { openBrowserWindow, stopOnSignals } from './lib/open-browser-window.js';
import {
  BUNDLED_COURSES_DIR,
  PREBUILT_LESSON_CACHE_DIR,
  PROJECT_ROOT,
  RENDERER_BUILD_DIR,
  readAppVersion,
} from './lib/project-paths.js';
import { ensureRendererBuilt } from './lib/renderer-build.js';

const HELP = `Usage: npm start -- [options]

Options:
  --browser          Use browser mode even if the Electron runtime is installed.
  --no-open          Do not open a window; just print the address (browser mode).
  --port N           Port for browser mode on 127.0.0.1 (default: 0, any free port).
  --data-dir DIR     Folder for progress and settings (default: ${defaultDataFolder()}).
  --partner FILE     Preview a partner file's branding (window title, accent colour) in browser
                     mode; its packs, signers and issuer are applied only by a built package.
  --courses DIR      Show the courses of DIR instead of the bundled ones, in browser mode: DIR is a
                     course folder or a folder of course folders; repeat it for several. For
                     trainers previewing a folder of courses, and for tests on their own courses.
  -h, --help         Show this help.
`;

function fail(message: string): never {
  console.error(`Aula: ${message}`);
  process.exit(1);
}

/** A path as the person typed it: relative to where they ran `npm start`, not to this checkout. */
function fromCaller(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

async function previewBranding(partnerFile: string | undefined): Promise<Branding | undefined> {
  if (!partnerFile) return undefined;
  // Loaded only for a preview: reading a partner file checks its packs, which a normal start never needs.
  const [{ partnerBranding }, { PartnerFileError, readPartnerFile }] = await Promise.all([
    import('./package/app/partner-settings.js'),
    import('./package/partner-file.js'),
  ]);
  try {
    return partnerBranding((await readPartnerFile(partnerFile)).settings);
  } catch (error) {
    if (error instanceof PartnerFileError) fail(error.message);
    throw error;
  }
}

/**
 * Where the courses come from: the bundled ones, or instead the folders given with `--courses`,
 * each a course folder (it has a course.yaml) or a folder whose sub-folders are courses. The
 * prebuilt lesson cache stays in use either way: it is keyed by each lesson's content hash, so it
 * only ever answers for a lesson whose source and components are those of a bundled one.
 */
function courseSources(folders: string[] | undefined): { courseRoots: string[]; courseFolders: string[] } {
  if (!folders?.length) return { courseRoots: [BUNDLED_COURSES_DIR], courseFolders: [] };
  const courseRoots: string[] = [];
  const courseFolders: string[] = [];
  for (const folder of folders.map(fromCaller)) {
    if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) fail(`--courses: ${folder} is not a folder.`);
    (fs.existsSync(path.join(folder, MANIFEST_FILE)) ? courseFolders : courseRoots).push(folder);
  }
  return { courseRoots, courseFolders };
}

function parseOptions() {
  try {
    const { values } = parseArgs({
      options: {
        browser: { type: 'boolean', default: false },
        'no-open': { type: 'boolean', default: false },
        port: { type: 'string', default: '0' },
        'data-dir': { type: 'string' },
        partner: { type: 'string' },
        courses: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      fail(`--port must be a number from 0 to 65535, not "${values.port}".`);
    return {
      ...values,
      port,
      dataDir: values['data-dir'] ? fromCaller(values['data-dir']) : defaultDataFolder(),
      partnerFile: values.partner ? fromCaller(values.partner) : undefined,
      courseSources: courseSources(values.courses),
    };
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
  }
}

/**
 * A checkout started without `npm run build` compiles the bundled lessons once into dist/ (as the
 * build does), not into each data folder. A cache that is there but older than a course edit is
 * left alone: the lessons that changed are compiled into the data folder's own cache.
 */
async function ensureLessonCacheBuilt(): Promise<void> {
  if (fs.existsSync(PREBUILT_LESSON_CACHE_DIR)) return;
  console.log('Compiling the bundled lessons (first start after installing)...');
  // Loaded only here: the lesson compiler is no part of an ordinary start.
  const { buildBundledLessonCache } = await import('./lib/lesson-cache-build.js');
  await buildBundledLessonCache();
}

/**
 * The data folder is open in another Aula: no second server beside it. A browser-mode Aula's
 * address is in its lock, so the person gets a window on it; the start itself succeeded (exit 0),
 * unless the folder is busy with a course install.
 */
function sendToRunningAula(error: DataFolderInUseError, options: ReturnType<typeof parseOptions>): never {
  console.log(error.message);
  const url = error.holder.url;
  if (url && !options['no-open']) openBrowserWindow(url, options.dataDir);
  process.exit(error.holder.kind === 'app' ? 0 : 1);
}

async function runBrowserMode(options: ReturnType<typeof parseOptions>): Promise<void> {
  await ensureRendererBuilt((message) => console.log(message));
  await ensureLessonCacheBuilt();
  const branding = await previewBranding(options.partnerFile);
  let app: Promise<RunningBrowserMode> | undefined;
  // Ready as soon as the server listens: the window loads the page while the core loads the
  // courses (its calls wait for them). A stop from now on waits for the start to finish.
  const onListening = (launchUrl: string) => {
    // Before the ready line: whoever reads it may stop Aula at once, and must get a clean stop.
    stopOnSignals(async () => (await app)?.stop());
    console.log(`Aula ready: ${launchUrl}`);
    if (!options['no-open']) openBrowserWindow(launchUrl, options.dataDir);
  };
  try {
    app = startBrowserMode({
      dataDir: options.dataDir,
      ...options.courseSources,
      prebuiltLessonCacheDir: PREBUILT_LESSON_CACHE_DIR,
      appVersion: readAppVersion(),
      rendererDir: RENDERER_BUILD_DIR,
      port: options.port,
      branding,
      log: (message) => console.error(message),
      onListening,
    });
    await app;
  } catch (error) {
    if (error instanceof DataFolderInUseError) sendToRunningAula(error, options);
    throw error;
  }
}

async function runDesktop(electronBinary: string, options: ReturnType<typeof parseOptions>): Promise<void> {
  await ensureRendererBuilt((message) => console.log(message));
  await ensureLessonCacheBuilt();
  // esbuild loads only here: browser mode, the usual start on this kind of PC, never needs it.
  const { buildElectronShell } = await import('./lib/electron-build.js');
  const main = await buildElectronShell();
  const child = spawn(electronBinary, [main, '--data-dir', options.dataDir], {
    stdio: 'inherit',
    cwd: PROJECT_ROOT,
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (options.help) {
    console.log(HELP);
    return;
  }
  // The desktop shell always shows the bundled courses: other folders are shown in browser mode.
  if (!options.browser && !options.courses) {
    const electronBinary = findElectronRuntime();
    if (electronBinary) {
      await runDesktop(electronBinary, options);
      return;
    }
    console.log('Electron runtime not installed (see README: "Desktop window"); starting browser mode instead.');
  }
  await runBrowserMode(options);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
