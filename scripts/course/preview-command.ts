import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MANIFEST_FILE } from '../../electron/courses/load-course.js';
import { dispatch } from '../../electron/core/dispatch.js';
import { startBrowserMode } from '../../electron/server/browser-mode.js';
import { openBrowserWindow, stopOnSignals } from '../lib/open-browser-window.js';
import { RENDERER_BUILD_DIR, readAppVersion } from '../lib/project-paths.js';
import { ensureRendererBuilt } from '../lib/renderer-build.js';
import { parseCommandArgs, UsageError, userPath, type Command } from './cli-helpers.js';

/** Saves come in bursts (editors write several files); reload once they settle. */
const SETTLE_MS = 250;
/** The profile a preview on a temporary data folder opens with. */
export const PREVIEW_PROFILE = 'Preview';

export const previewCommand: Command = {
  name: 'preview',
  summary: 'open a course in browser mode, reloading on every save',
  help: `Usage: npm run course -- preview <course folder> [--port N] [--no-open] [--data-dir <folder>]

Opens the course in browser mode and reloads the page whenever you save a file of the course.
If a lesson does not compile, the page says which file, line and column instead of going blank.
Progress made while previewing goes to a temporary data folder, with a profile called "Preview",
unless you give --data-dir.`,
  async run(args) {
    const { positionals, values } = parseCommandArgs(args, {
      port: { type: 'string', default: '0' },
      'no-open': { type: 'boolean' },
      'data-dir': { type: 'string' },
    });
    const [folder] = positionals;
    if (!folder || positionals.length > 1) throw new UsageError('give exactly one course folder');
    const courseDir = userPath(folder);
    if (!fs.existsSync(path.join(courseDir, MANIFEST_FILE)))
      throw new UsageError(`${courseDir} has no ${MANIFEST_FILE}; is it a course folder?`);
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a number from 0 to 65535');
    const dataDir =
      typeof values['data-dir'] === 'string'
        ? userPath(values['data-dir'])
        : fs.mkdtempSync(path.join(os.tmpdir(), 'aula-preview-'));

    await ensureRendererBuilt((message) => console.log(message));
    const app = await startBrowserMode({
      dataDir,
      courseRoots: [],
      courseFolders: [courseDir],
      appVersion: readAppVersion(),
      rendererDir: RENDERER_BUILD_DIR,
      port,
      liveReload: true,
      log: (message) => console.error(message),
    });
    // A temporary data folder is new at every preview: rather than ask the trainer for a name each
    // time (as a new installation asks its first learner), it gets a profile called "Preview".
    if (typeof values['data-dir'] !== 'string') {
      const created = await dispatch(app.core.handlers, 'learners.create', { displayName: PREVIEW_PROFILE, language: 'en' });
      if (!created.ok) console.error(`Could not create the preview profile: ${created.error.message}`);
    }
    let timer: NodeJS.Timeout | undefined;
    let reloading = Promise.resolve();
    const watcher = fs.watch(courseDir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        reloading = reloading.then(async () => {
          const catalog = await app.core.reloadCourses();
          console.log(catalog.problems.length === 0 ? 'Reloaded.' : `Reloaded with ${catalog.problems.length} problem(s).`);
          app.notifyReload();
        });
      }, SETTLE_MS);
    });
    stopOnSignals(async () => {
      watcher.close();
      clearTimeout(timer);
      await app.stop();
      if (typeof values['data-dir'] !== 'string') fs.rmSync(dataDir, { recursive: true, force: true });
    });
    // After the stop on signals: whoever reads the ready line may stop the preview at once.
    console.log(`Aula ready: ${app.launchUrl}`);
    console.log(`Previewing ${courseDir}; save a file to reload. Stop with Ctrl+C.`);
    if (!values['no-open']) openBrowserWindow(app.launchUrl, dataDir);
    return new Promise<number>(() => {}); // runs until stopped
  },
};
