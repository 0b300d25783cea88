/**
 * 6. Memory: the renderer's JavaScript heap and the server's resident memory after opening 20
 * lessons in a row (from lesson to lesson through the bundled lessons in catalog order, from the
 * first again if there are fewer), next to the same figures right after start, with the profile
 * chosen on the picker and the catalog shown.
 *
 * The heap is read through the Chrome DevTools Protocol: once as it is (what the PC holds at that
 * moment, the budgeted figure) and once after a forced garbage collection (what the app retains;
 * growth there would be a leak).
 */
import type { CDPSession } from '@playwright/test';
import { openCatalogAsFirstLearner } from '../lib/aula-pages.js';
import { BUDGETS } from '../lib/budgets.js';
import { freshContext, recordForeignRequests } from '../lib/browser.js';
import { SECTIONS, type BenchContext, type Measurement } from '../lib/context.js';
import { timeLessonOpen } from '../lib/page-probes.js';
import type { BenchRow } from '../lib/report.js';
import { residentMemoryMB, startAula } from '../lib/server-process.js';

const OPEN_TIMEOUT_MS = 15_000;
const MB = 1e6;

interface HeapFigures {
  usedMB: number;
  afterGcMB: number;
}

async function readHeap(cdp: CDPSession): Promise<HeapFigures> {
  const before = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('HeapProfiler.collectGarbage');
  const after = await cdp.send('Runtime.getHeapUsage');
  return { usedMB: before.usedSize / MB, afterGcMB: after.usedSize / MB };
}

async function measureMemory(context: BenchContext): Promise<BenchRow[]> {
  const lessons = context.lessons;
  if (lessons.length === 0) throw new Error('no bundled lessons to open');
  const count = context.sizes.lessonsForMemory;
  const server = await startAula(context.resources, context.resources.folder('memory-data'));
  const browserContext = await freshContext(context.browser);
  recordForeignRequests(browserContext, () => server.origin, context.foreignRequests);
  let atStart: HeapFigures;
  let afterLessons: HeapFigures;
  let rssAtStart: number | null;
  let rssAfter: number | null;
  try {
    const page = await browserContext.newPage();
    await openCatalogAsFirstLearner(page, server.launchUrl);
    const cdp = await browserContext.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    // Heap first, then RSS: reading the heap makes no request to the server.
    atStart = await readHeap(cdp);
    rssAtStart = residentMemoryMB(server.pid);
    for (let i = 0; i < count; i += 1) {
      const lesson = lessons[i % lessons.length];
      if (!lesson) throw new Error('no lesson to open');
      await page.evaluate(timeLessonOpen, { href: lesson.href, via: 'hash' as const, timeoutMs: OPEN_TIMEOUT_MS });
    }
    afterLessons = await readHeap(cdp);
    rssAfter = residentMemoryMB(server.pid);
  } finally {
    await browserContext.close();
    await server.stop();
  }

  context.details.memory = { atStart, afterLessons, rssAtStart, rssAfter };
  const distinct = Math.min(count, lessons.length);
  const which =
    distinct === lessons.length ? 'all the bundled ones' : `the first ${distinct} of ${lessons.length} bundled lessons`;
  const what = `after ${count} lessons in a row (${distinct} distinct, ${which})`;
  const startLabel = 'after start, profile chosen, catalog shown';
  const rows: BenchRow[] = [
    {
      kind: 'measured',
      section: SECTIONS.memory,
      name: `Renderer JS heap ${what}`,
      value: afterLessons.usedMB,
      unit: 'MB',
      baseline: { label: startLabel, value: atStart.usedMB },
      budget: BUDGETS.rendererHeapMB,
    },
    {
      kind: 'measured',
      section: SECTIONS.memory,
      name: '- the same after a forced garbage collection',
      value: afterLessons.afterGcMB,
      unit: 'MB',
      baseline: { label: startLabel, value: atStart.afterGcMB },
    },
  ];
  if (rssAtStart === null || rssAfter === null) {
    rows.push({
      kind: 'not-measured',
      section: SECTIONS.memory,
      name: `Server resident memory ${what}`,
      reason: 'this OS has no /proc to read it from',
    });
  } else {
    rows.push({
      kind: 'measured',
      section: SECTIONS.memory,
      name: `Server resident memory (RSS) ${what}`,
      value: rssAfter,
      unit: 'MB',
      baseline: { label: startLabel, value: rssAtStart },
    });
  }
  return rows;
}

export const memoryMeasurement: Measurement = { id: 'memory', section: SECTIONS.memory, run: measureMemory };
