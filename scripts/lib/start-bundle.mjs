// @ts-check
/**
 * `npm start` runs Aula's browser mode from a bundle made with esbuild, not through tsx: loading
 * some 150 TypeScript modules through tsx's loader hooks took longer than all the rest of the
 * start (about 0.4 s of 0.8 s on a 2-core PC). This file is plain JavaScript because it runs
 * before anything can compile TypeScript.
 *
 * A bundle lives in its own folder, `dist/launch/<name>-<stamp>/`, and is never changed after it
 * is written: a running Aula keeps loading its lazy chunks (certificates, PDF) from the folder it
 * started from while a newer `npm start` builds and uses a new one. `dist/launch/<name>.json`
 * names the current folder and every file that went into it, with its size and modification
 * time, so a start only rebuilds when one of those files changed.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWorkers, CORE_EXTERNALS } from './build-manifest.mjs';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LAUNCH_DIR = path.join(PROJECT_ROOT, 'dist', 'launch');

/** npm rewrites this file at every `npm install` and `npm ci`. */
const NPM_INSTALL_RECORD = path.join('node_modules', '.package-lock.json');

/**
 * @typedef {{ folder: string; inputs: [string, number, number][] }} BundleState
 */

/** @param {string} name */
function stateFile(name) {
  return path.join(LAUNCH_DIR, `${name}.json`);
}

/**
 * @param {string} name
 * @returns {BundleState | null}
 */
function readState(name) {
  try {
    return /** @type {BundleState} */ (JSON.parse(fs.readFileSync(stateFile(name), 'utf8')));
  } catch {
    return null;
  }
}

/**
 * The current bundle's entry file, if every file that went into it is unchanged.
 * @param {string} name
 * @returns {string | null}
 */
export function currentBundle(name) {
  const state = readState(name);
  if (!state) return null;
  const entry = path.join(LAUNCH_DIR, state.folder, 'start.js');
  if (!fs.existsSync(entry)) return null;
  for (const [file, size, mtimeMs] of state.inputs) {
    const stat = fs.statSync(path.join(PROJECT_ROOT, file), { throwIfNoEntry: false });
    if (!stat || stat.size !== size || stat.mtimeMs !== mtimeMs) return null;
  }
  return entry;
}

/**
 * Bundles `entry` (a TypeScript file of this project) into a new folder and makes it current.
 * @param {string} name
 * @param {string} entry path relative to the project root
 * @returns {Promise<string>} the bundle's entry file
 */
export async function buildBundle(name, entry) {
  const { build } = await import('esbuild');
  const folder = `${name}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const outdir = path.join(LAUNCH_DIR, folder);
  const result = await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: { start: entry },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // What stays in node_modules, and why: build-manifest.mjs.
    external: CORE_EXTERNALS,
    metafile: true,
    sourcemap: 'linked',
    logLevel: 'warning',
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __aulaCreateRequire } from 'node:module'; const require = __aulaCreateRequire(import.meta.url);",
    },
  });
  const workerInputs = await buildWorkers(PROJECT_ROOT, outdir);
  /** @type {[string, number, number][]} */
  const inputs = [];
  // Packages change only through npm, which rewrites node_modules/.package-lock.json each time: one
  // file stands for the ~500 package files in the bundle, so a start checks ~100 files, not ~600.
  const ownInputs = [...new Set([...Object.keys(result.metafile.inputs), ...workerInputs])].filter(
    (file) => !file.startsWith('node_modules/'),
  );
  for (const file of [...ownInputs, 'package.json', NPM_INSTALL_RECORD]) {
    const stat = fs.statSync(path.join(PROJECT_ROOT, file), { throwIfNoEntry: false });
    if (stat) inputs.push([file, stat.size, stat.mtimeMs]);
  }
  /** @type {BundleState} */
  const state = { folder, inputs };
  const temp = `${stateFile(name)}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(state));
  fs.renameSync(temp, stateFile(name));
  removeOldBundles(name, folder);
  return path.join(outdir, 'start.js');
}

/**
 * Removes earlier bundles of this name, except the current one and any younger than a day (an
 * Aula started from it may still be running and load a chunk from it).
 * @param {string} name
 * @param {string} keep
 */
function removeOldBundles(name, keep) {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const entry of fs.readdirSync(LAUNCH_DIR, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === keep || !entry.name.startsWith(`${name}-`)) continue;
    const folder = path.join(LAUNCH_DIR, entry.name);
    if (fs.statSync(folder).mtimeMs < dayAgo) fs.rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The bundle's entry file, built first when missing or out of date.
 * @param {string} name
 * @param {string} entry path relative to the project root
 * @param {(message: string) => void} [log]
 * @returns {Promise<string>}
 */
export async function ensureBundle(name, entry, log = () => {}) {
  const current = currentBundle(name);
  if (current) return current;
  log('Preparing Aula to start (first start after a change)...');
  return buildBundle(name, entry);
}
