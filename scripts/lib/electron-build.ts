import path from 'node:path';
import { build } from 'esbuild';
import { buildWorkers, CORE_EXTERNALS } from './build-manifest.mjs';
import { ELECTRON_BUILD_DIR, PROJECT_ROOT } from './project-paths.js';

/**
 * Bundles the desktop shell's main process and preload. The preload runs in Electron's sandbox,
 * where only `electron` can be required, so it is bundled into a single CommonJS file.
 */
export async function buildElectronShell(): Promise<string> {
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning' as const,
  };
  await build({
    ...common,
    entryPoints: [path.join(PROJECT_ROOT, 'electron', 'desktop', 'main.ts')],
    outfile: path.join(ELECTRON_BUILD_DIR, 'main.cjs'),
    // What stays in node_modules, and why: build-manifest.mjs. The desktop build picks their binaries.
    external: ['electron', ...CORE_EXTERNALS],
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: 'const importMetaUrl = require("url").pathToFileURL(__filename).href;' },
  });
  await build({
    ...common,
    entryPoints: [path.join(PROJECT_ROOT, 'electron', 'desktop', 'preload.ts')],
    outfile: path.join(ELECTRON_BUILD_DIR, 'preload.cjs'),
    external: ['electron'],
  });
  // Worker threads run as files of their own, found beside the bundle.
  await buildWorkers(PROJECT_ROOT, ELECTRON_BUILD_DIR, { target: 'node22' });
  return path.join(ELECTRON_BUILD_DIR, 'main.cjs');
}
