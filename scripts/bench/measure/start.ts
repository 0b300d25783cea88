/**
 * 1. Start: from starting the process to a usable profile picker in Chromium ("Who is learning?",
 * the first thing a learner sees and must use), next to a bare Vite + React page served by the
 * same loopback server, started the same way, in the same browser.
 *
 * The clock starts just before the server process is spawned and stops when the page's first
 * interactive element has been painted visible: for Aula, a profile's button on the picker (rendered
 * from `learners.list`, so its handler is attached); for the baseline, its button. The page itself
 * notices that moment (the first frame after the element is in the document and has a size) and
 * tells the benchmark at once; Playwright's `waitForSelector` only confirms it afterwards, because
 * it polls with growing pauses (0, 20, 50, 100, 100, 500 ms after the page's load event), which
 * added up to 500 ms to a page whose element comes later than its load event, as Aula's does after
 * its first calls, and nothing to the baseline's. Chromium is already
 * running and the tab already open (as when Aula opens its window), but every run gets a new
 * browser context, so nothing is cached. Runs alternate between Aula and the baseline so that
 * other load on the PC hits both alike.
 *
 * After the budgeted figure, each Aula run goes on as a learner does, timed step by step (no
 * baseline: the bare page has no such steps): choosing the profile to the learner home with its
 * data, then the header's Courses link to an interactive catalog.
 *
 * A new data folder has no profile, so the first start shows the first-run welcome instead of the
 * picker: its clock stops when the welcome's name field is visible. The untimed first start on the
 * data folder the everyday starts use creates a profile there with the welcome's form.
 */
import type { Page } from '@playwright/test';
import {
  CATALOG_READY_SELECTOR,
  COURSES_LINK_SELECTOR,
  createProfileOnFirstRun,
  FIRST_RUN_READY_SELECTOR,
  HOME_READY_SELECTOR,
  PICKER_READY_SELECTOR,
} from '../lib/aula-pages.js';
import { BUDGETS, type Budget } from '../lib/budgets.js';
import { freshContext, recordForeignRequests } from '../lib/browser.js';
import { SECTIONS, type BenchContext, type Measurement } from '../lib/context.js';
import { timeClickToPainted } from '../lib/page-probes.js';
import type { BenchRow } from '../lib/report.js';
import { startAula, startBaselineServer, type ServerProcess } from '../lib/server-process.js';
import { median } from '../lib/stats.js';

export const BASELINE_READY_SELECTOR = '#baseline-ready';
const PAGE_TIMEOUT_MS = 30_000;
export const BASELINE_LABEL = 'bare Vite + React page, same server and browser';

export interface StartTiming {
  totalMs: number;
  /** Spawn to the ready line. */
  serverMs: number;
  /** Ready line to interactive page. */
  pageMs: number;
  /** In the page, from its navigation's start: its scripts have run (DOMContentLoaded). */
  scriptsRunMs: number;
  /** In the page, from its navigation's start: the ready element is in the document. */
  inDocumentMs: number;
}

/** The binding through which the page says its ready element has been painted (see readyElementWatch). */
const PAINTED_BINDING = '__benchReadyPainted';

/**
 * Notes, in the page's own clock, when the ready element enters the document (a MutationObserver
 * sees each insertion as it happens), then waits for the first frame in which it has a size and is
 * not hidden (what Playwright calls visible), and once that frame is painted (a task queued from
 * `requestAnimationFrame` runs after the paint) calls the benchmark's binding. Passed as source
 * text: a function would be compiled by the bench's loader, which may wrap it in helpers the page
 * lacks.
 */
