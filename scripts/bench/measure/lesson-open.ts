/**
 * 2. Lesson open: from the click on a lesson's link in the catalog (`#/courses`) to the lesson's
 * content painted, p50 and p95 over many opens in one session (the first open of each lesson includes
 * fetching its module; later ones reuse it, as in real use). The baseline is the same lesson's
 * pre-rendered HTML, as Aula rendered it, put into the same page in one assignment and painted.
 * The profile is chosen on the picker first, outside the timed part.
 *
 * The renderer files requested while text lessons open are recorded, so that the size
 * measurement can check that no heavy chunk loads for a lesson that does not use it.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { CATALOG_READY_SELECTOR, openCatalogAsFirstLearner, showCatalog } from '../lib/aula-pages.js';
import { BUDGETS, type Budget } from '../lib/budgets.js';
import { freshContext, recordForeignRequests } from '../lib/browser.js';
import { usesComponent, type BundledLesson } from '../lib/bundled-courses.js';
import { SECTIONS, type BenchContext, type Measurement } from '../lib/context.js';
import { mainHtml, mainHtmlWithFrameContent, timeHtmlInjection, timeLessonOpen } from '../lib/page-probes.js';
import type { BenchRow } from '../lib/report.js';
import { startAula } from '../lib/server-process.js';
import { summarize, type Summary } from '../lib/stats.js';

const OPEN_TIMEOUT_MS = 15_000;

interface LessonCase {
  label: string;
  courseId: string;
  lessonId: string;
  budget?: Budget;
  /** Text lessons must not pull in heavy components; their requests are recorded for that check. */
  text: boolean;
  /** Something that must also be in the lesson's content before it counts as painted. */
  readySelector?: string;
}

/**
 * Text lessons of the sample course (no heavy component): text with a table and a quiz, and text
 * with an image and a quiz. The quiz's questions come from the core (`quiz.get`) while it opens.
 */
const TEXT_LESSONS: LessonCase[] = [
  {
    label: 'Text lesson with a table and a quiz (sample / reading-a-table)',
    courseId: 'sample',
    lessonId: 'reading-a-table',
    budget: BUDGETS.textLessonOpenP95Ms,
    text: true,
  },
  {
    label: 'Text lesson with an image and a quiz (sample / data-you-already-have)',
    courseId: 'sample',
    lessonId: 'data-you-already-have',
    budget: BUDGETS.textLessonOpenP95Ms,
    text: true,
  },
];

/** The first bundled lesson that shows a chart, once one exists. */
function chartLesson(lessons: BundledLesson[]): LessonCase | null {
  const lesson = lessons.find((candidate) => usesComponent(candidate, 'Chart'));
  if (!lesson) return null;
  return {
    label: `Lesson with a chart (${lesson.courseId} / ${lesson.lessonId})`,
    courseId: lesson.courseId,
    lessonId: lesson.lessonId,
    text: false,
    // A chart counts as painted once its drawing (SVG or canvas) is in the lesson.
    readySelector: 'svg, canvas',
  };
}

const href = (lesson: LessonCase) => `#/courses/${lesson.courseId}/lessons/${lesson.lessonId}`;

interface CaseResult {
  lesson: LessonCase;
  opens: number[];
  coreWaits: number[];
  /** Per open: waiting for the lesson's frame to boot (0 when it came booted ahead or kept). */
  frameBoots: number[];
  /** Opens whose frame was the one kept from the previous lesson. */
  keptFrames: number;
  /** Per open: from the click to the lesson's frame in the page (the core's reply, the page's render). */
  framePlacings: number[];
  /** Per open: from the frame in the page to the frame saying it started the lesson (null: it did not say). */
  frameStarts: (number | null)[];
  /** Per open: from the frame in the page to the lesson rendered in it. */
  frameRenders: number[];
  /** The channels called while the lesson opened, counted over every open (e.g. quiz.get: 30). */
  coreCalls: Record<string, number>;
  lessonHtml: string;
  injections: number[];
}

/**
 * The lesson page as rendered, for the baseline: the page's markup with the lesson's content (read
 * from inside its sandboxed frame) in place of the frame, so the injection puts in the lesson
 * itself rather than an empty frame that would load untimed.
 */
