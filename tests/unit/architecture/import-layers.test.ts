/**
 * The import check of `npm test` (.dependency-cruiser.cjs) is only worth having if it fails: for
 * every layer of the core and of the renderer, a file that imports the layer above is written to
 * a scratch tree shaped like the project, and the check run with the project's own rules must
 * name exactly that import. Folders of one core layer may not import each other either.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../../../.dependency-cruiser.cjs') as IConfiguration;
const { CORE_LAYERS, RENDERER_LAYERS } = require('../../../scripts/lib/import-layers.cjs') as {
  CORE_LAYERS: { name: string; folders: string[] }[];
  RENDERER_LAYERS: { name: string; paths: string[] }[];
};

/** A renderer part is a folder ('api/') or a file pattern ('router\\.ts$'): the file that stands for it. */
function rendererFile(part: string, name: string): string {
  return part.endsWith('/') ? `renderer/src/${part}${name}.ts` : `renderer/src/${part.replace(/\\\./g, '.').replace(/\$$/, '')}`;
}

interface Case {
  from: string;
  to: string;
  rule: string;
}

function coreCases(): Case[] {
  const cases: Case[] = [];
  CORE_LAYERS.forEach((layer, index) => {
    const above = CORE_LAYERS[index + 1];
    for (const folder of layer.folders) {
      const rule = `core-layer-${folder}`;
      if (above) cases.push({ from: `electron/${folder}/upward.ts`, to: `electron/${above.folders[0]}/target.ts`, rule });
      const sibling = layer.folders.find((other) => other !== folder);
      if (sibling) cases.push({ from: `electron/${folder}/sideways.ts`, to: `electron/${sibling}/target.ts`, rule });
    }
  });
  return cases;
}

function rendererCases(): Case[] {
  const cases: Case[] = [];
  RENDERER_LAYERS.forEach((layer, index) => {
    const above = RENDERER_LAYERS[index + 1];
    if (!above) return;
    for (const part of layer.paths) {
      const name = part.replace(/\\\.tsx?\$$|\/$/, '').toLowerCase();
      cases.push({
        from: rendererFile(part, 'upward'),
        to: rendererFile(above.paths[0]!, 'target'),
        rule: `renderer-layer-${name}`,
      });
    }
  });
  return cases;
}

const cases = [...coreCases(), ...rendererCases()];
/** Imports that go down, which the check must let through. */
const allowed = [
  { from: 'electron/server/down.ts', to: 'electron/core/target.ts' },
  { from: 'electron/core/down.ts', to: 'electron/db/target.ts' },
  { from: 'electron/quiz/down.ts', to: 'electron/contract/target.ts' },
  { from: 'electron/rules/down.ts', to: 'electron/contract/target.ts' },
  { from: 'electron/exercises/down.ts', to: 'electron/rules/target.ts' },
  { from: 'renderer/src/pages/down.ts', to: 'renderer/src/lesson/target.ts' },
  { from: 'renderer/src/main.tsx', to: 'renderer/src/App.tsx' },
];
let scratch: string;
let result: ICruiseResult;

function write(file: string, text: string): void {
  const full = path.join(scratch, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  if (!fs.existsSync(full) || text) fs.writeFileSync(full, text || 'export const value = 1;\n');
}

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-layers-'));
  for (const { from, to } of [...cases, ...allowed]) {
    write(to, '');
    const specifier = path.relative(path.dirname(from), to).replace(/\.tsx?$/, '');
    write(
      from,
      `import { value } from '${specifier.startsWith('.') ? specifier : `./${specifier}`}';\nexport const copy = value;\n`,
    );
  }
  const reported = await cruise(
    ['electron', 'renderer'],
    { baseDir: scratch, ruleSet: { forbidden: config.forbidden }, tsPreCompilationDeps: true, validate: true },
    { extensions: ['.ts', '.tsx'] },
  );
  result = reported.output as ICruiseResult;
}, 60_000);

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('the import check refuses an import against the layers', () => {
  it('covers every layer but the top of the core and of the renderer', () => {
    expect(cases.filter((c) => c.rule.startsWith('core-')).length).toBeGreaterThan(CORE_LAYERS.length);
    expect(new Set(cases.map((c) => c.rule)).size).toBe(
      CORE_LAYERS.slice(0, -1).flatMap((layer) => layer.folders).length +
        // The shells import nothing above them, but sideways (server ↔ desktop) is refused too.
        CORE_LAYERS.at(-1)!.folders.length +
        RENDERER_LAYERS.slice(0, -1).flatMap((layer) => layer.paths).length,
    );
  });

  it.each(cases)('$from → $to is refused by $rule', ({ from, to, rule }) => {
    const found = result.summary.violations.filter((violation) => violation.from === from && violation.to === to);
    expect(found.map((violation) => violation.rule.name)).toEqual([rule]);
  });

  it('lets downward imports through, and finds nothing else in the scratch tree', () => {
    const cruised = new Set(
      result.modules.flatMap((module) => module.dependencies.map((d) => `${module.source} → ${d.resolved}`)),
    );
    for (const { from, to } of allowed) expect(cruised).toContain(`${from} → ${to}`);
    const expected = new Set(cases.map((c) => `${c.from} → ${c.to}`));
    const unexpected = result.summary.violations.filter((violation) => !expected.has(`${violation.from} → ${violation.to}`));
    expect(unexpected).toEqual([]);
  });
});