function readyElementWatch(selector: string): string {
  return `(() => {
    const visible = (element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
    };
    const eachFrame = () => {
      const element = document.querySelector(${JSON.stringify(selector)});
      if (!element || !visible(element)) {
        requestAnimationFrame(eachFrame);
        return;
      }
      setTimeout(() => {
        window.__benchPaintedAt = performance.now();
        window.${PAINTED_BINDING}();
      }, 0);
    };
    const seen = () => {
      if (window.__benchReadyAt !== undefined || !document.querySelector(${JSON.stringify(selector)})) return;
      window.__benchReadyAt = performance.now();
      requestAnimationFrame(eachFrame);
    };
    new MutationObserver(seen).observe(document, { subtree: true, childList: true });
  })();`;
}

/** The page's two in-page moments (see StartTiming), read after the ready element was seen. */
async function inPageMoments(page: Page): Promise<Pick<StartTiming, 'scriptsRunMs' | 'inDocumentMs'>> {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const readyAt = (window as unknown as { __benchReadyAt?: number }).__benchReadyAt;
    if (!navigation || readyAt === undefined) throw new Error('the page did not record its start');
    return { scriptsRunMs: navigation.domContentLoadedEventEnd, inDocumentMs: readyAt };
  });
}

function withinPageTimeout<T>(promise: Promise<T>, failure: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(failure)), PAGE_TIMEOUT_MS);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Aula's steps after the picker: click on the profile to its home shown, Courses link to the catalog. */
interface LearnerSteps {
  profileToHomeMs: number;
  homeToCatalogMs: number;
}

async function timeStep(page: Page, clickSelector: string, readySelector: string): Promise<number> {
  await page.waitForSelector(clickSelector, { state: 'visible', timeout: PAGE_TIMEOUT_MS });
  return page.evaluate(timeClickToPainted, { clickSelector, readySelector, timeoutMs: PAGE_TIMEOUT_MS });
}

/** What an Aula run does after the timed start: the learner's timed steps from the picker, or (untimed) create the first profile. */
type AfterStart = 'learner-steps' | 'create-profile';

export async function timeStart(
  context: BenchContext,
  start: () => Promise<ServerProcess>,
  readySelector: string,
  isAula: boolean,
  after: AfterStart = 'learner-steps',
): Promise<StartTiming & Partial<LearnerSteps>> {
  const browserContext = await freshContext(context.browser);
  // The benchmark's clock reads the moment the page says its ready element was painted.
  let markPainted: (at: number) => void = () => {};
  const painted = new Promise<number>((resolve) => (markPainted = resolve));
  await browserContext.exposeBinding(PAINTED_BINDING, () => markPainted(performance.now()));
  await browserContext.addInitScript({ content: readyElementWatch(readySelector) });
  let origin = 'http://127.0.0.1:0';
  if (isAula) recordForeignRequests(browserContext, () => origin, context.foreignRequests);
  try {
    const page: Page = await browserContext.newPage();
    const startedAt = performance.now();
    const server = await start();
    origin = server.origin;
    try {
      await page.goto(server.launchUrl);
      const totalMs = (await withinPageTimeout(painted, 'the page did not report its ready element painted')) - startedAt;
      // Confirms that the element the page reported is visible; only now, because Playwright's
      // first selector query evaluates its own script in the page (10 to 20 ms of its thread).
      await page.waitForSelector(readySelector, { state: 'visible', timeout: PAGE_TIMEOUT_MS });
      const timing = { totalMs, serverMs: server.readyMs, pageMs: totalMs - server.readyMs, ...(await inPageMoments(page)) };
      if (!isAula) return timing;
      if (after === 'create-profile') {
        await createProfileOnFirstRun(page);
        return timing;
      }
      const profileToHomeMs = await timeStep(page, PICKER_READY_SELECTOR, HOME_READY_SELECTOR);
      const homeToCatalogMs = await timeStep(page, COURSES_LINK_SELECTOR, CATALOG_READY_SELECTOR);
      return { ...timing, profileToHomeMs, homeToCatalogMs };
    } finally {
      await server.stop();
    }
  } finally {
    await browserContext.close();
  }
}

