// @ts-check
/**
 * What every build of the core must know about the code it bundles, in one place: the desktop
 * shell's build (electron-build.ts), `npm start`'s bundle (start-bundle.mjs) and the package's
 * app folder (package/app-folder.ts) all read it. Plain JavaScript: start-bundle.mjs runs before
 * anything can compile TypeScript.
 */
import path from 'node:path';

/**
 * Packages the core loads from node_modules at run time instead of from its bundle, because they
 * find files beside their own code. The package ships them in app/node_modules (which of their
 * files, per target, is app-folder.ts's business).
 * @type {{ name: string; why: string }[]}
 */
export const RUNTIME_PACKAGES = [
  { name: 'better-sqlite3', why: 'a native addon: it loads its prebuilt binary from its own folder' },
  { name: 'pdfkit', why: 'reads its font metrics from files beside its code' },
  { name: 'sql.js', why: 'loads its .wasm from beside its code (grading’s SQL worker)' },
];

/**
 * Build tools some code of the core imports only when there is something to build (the lesson
 * compiler, a trainer's preview, the renderer's dev server). Kept out of every bundle; the
 * package never runs them (its lessons are compiled at package time).
 */
export const BUILD_TOOL_PACKAGES = ['esbuild', 'mdx-bundler', 'remark-gfm', 'vite', '@vitejs/*'];

/** Everything a bundle of the core leaves to node_modules. */
export const CORE_EXTERNALS = [...RUNTIME_PACKAGES.map((pkg) => pkg.name), ...BUILD_TOOL_PACKAGES];

/**
 * Worker threads of the core: each runs as a file of its own, which the code that starts it finds
 * beside itself (`new URL('./<output>', import.meta.url)`). Every build compiles them into the
 * folder of its bundle; from source they run through tsx.
 * @type {{ entry: string; output: string; startedBy: string }[]}
 */
export const WORKER_ENTRIES = [
  { entry: 'electron/exercises/sql-worker.ts', output: 'sql-worker.mjs', startedBy: 'electron/exercises/run-sql.ts' },
];

/**
 * Compiles the worker entries into `outdir` (ES modules, the runtime packages left outside).
 * Returns the project files that went into them, relative to `projectRoot`.
 * @param {string} projectRoot
 * @param {string} outdir
 * @param {{ minify?: boolean; target?: string }} [options]
 * @returns {Promise<string[]>}
 */
export async function buildWorkers(projectRoot, outdir, options = {}) {
  const { build } = await import('esbuild');
  /** @type {string[]} */
  const inputs = [];
  for (const worker of WORKER_ENTRIES) {
    const result = await build({
      absWorkingDir: projectRoot,
      entryPoints: [worker.entry],
      outfile: path.join(outdir, worker.output),
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: options.target ?? 'node20',
      external: CORE_EXTERNALS,
      minify: options.minify ?? false,
      legalComments: 'none',
      metafile: true,
      logLevel: 'warning',
    });
    inputs.push(...Object.keys(result.metafile.inputs));
  }
  return inputs;
}
