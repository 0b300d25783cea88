/**
 * The build manifest is what the three builds of the core rely on to find their workers at run
 * time: each worker entry must exist, be looked for under its output name by the code that starts
 * it, and compile into one file that loads the runtime packages from node_modules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWorkers, CORE_EXTERNALS, RUNTIME_PACKAGES, WORKER_ENTRIES } from '../../../scripts/lib/build-manifest.mjs';
import { makeTempDir, REPO_ROOT } from '../../helpers/temp-dir.js';

const scratch = makeTempDir('aula-build-manifest-');
afterAll(() => scratch.remove());

describe('the build manifest', () => {
  it.each(WORKER_ENTRIES)('$entry is looked for as $output by $startedBy', (worker) => {
    expect(fs.existsSync(path.join(REPO_ROOT, worker.entry))).toBe(true);
    expect(fs.readFileSync(path.join(REPO_ROOT, worker.startedBy), 'utf8')).toContain(`'./${worker.output}'`);
  });

  it('compiles every worker beside the bundle, leaving the runtime packages to node_modules', async () => {
    const inputs = await buildWorkers(REPO_ROOT, scratch.dir);
    expect(inputs).toEqual(expect.arrayContaining(WORKER_ENTRIES.map((worker) => worker.entry)));
    for (const worker of WORKER_ENTRIES) {
      const code = fs.readFileSync(path.join(scratch.dir, worker.output), 'utf8');
      expect(code).toMatch(/from "sql\.js"/);
      expect(code).not.toMatch(/sql-wasm\.wasm/);
    }
    expect(CORE_EXTERNALS).toEqual(expect.arrayContaining(RUNTIME_PACKAGES.map((pkg) => pkg.name)));
  });
});