function rows(name: string, aula: StartTiming[], baseline: StartTiming[], budget: Budget): BenchRow[] {
  const pick = (timings: StartTiming[], key: keyof StartTiming) => median(timings.map((timing) => timing[key]));
  return [
    {
      kind: 'measured',
      section: SECTIONS.start,
      name: `${name} (median of ${aula.length})`,
      value: pick(aula, 'totalMs'),
      unit: 'ms',
      baseline: { label: BASELINE_LABEL, value: pick(baseline, 'totalMs') },
      budget,
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
    {
      kind: 'measured',
      section: SECTIONS.start,
      name: '- - in the page: navigation to its scripts run (HTML, scripts and styles loaded and run: DOMContentLoaded)',
      value: pick(aula, 'scriptsRunMs'),
      unit: 'ms',
      baseline: { label: 'baseline page', value: pick(baseline, 'scriptsRunMs') },
    },
    {
      kind: 'measured',
      section: SECTIONS.start,
      name: '- - in the page: scripts run to the ready element in the document (first calls, renders)',
      value: median(aula.map((timing) => timing.inDocumentMs - timing.scriptsRunMs)),
      unit: 'ms',
      baseline: {
        label: 'baseline page (its first render)',
        value: median(baseline.map((timing) => timing.inDocumentMs - timing.scriptsRunMs)),
      },
    },
  ];
}

function learnerStepRows(timings: Partial<LearnerSteps>[]): BenchRow[] {
  const steps = timings.filter((timing): timing is LearnerSteps => timing.profileToHomeMs !== undefined);
  return [
    {
      kind: 'measured',
      section: SECTIONS.start,
      name: `- then: choosing the profile to the learner home with its data (median of ${steps.length})`,
      value: median(steps.map((step) => step.profileToHomeMs)),
      unit: 'ms',
    },
    {
      kind: 'measured',
      section: SECTIONS.start,
      name: `- then: the Courses link to an interactive catalog (median of ${steps.length})`,
      value: median(steps.map((step) => step.homeToCatalogMs)),
      unit: 'ms',
    },
  ];
}

async function measureStart(context: BenchContext): Promise<BenchRow[]> {
  const { resources, sizes } = context;
  const usedDataDir = resources.folder('start-data');
  const startBaseline = () => startBaselineServer(resources, context.baselinePage.outDir);
  // Untimed: sets up the data folder the everyday starts use, with a profile made on the first-run
  // welcome (and warms the OS file cache for both).
  await timeStart(context, () => startAula(resources, usedDataDir), FIRST_RUN_READY_SELECTOR, true, 'create-profile');
  await timeStart(context, startBaseline, BASELINE_READY_SELECTOR, false);

  const baseline: StartTiming[] = [];
  const everyday: (StartTiming & Partial<LearnerSteps>)[] = [];
  const first: (StartTiming & Partial<LearnerSteps>)[] = [];
  for (let run = 0; run < sizes.startRuns; run += 1) {
    context.log(`start: run ${run + 1} of ${sizes.startRuns}`);
    baseline.push(await timeStart(context, startBaseline, BASELINE_READY_SELECTOR, false));
    everyday.push(await timeStart(context, () => startAula(resources, usedDataDir), PICKER_READY_SELECTOR, true));
    const newDataDir = resources.folder(`start-first-${run + 1}`);
    first.push(
      await timeStart(context, () => startAula(resources, newDataDir), FIRST_RUN_READY_SELECTOR, true, 'create-profile'),
    );
  }
  context.details.start = { baseline, everyday, firstStart: first };
  return [
    ...rows('Start to a usable profile picker, data folder in use', everyday, baseline, BUDGETS.startRatio),
    ...learnerStepRows(everyday),
    ...rows(
      `First start on a new data folder (bundled lessons precompiled by the build) to a usable first-run welcome`,
      first,
      baseline,
      BUDGETS.firstStartRatio,
    ),
  ];
}

export const startMeasurement: Measurement = { id: 'start', section: SECTIONS.start, run: measureStart };
