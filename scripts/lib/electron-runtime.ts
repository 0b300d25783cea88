import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './project-paths.js';

/**
 * Finds the Electron runtime binary without triggering a download. Requiring the `electron`
 * package would try to fetch the binary on first use, which hangs or fails offline, so this reads
 * the package's `path.txt` and checks the file exists.
 */
export function findElectronRuntime(root: string = PROJECT_ROOT, env: NodeJS.ProcessEnv = process.env): string | null {
  const packageDir = path.join(root, 'node_modules', 'electron');
  let relative = 'electron';
  try {
    relative = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    if (!env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  }
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const binary = path.join(distDir, relative);
  return fs.existsSync(binary) ? binary : null;
}

/** Where a better-sqlite3 binary built for Electron's ABI is kept unless AULA_SQLITE_BINDING names one. */
export const ELECTRON_SQLITE_BINDING_PATH = path.join(PROJECT_ROOT, 'native', 'electron', 'better_sqlite3.node');

/**
 * Electron 45 runs Node 24 (ABI 150): the better-sqlite3 binary `npm install` builds for the system
 * Node cannot load there. The desktop shell needs one built for Electron, named here.
 */
export function findElectronSqliteBinding(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidate = env.AULA_SQLITE_BINDING ?? ELECTRON_SQLITE_BINDING_PATH;
  return fs.existsSync(candidate) ? candidate : null;
}
