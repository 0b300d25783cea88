import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
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
    // Native and compiler packages stay in node_modules; the desktop build picks their binaries.
    // pdfkit and sql.js read data files beside their own code (font metrics, .wasm), so they stay there too.
    external: ['electron', 'better-sqlite3', 'esbuild', 'mdx-bundler', 'remark-gfm', 'pdfkit', 'sql.js'],
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: 'const importMetaUrl = require("url").pathToFileURL(__filename).href;' },
  });
  await build({
    ...common,
    entryPoints: [path.join(PROJECT_ROOT, 'electron', 'desktop', 'preload.ts')],
    outfile: path.join(ELECTRON_BUILD_DIR, 'preload.cjs'),
    external: ['electron'],
  });
  // The SQL grading worker runs as a file of its own, found beside the bundle (electron/exercises/run-sql.ts).
  fs.copyFileSync(
    path.join(PROJECT_ROOT, 'electron', 'exercises', 'sql-worker.mjs'),
    path.join(ELECTRON_BUILD_DIR, 'sql-worker.mjs'),
  );
  return path.join(ELECTRON_BUILD_DIR, 'main.cjs');
}
