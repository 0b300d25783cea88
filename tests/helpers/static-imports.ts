import { build, type Metafile } from 'esbuild';
import { CORE_EXTERNALS } from '../../scripts/lib/build-manifest.mjs';
import { PROJECT_ROOT } from '../../scripts/lib/project-paths.js';

/**
 * Bundles `entry` as the start bundle is bundled (esbuild, Node, ES modules, split at dynamic
 * imports) without writing anything, and returns what it found: every input, and for each what it
 * imports and how.
 */
export async function bundleGraph(entry: string): Promise<Metafile> {
  const { metafile } = await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    external: CORE_EXTERNALS,
    outdir: 'unused',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return metafile;
}

/** Every input reached from `entry` through static imports only: what evaluating it evaluates first. */
export function staticallyImported(metafile: Metafile, entry: string): string[] {
  const reached = new Set([entry]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const imported of metafile.inputs[file]?.imports ?? []) {
      if (imported.kind !== 'import-statement' || imported.external || reached.has(imported.path)) continue;
      reached.add(imported.path);
      queue.push(imported.path);
    }
  }
  return [...reached];
}
