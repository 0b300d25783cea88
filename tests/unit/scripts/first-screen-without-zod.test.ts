/**
 * Browser mode answers the first screen's two calls (`app.info`, `learners.list`) before it loads
 * the channel code (zod and every channel's schema: 50 to 100 ms of the server's one thread on a
 * 2-core PC), so the profile picker never waits for it. That holds only while the first screen's
 * handlers import neither zod nor a channel's schemas.
 */
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { CORE_EXTERNALS } from '../../../scripts/lib/build-manifest.mjs';
import { PROJECT_ROOT } from '../../../scripts/lib/project-paths.js';

/** Every input reached from `entry` through static imports (what evaluating it evaluates). */
function staticallyImported(metafile: Metafile, entry: string): Set<string> {
  const reached = new Set([entry]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const imported of metafile.inputs[file]?.imports ?? []) {
      if (imported.kind !== 'import-statement' || imported.external || reached.has(imported.path)) continue;
      reached.add(imported.path);
      queue.push(imported.path);
    }
  }
  return reached;
}

describe("the first screen's handlers", () => {
  it('load without zod or any channel schema', async () => {
    const entry = 'electron/server/first-screen-handlers.ts';
    const { metafile } = await build({
      absWorkingDir: PROJECT_ROOT,
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      platform: 'node',
      external: CORE_EXTERNALS,
      outdir: 'unused',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const loaded = [...staticallyImported(metafile, entry)];
    // What answers the calls is there; the test would pass on an empty graph otherwise.
    expect(loaded).toContain('electron/db/learners.ts');
    expect(loaded).toContain('electron/core/handlers/app-handlers.ts');
    expect(loaded.filter((file) => file.includes('node_modules/zod/'))).toEqual([]);
    expect(loaded.filter((file) => file.startsWith('electron/contract/') && file.endsWith('-channels.ts'))).toEqual([]);
  });
});
