/**
 * The data folder the desktop shell opens. Kept apart from main.ts (and free of `electron`) so it
 * is tested without the Electron runtime.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataFolder } from '../core/data-folder.js';

/**
 * `--data-dir` when given, else the one default data folder that browser mode and the command-line
 * tools use too (data-folder.ts). Not Electron's `app.getPath('userData')`: Electron derives that
 * from package.json's "name" ("aula"), which on Linux is another folder than "Aula", so a learner
 * switching between the desktop window and browser mode would find no progress.
 */
export function desktopDataFolder(
  argv: readonly string[],
  isPackaged: boolean,
  fallback: () => string = defaultDataFolder,
): string {
  const { values } = parseArgs({
    // A packaged app's argv is [app, ...args]; in development it is [electron, main script, ...args].
    args: argv.slice(isPackaged ? 1 : 2),
    options: { 'data-dir': { type: 'string' } },
    strict: false,
  });
  const given = values['data-dir'];
  return typeof given === 'string' ? path.resolve(given) : fallback();
}
