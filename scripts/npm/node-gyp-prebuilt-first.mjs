// @ts-check
/**
 * npm's node-gyp, named by the project's .npmrc (`node-gyp=...`), with one difference: a package
 * that ships a prebuilt binary for this platform is not built. npm runs `node-gyp rebuild` for
 * better-sqlite3 because its package has a binding.gyp, even though it carries N-API binaries
 * for every OS Aula runs on and says `"gypfile": false` (npm ignores that on installs from a
 * lockfile). node-gyp needs Python and make, and Visual Studio on Windows, even to build nothing,
 * so without this a PC with only Node and npm could fail `npm install`. Anything else is handed
 * to npm's own node-gyp unchanged. Plain JavaScript: it runs on whichever Node npm runs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// The package being installed, and npm's own files, are CommonJS.
const require = createRequire(import.meta.url);

/** better-sqlite3's own lookup of its prebuilt binary (the one it loads at run time), if the package in cwd has it. */
/** @returns {string | null} */
function prebuiltBinary() {
  const lookup = path.join(process.cwd(), 'lib', 'binding.js');
  if (!fs.existsSync(lookup)) return null;
  try {
    const binding = /** @type {{ getPrebuildPath?: () => string | null }} */ (require(lookup));
    return typeof binding.getPrebuildPath === 'function' ? binding.getPrebuildPath() : null;
  } catch {
    return null;
  }
}

/**
 * npm's bundled node-gyp, found beside the npm that is running this install.
 * @returns {string}
 */
function npmNodeGyp() {
  const npmCli = process.env.npm_execpath;
  const searchFrom = npmCli ? [path.dirname(npmCli), path.join(path.dirname(npmCli), '..')] : [];
  return require.resolve('node-gyp/bin/node-gyp.js', { paths: [...searchFrom, process.cwd()] });
}

const args = process.argv.slice(2);
const binary = args[0] === 'rebuild' ? prebuiltBinary() : null;
if (binary) {
  console.log(`Using the prebuilt ${path.basename(binary)} of ${path.basename(process.cwd())}: nothing to build.`);
  process.exit(0);
}
const result = spawnSync(process.execPath, [npmNodeGyp(), ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
