/**
 * 7. Size: the gzip size of the JavaScript the renderer loads at start (its entry chunk and
 * everything that imports statically), next to the bare Vite + React page's; and where the heavy
 * lesson components live: in chunks of their own, outside the initial JavaScript, and not
 * requested while text lessons open (recorded by the lesson-open measurement, which runs first).
 */
import { BUDGETS } from '../lib/budgets.js';
import type { BuiltChunk, FrontEndBuild } from '../lib/builds.js';
import { SECTIONS, type BenchContext, type Measurement } from '../lib/context.js';
import type { BenchRow } from '../lib/report.js';

const KB = 1000;

/** The heavy components of the design, by the packages they are built on. */
export const HEAVY_COMPONENTS: { what: string; packages: RegExp; names: string }[] = [
  { what: 'charts', packages: /\/node_modules\/(?:@observablehq\/plot|d3(?:-[a-z-]+)?)\//, names: '@observablehq/plot, d3' },
  { what: 'SQL engine', packages: /\/node_modules\/sql\.js\//, names: 'sql.js' },
  { what: 'BPMN modeller', packages: /\/node_modules\/(?:bpmn-js|bpmn-moddle|diagram-js)\//, names: 'bpmn-js' },
  { what: 'code editor', packages: /\/node_modules\/(?:@codemirror\/[^/]+|codemirror)\//, names: 'CodeMirror' },
];

const gzipKB = (chunks: BuiltChunk[]) => chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0) / KB;

function heavyChunks(build: FrontEndBuild, packages: RegExp): BuiltChunk[] {
  return [...build.chunks.values()].filter((chunk) => chunk.moduleIds.some((id) => packages.test(id.replace(/\\/g, '/'))));
}

async function measureSize(context: BenchContext): Promise<BenchRow[]> {
  const { renderer, baselinePage } = context;
  const initial = new Set(renderer.initialChunks.map((chunk) => chunk.fileName));
  context.details.size = {
    initialChunks: renderer.initialChunks.map(({ fileName, bytes, gzipBytes }) => ({ fileName, bytes, gzipBytes })),
    otherChunks: [...renderer.chunks.values()]
      .filter((chunk) => !initial.has(chunk.fileName))
      .map(({ fileName, bytes, gzipBytes }) => ({ fileName, bytes, gzipBytes })),
  };
  const rows: BenchRow[] = [
    {
      kind: 'measured',
      section: SECTIONS.size,
      name: `Renderer's initial JavaScript, gzip (${initial.size} file${initial.size === 1 ? '' : 's'})`,
      value: gzipKB(renderer.initialChunks),
      unit: 'kB',
      baseline: { label: 'bare Vite + React page', value: gzipKB(baselinePage.initialChunks) },
      budget: BUDGETS.initialJsGzipKB,
    },
  ];

  const allHeavy: string[] = [];
  for (const component of HEAVY_COMPONENTS) {
    const chunks = heavyChunks(renderer, component.packages);
    const name = `Heavy component in chunks of its own, not in the initial JavaScript: ${component.what} (${component.names})`;
    if (chunks.length === 0) {
      rows.push({
        kind: 'not-measured',
        section: SECTIONS.size,
        name,
        reason: `no lesson component uses ${component.names} yet`,
      });
      continue;
    }
    allHeavy.push(...chunks.map((chunk) => chunk.fileName));
    const loadedAtStart = chunks.filter((chunk) => initial.has(chunk.fileName));
    rows.push({
      kind: 'check',
      section: SECTIONS.size,
      name,
      ok: loadedAtStart.length === 0,
      detail:
        loadedAtStart.length === 0
          ? `${chunks.length} chunk(s), ${gzipKB(chunks).toFixed(1)} kB gzip, loaded on demand`
          : `in the initial JavaScript: ${loadedAtStart.map((chunk) => chunk.fileName).join(', ')}`,
    });
  }

  const runtimeName = 'Opening text lessons requests none of the heavy chunks';
  if (allHeavy.length === 0) {
    rows.push({ kind: 'not-measured', section: SECTIONS.size, name: runtimeName, reason: 'there are no heavy chunks yet' });
  } else if (context.textLessonScripts === null) {
    rows.push({
      kind: 'not-measured',
      section: SECTIONS.size,
      name: runtimeName,
      reason: 'the lesson-open measurement did not run',
    });
  } else {
    const requested = context.textLessonScripts;
    const loaded = allHeavy.filter((file) => requested.has(`/${file}`));
    rows.push({
      kind: 'check',
      section: SECTIONS.size,
      name: runtimeName,
      ok: loaded.length === 0,
      detail: loaded.length === 0 ? `${requested.size} requests, no heavy chunk` : `requested: ${loaded.join(', ')}`,
    });
  }
  return rows;
}

export const sizeMeasurement: Measurement = { id: 'size', section: SECTIONS.size, run: measureSize };
