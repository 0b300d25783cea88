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