async function renderedLessonHtml(page: Page): Promise<string> {
  const frame = await (await page.$('iframe.lesson-frame'))?.contentFrame();
  if (!frame) throw new Error('the lesson page has no lesson frame to read');
  const content = await frame.evaluate(() => document.querySelector('.lesson-frame-root')?.outerHTML ?? '');
  return page.evaluate(mainHtmlWithFrameContent, content);
}

function recordRendererRequests(browserContext: BrowserContext, origin: string, into: Set<string>): () => void {
  let recording = false;
  browserContext.on('request', (request) => {
    if (recording && request.url().startsWith(`${origin}/`)) into.add(new URL(request.url()).pathname);
  });
  return () => {
    recording = true;
  };
}

async function measureLessonOpen(context: BenchContext): Promise<BenchRow[]> {
  const lessonCases = [...TEXT_LESSONS];
  const chart = chartLesson(context.lessons);
  if (chart) lessonCases.push(chart);
  for (const lesson of lessonCases) {
    if (!context.lessons.some((known) => known.courseId === lesson.courseId && known.lessonId === lesson.lessonId)) {
      throw new Error(`the bundled courses have no lesson ${lesson.courseId}/${lesson.lessonId} to open`);
    }
  }

  const server = await startAula(context.resources, context.resources.folder('lesson-open-data'));
  const browserContext = await freshContext(context.browser);
  recordForeignRequests(browserContext, () => server.origin, context.foreignRequests);
  const textLessonRequests = new Set<string>();
  const startRecording = recordRendererRequests(browserContext, server.origin, textLessonRequests);
  const results: CaseResult[] = [];
  const failures: BenchRow[] = [];
  try {
    const page = await browserContext.newPage();
    await openCatalogAsFirstLearner(page, server.launchUrl);
    const catalogHtml = await page.evaluate(mainHtml);
    // Only what loads after the catalog counts as loaded "for a lesson".
    startRecording();
    // The chart lesson (not a text lesson) goes last, so that its chunks cannot count for text lessons.
    for (const lesson of lessonCases) {
      if (!lesson.text) context.textLessonScripts = new Set(textLessonRequests);
      const opens: number[] = [];
      const coreWaits: number[] = [];
      const frameBoots: number[] = [];
      const frameRenders: number[] = [];
      let keptFrames = 0;
      const framePlacings: number[] = [];
      const frameStarts: (number | null)[] = [];
      const coreCalls: Record<string, number> = {};
      let lessonHtml = '';
      try {
        for (let open = 0; open < context.sizes.lessonOpens; open += 1) {
          const timing = await page.evaluate(timeLessonOpen, {
            href: href(lesson),
            via: 'click' as const,
            timeoutMs: OPEN_TIMEOUT_MS,
            ...(lesson.readySelector ? { readySelector: lesson.readySelector } : {}),
          });
          opens.push(timing.totalMs);
          coreWaits.push(timing.coreMs);
          if (!timing.frame) throw new Error('the lesson did not open in its sandboxed frame');
          frameBoots.push(timing.frame.bootMs);
          frameRenders.push(timing.frame.renderedMs);
          if (timing.frame.kept) keptFrames += 1;
          framePlacings.push(timing.frame.placedMs);
          frameStarts.push(timing.frame.startedMs);
          for (const channel of timing.coreCalls) coreCalls[channel] = (coreCalls[channel] ?? 0) + 1;
          if (open === 0) lessonHtml = await renderedLessonHtml(page);
          await showCatalog(page);
        }
        results.push({
          lesson,
          opens,
          coreWaits,
          frameBoots,
          keptFrames,
          framePlacings,
          frameStarts,
          frameRenders,
          coreCalls,
          lessonHtml,
          injections: [],
        });
      } catch (error) {
        // One lesson that does not open (e.g. a component still being built) leaves the others measured.
        const reason = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
        failures.push({ kind: 'failed', section: SECTIONS.lessonOpen, name: lesson.label, reason });
        // A lesson that fails to render can take the whole page down: start again from the catalog.
        // The tab keeps its session (sessionStorage), so the reloaded page is the learner's, not the picker.
        await page.goto(`${server.origin}/#/courses`);
        await page.waitForSelector(CATALOG_READY_SELECTOR, { state: 'visible', timeout: OPEN_TIMEOUT_MS });
      }
    }
    if (!chart) context.textLessonScripts = new Set(textLessonRequests);
    // Baselines last: the first injection takes the page away from the app's React.
    for (const result of results) {
      for (let open = 0; open < context.sizes.lessonOpens; open += 1) {
        result.injections.push(
          await page.evaluate(timeHtmlInjection, { beforeHtml: catalogHtml, lessonHtml: result.lessonHtml }),
        );
      }
    }
  } finally {
    await browserContext.close();
    await server.stop();
  }

  context.details.lessonOpen = results.map(
    ({ lesson, opens, coreWaits, frameBoots, keptFrames, framePlacings, frameStarts, frameRenders, coreCalls, injections }) => ({
      lesson: lesson.label,
      opens,
      coreWaits,
      frameBoots,
      keptFrames,
      framePlacings,
      frameStarts,
      frameRenders,
      coreCalls,
      injections,
    }),
  );
  const rows: BenchRow[] = results.flatMap(
    ({ lesson, opens, coreWaits, frameBoots, keptFrames, framePlacings, frameRenders, coreCalls, injections }) => {
      // Per open, e.g. "lesson.open, 3 x exercise.get, quiz.get": what the lesson's components ask the core for.
      const calls = Object.entries(coreCalls)
        .map(([channel, count]) => {
          const perOpen = Math.round(count / opens.length);
          return perOpen > 1 ? `${perOpen} x ${channel}` : channel;
        })
        .join(', ');
      const bootedAhead = frameBoots.filter((wait) => wait === 0).length - keptFrames;
      const aula: Summary = summarize(opens);
      const baseline: Summary = summarize(injections);
      const label = 'same HTML injected';
      return [
        {
          kind: 'measured',
          section: SECTIONS.lessonOpen,
          name: `${lesson.label}: p50 of ${opens.length}`,
          value: aula.p50,
          unit: 'ms',
          baseline: { label, value: baseline.p50 },
        },
        {
          kind: 'measured',
          section: SECTIONS.lessonOpen,
          name: `${lesson.label}: p95 of ${opens.length}`,
          value: aula.p95,
          unit: 'ms',
          baseline: { label, value: baseline.p95 },
          ...(lesson.budget ? { budget: lesson.budget } : {}),
        },
        {
          kind: 'measured',
          section: SECTIONS.lessonOpen,
          // In flight, not all waited for: lesson.open leaves at the route change, while the page renders.
          name: `- of which: calls to the core in flight (${calls || 'none'}; lesson.open from the route change on), p50`,
          value: summarize(coreWaits).p50,
          unit: 'ms',
          baseline: { label: 'the injection calls nothing', value: 0 },
        },
        {
          kind: 'measured',
          section: SECTIONS.lessonOpen,
          // What the page does before the frame has anything to do: the core's reply, the page around the lesson.
          name: "- of which: from the click to the lesson's frame in the page (the core's reply, the page's render), p50",
          value: summarize(framePlacings).p50,
          unit: 'ms',
          baseline: { label: 'the injection has no frame', value: 0 },
        },
        {
          kind: 'measured',
          section: SECTIONS.lessonOpen,
          // The sandbox's price, part 1: a frame's own document, scripts and React, kept from the
          // learner's previous lesson of the course or booted ahead when they can be.
          name: `- of which: frame ready (waiting for the lesson's frame to boot; it was kept from the previous lesson in ${keptFrames} and came booted ahead and ready in ${bootedAhead} of ${opens.length}), p95`,
          value: summarize(frameBoots).p95,
          unit: 'ms',
          baseline: { label: 'the injection has no frame', value: 0 },
        },
        {
          kind: 'measured',
          section: SECTIONS.lessonOpen,
          // Part 2, with what the page did before the sandbox: the lesson's module and its render, then the reply.
          name: "- of which: the lesson's frame, from in the page to the lesson rendered in it, p50",
          value: summarize(frameRenders).p50,
          unit: 'ms',
          baseline: { label: 'the injection has no frame', value: 0 },
        },
      ] satisfies BenchRow[];
    },
  );
  rows.push(...failures);
  if (!chart) {
    rows.push({
      kind: 'not-measured',
      section: SECTIONS.lessonOpen,
      name: 'Lesson with a chart: p50 and p95',
      reason: 'no bundled lesson uses <Chart> yet (the chart component is being built)',
    });
  }
  return rows;
}

export const lessonOpenMeasurement: Measurement = {
  id: 'lesson-open',
  section: SECTIONS.lessonOpen,
  run: measureLessonOpen,
};
