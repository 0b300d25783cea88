/**
 * The two front-end builds the benchmark compares: Aula's renderer (built exactly as `npm start`
 * and `npm run build` build it, into dist/renderer, which the started app then serves) and the
 * bare baseline page (built with the same build options into a temp folder). Both builds report
 * their chunk graph, so the size measurement knows which JavaScript a page loads at start and
 * which chunks hold which packages. Web Workers (the SQL exercise's sql.js runs in one) are
 * bundled by Vite in builds of their own and reach the page's output only as files; a plugin
 * that only reads their bundles records their chunks too, without changing what is built.
 */
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, loadConfigFromFile, type InlineConfig, type Plugin, type Rolldown } from 'vite';
import { PROJECT_ROOT, RENDERER_BUILD_DIR } from '../../lib/project-paths.js';

export interface BuiltChunk {
  fileName: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  /** Chunks this one imports statically (loaded with it) and dynamically (loaded on demand). */
  imports: string[];
  dynamicImports: string[];
  moduleIds: string[];
  bytes: number;
  gzipBytes: number;
}

export interface FrontEndBuild {
  outDir: string;
  chunks: Map<string, BuiltChunk>;
  /** The entry chunks and everything they import statically: what loads before the page can run. */
  initialChunks: BuiltChunk[];
}

function gzipSize(code: string): number {
  return gzipSync(Buffer.from(code), { level: 9 }).length;
}

/** The chunks loaded with the entries: the entries and, transitively, their static imports. */
export function initialChunksOf(chunks: Map<string, BuiltChunk>): BuiltChunk[] {
  const seen = new Set<string>();
  const pending = [...chunks.values()].filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName);
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const imported of chunks.get(name)?.imports ?? []) if (chunks.has(imported)) pending.push(imported);
  }
  return [...seen].map((name) => chunks.get(name) as BuiltChunk);
}

function describeChunk(item: Rolldown.OutputChunk, inWorker: boolean): BuiltChunk {
  return {
    fileName: item.fileName,
    // A worker's entry is started on demand by the page, never loaded with it.
    isEntry: inWorker ? false : item.isEntry,
    isDynamicEntry: inWorker ? item.isEntry || item.isDynamicEntry : item.isDynamicEntry,
    imports: [...item.imports],
    dynamicImports: [...item.dynamicImports],
    moduleIds: [...item.moduleIds],
    bytes: Buffer.byteLength(item.code),
    gzipBytes: gzipSize(item.code),
  };
}

/** Records the chunks of every worker bundle into `into`; reads only. */
function recordWorkerChunks(into: BuiltChunk[]): Plugin {
  return {
    name: 'aula-bench-record-worker-chunks',
    generateBundle(_options, bundle) {
      for (const item of Object.values(bundle)) if (item.type === 'chunk') into.push(describeChunk(item, true));
    },
  };
}

/** The worker plugins the project's own config file sets, which the recorder must join, not replace. */
async function configuredWorkerPlugins(config: InlineConfig): Promise<() => Plugin[]> {
  if (typeof config.configFile !== 'string') return () => [];
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, config.configFile);
  const plugins = loaded?.config.worker?.plugins;
  if (!plugins) return () => [];
  // Fresh instances per worker build, as Vite asks; nested arrays flattened, falsy entries dropped.
  const flatten = (options: unknown[]): Plugin[] =>
    options.flatMap((option) => (Array.isArray(option) ? flatten(option) : option ? [option as Plugin] : []));
  return () => flatten(plugins() as unknown[]);
}

async function buildAndDescribe(config: InlineConfig, outDir: string): Promise<FrontEndBuild> {
  const workerChunks: BuiltChunk[] = [];
  const ownWorkerPlugins = await configuredWorkerPlugins(config);
  const result = await build({
    ...config,
    logLevel: 'warn',
    worker: { ...config.worker, plugins: () => [...ownWorkerPlugins(), recordWorkerChunks(workerChunks)] },
  });
  if (!('output' in result) && !Array.isArray(result)) throw new Error('Vite started a watcher instead of building');
  const outputs: Rolldown.RolldownOutput[] = Array.isArray(result) ? result : [result];
  const chunks = new Map<string, BuiltChunk>();
  for (const item of outputs.flatMap((output) => output.output)) {
    if (item.type === 'chunk') chunks.set(item.fileName, describeChunk(item, false));
  }
  for (const chunk of workerChunks) if (!chunks.has(chunk.fileName)) chunks.set(chunk.fileName, chunk);
  if (chunks.size === 0) throw new Error('the build produced no JavaScript');
  return { outDir, chunks, initialChunks: initialChunksOf(chunks) };
}

/** Aula's renderer, with the project's own Vite config, into dist/renderer (what the app serves). */
export function buildAulaRenderer(): Promise<FrontEndBuild> {
  return buildAndDescribe(
    {
      configFile: path.join(PROJECT_ROOT, 'vite.config.ts'),
      root: path.join(PROJECT_ROOT, 'renderer'),
      build: { outDir: RENDERER_BUILD_DIR, emptyOutDir: true },
    },
    RENDERER_BUILD_DIR,
  );
}

/** The bare Vite + React baseline page, with the renderer's build options, into `outDir`. */
export function buildBaselinePage(outDir: string): Promise<FrontEndBuild> {
  return buildAndDescribe(
    {
      configFile: false,
      root: path.join(PROJECT_ROOT, 'scripts', 'bench', 'baseline'),
      base: '/',
      build: { outDir, emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0, modulePreload: { polyfill: false } },
      oxc: { jsx: { runtime: 'automatic' } },
    },
    outDir,
  );
}
