/**
 * 1. Start: from starting the process to an interactive catalog in Chromium, next to a bare
 * Vite + React page served by the same loopback server, started the same way, in the same browser.
 *
 * The clock starts just before the server process is spawned and stops when the page's first
 * interactive element is visible: for Aula, a lesson link in a course card (the catalog has
 * rendered with the learner's progress, so its handlers are attached); for the baseline, its
 * button. Chromium is already running and the tab already open (as when Aula opens its window),
 * but every run gets a new browser context, so nothing is cached. Runs alternate between Aula and
 * the baseline so that other load on the PC hits both alike.
 */
import type { Page } from '@playwright/test';
import { BUDGETS } from '../lib/budgets.js';
import { freshContext, recordForeignRequests } from '../lib/browser.js';
import { SECTIONS, type BenchContext, type Measurement } from '../lib/context.js';
import type { BenchRow } from '../lib/report.js';
import { startAula, startBaselineServer, type ServerProcess } from '../lib/server-process.js';
import { median } from '../lib/stats.js';

export const CATALOG_READY_SELECTOR = '.course-card .lesson-list a';
const BASELINE_READY_SELECTOR = '#baseline-ready';
const PAGE_TIMEOUT_MS = 30_000;
const BASELINE_LABEL = 'bare Vite + React page, same server and browser';

interface StartTiming {
  totalMs: number;
  /** Spawn to the ready line. */
  serverMs: number;
  /** Ready line to interactive page. */
  pageMs: number;
}

async function timeStart(
  context: BenchContext,
  start: () => Promise<ServerProcess>,
  readySelector: string,
  isAula: boolean,
): Promise<StartTiming> {
  const browserContext = await freshContext(context.browser);
  let origin = 'http://127.0.0.1:0';
  if (isAula) recordForeignRequests(browserContext, () => origin, context.foreignRequests);
  try {
    const page: Page = await browserContext.newPage();
    const startedAt = performance.now();
    const server = await start();
    origin = server.origin;
    try {
      await page.goto(server.launchUrl);
      await page.waitForSelector(readySelector, { state: 'visible', timeout: PAGE_TIMEOUT_MS });
      const totalMs = performance.now() - startedAt;
      return { totalMs, serverMs: server.readyMs, pageMs: totalMs - server.readyMs };
    } finally {
      await server.stop();
    }
  } finally {
    await browserContext.close();
  }
}

function rows(name: string, aula: StartTiming[], baseline: StartTiming[], budgeted: boolean): BenchRow[] {
  const pick = (timings: StartTiming[], key: keyof StartTiming) => median(timings.map((timing) => timing[key]));
  return [
    {
      kind: 'measured',
      section: SECTIONS.start,
      name: `${name} (median of ${aula.length})`,
      value: pick(aula, 'totalMs'),
      unit: 'ms',
      baseline: { label: BASELINE_LABEL, value: pick(baseline, 'totalMs') },
      ...(budgeted ? { budget: BUDGETS.startRatio } : {}),
    },
    {
      kind: 'measured',
      section: SECTIONS.start,
      name: '- of which: process start to ready line',
      value: pick(aula, 'serverMs'),
      unit: 'ms',
      baseline: { label: 'baseline server', value: pick(baseline, 'serverMs') },
    },
    {
      kind: 'measured',
      section: SECTIONS.start,
      name: '- of which: page load to interactive',
      value: pick(aula, 'pageMs'),
      unit: 'ms',
      baseline: { label: 'baseline page', value: pick(baseline, 'pageMs') },
    },
  ];
}

async function measureStart(context: BenchContext): Promise<BenchRow[]> {
  const { resources, sizes } = context;
  const usedDataDir = resources.folder('start-data');
  const startBaseline = () => startBaselineServer(resources, context.baselinePage.outDir);
  // Untimed: sets up the data folder the everyday starts use (and warms the OS file cache for both).
  await timeStart(context, () => startAula(resources, usedDataDir), CATALOG_READY_SELECTOR, true);
  await timeStart(context, startBaseline, BASELINE_READY_SELECTOR, false);

  const baseline: StartTiming[] = [];
  const everyday: StartTiming[] = [];
  const first: StartTiming[] = [];
  for (let run = 0; run < sizes.startRuns; run += 1) {
    context.log(`start: run ${run + 1} of ${sizes.startRuns}`);
    baseline.push(await timeStart(context, startBaseline, BASELINE_READY_SELECTOR, false));
    everyday.push(await timeStart(context, () => startAula(resources, usedDataDir), CATALOG_READY_SELECTOR, true));
    const newDataDir = resources.folder(`start-first-${run + 1}`);
    first.push(await timeStart(context, () => startAula(resources, newDataDir), CATALOG_READY_SELECTOR, true));
  }
  context.details.start = { baseline, everyday, firstStart: first };
  const lessonCount = context.lessons.length;
  return [
    ...rows('Start to interactive catalog, data folder in use', everyday, baseline, true),
    ...rows(
      `First start on a new data folder (compiles ${lessonCount} lesson${lessonCount === 1 ? '' : 's'})`,
      first,
      baseline,
      false,
    ),
  ];
}

export const startMeasurement: Measurement = { id: 'start', section: SECTIONS.start, run: measureStart };
