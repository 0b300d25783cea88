/**
 * Code that runs inside the page (through Playwright's `page.evaluate`), so that the clock is the
 * page's own `performance.now()` and no round trip to the benchmark process is counted.
 *
 * Rule for this file: no named functions or `const f = () => ...` inside a probe. tsx compiles
 * with esbuild's keepNames, which wraps those in `__name(...)` calls; the page has no `__name`,
 * so the probe would fail there with a ReferenceError.
 *
 * "Painted" means: the content is in the DOM, then a frame has been produced. `requestAnimationFrame`
 * runs just before Chromium paints a frame, and a task queued from it runs after that paint. Every
 * probe starts its clock right after a frame, so Aula and its baseline start at the same point of
 * the display's refresh cycle.
 */

export interface LessonOpenArgs {
  /** The lesson's link target, e.g. `#/courses/sample/lessons/reading-a-table`. */
  href: string;
  /** `click`: click the link to it on the current page (the catalog); `hash`: go there directly. */
  via: 'click' | 'hash';
  timeoutMs: number;
  /** Also wait for an element matching this inside the lesson's content (e.g. a chart's SVG). */
  readySelector?: string;
}

export interface LessonOpenTiming {
  /** From the click to the lesson's content painted. */
  totalMs: number;
  /** Of that, the time spent in calls to the core (`/api/...`), as the browser's resource timing has it. */
  coreMs: number;
  /** The channels called meanwhile, in order (e.g. `lesson.open`, `quiz.get`). */
  coreCalls: string[];
  /**
   * The lesson's sandboxed frame, from the moment it is in the lesson page (null without one):
   * `bootMs`, waiting for it to say `ready` (0 when it came booted ahead, ready already);
   * `renderedMs`, until it says the lesson has rendered (boot, the lesson's module and its render);
   * `kept`, it is the frame an earlier open in this page showed a lesson in (kept between lessons);
   * `placedMs`, from the click to the frame in the page (the core's reply and the page's render);
   * `startedMs`, from in the page to the frame saying it started the lesson (null if it did not).
   */
  frame: { bootMs: number; renderedMs: number; kept: boolean; placedMs: number; startedMs: number | null } | null;
}

/**
 * Times a lesson open from the click to the lesson's content painted: the lesson article is new,
 * its content has rendered, and nothing in it is still loading (no `aria-busy`, which Aula's
 * components set while they fetch, e.g. a quiz's questions).
 */
export async function timeLessonOpen(args: LessonOpenArgs): Promise<LessonOpenTiming> {
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  // The resource timing buffer holds 250 entries by default; emptied here so it never fills up.
  performance.clearResourceTimings();
  const previous = document.querySelector('article.lesson');
  // The frames earlier opens in this page showed lessons in, to tell a frame kept between lessons.
  const probeState = window as unknown as { benchLessonFrames?: WeakSet<HTMLIFrameElement> };
  probeState.benchLessonFrames ??= new WeakSet();
  const framesShown = probeState.benchLessonFrames;
  // When each frame said `ready` and `rendered`: a frame booted ahead said `ready` before this open.
  const frameSaid = new Map<unknown, { ready?: number; started?: number; rendered?: number }>();
  const listening = new AbortController();
  window.addEventListener(
    'message',
    (event: MessageEvent) => {
      const kind = (event.data as { kind?: unknown } | null)?.kind;
      if (kind !== 'ready' && kind !== 'started' && kind !== 'rendered') return;
      const said = frameSaid.get(event.source) ?? {};
      said[kind] ??= performance.now();
      frameSaid.set(event.source, said);
    },
    { capture: true, signal: listening.signal },
  );
  // Set from the observer below (an object, so that the type checker sees what a callback sets).
  const placed: { frame: HTMLIFrameElement | null; at: number } = { frame: null, at: 0 };
  const start = performance.now();
  if (args.via === 'click') {
    const link = document.querySelector<HTMLAnchorElement>(`a[href="${args.href}"]`);
    if (!link) throw new Error(`no link to ${args.href} on the page`);
    link.click();
  } else {
    window.location.hash = args.href;
  }
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      listening.abort();
      reject(new Error(`the lesson at ${args.href} was not shown within ${args.timeoutMs} ms`));
    }, args.timeoutMs);
    const observer = new MutationObserver(() => {
      const article = document.querySelector('article.lesson');
      if (!article || article === previous) return;
      // Lessons render in a sandboxed frame whose document the page cannot read: the article is
      // busy until the frame says the lesson has rendered (its components' own loading and
      // `readySelector` are inside the frame, out of this probe's reach).
      const frame = article.querySelector<HTMLIFrameElement>('iframe.lesson-frame');
      if (frame && frame !== placed.frame) {
        placed.frame = frame;
        placed.at = performance.now();
      }
      if (frame) {
        if (article.getAttribute('aria-busy') === 'true') return;
      } else {
        const content = article.querySelector('.lesson-content');
        if (!content || content.childElementCount === 0) return;
        if (article.querySelector('[aria-busy="true"]')) return;
        if (args.readySelector && !content.querySelector(args.readySelector)) return;
      }
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  });
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const totalMs = performance.now() - start;
  listening.abort();
  let frameTiming: LessonOpenTiming['frame'] = null;
  if (placed.frame) {
    const said = frameSaid.get(placed.frame.contentWindow) ?? {};
    const placedAt = placed.at;
    frameTiming = {
      bootMs: said.ready !== undefined && said.ready > placedAt ? said.ready - placedAt : 0,
      renderedMs: said.rendered !== undefined ? said.rendered - placedAt : totalMs - (placedAt - start),
      kept: framesShown.has(placed.frame),
      placedMs: placedAt - start,
      startedMs: said.started !== undefined ? said.started - placedAt : null,
    };
    framesShown.add(placed.frame);
  }
  const coreEntries = performance
    .getEntriesByType('resource')
    .filter((entry) => entry.startTime >= start && new URL(entry.name).pathname.startsWith('/api/'));
  const coreMs = coreEntries.reduce((sum, entry) => sum + entry.duration, 0);
  return {
    totalMs,
    coreMs,
    coreCalls: coreEntries.map((entry) => new URL(entry.name).pathname.slice('/api/'.length)),
    frame: frameTiming,
  };
}

export interface InjectionArgs {
  /** The page's `<main>` before the lesson (the catalog), set untimed first. */
  beforeHtml: string;
  /** The lesson page's `<main>` as Aula rendered it: what the timed injection puts in. */
  lessonHtml: string;
}

/**
 * The baseline for opening a lesson: the same lesson's already-rendered HTML put into the same
 * page (same stylesheet, fonts and layout) in one `innerHTML` assignment, until painted. The first
 * call swaps the body for a copy, so that the app's React no longer owns (or reacts in) the page.
 */
export async function timeHtmlInjection(args: InjectionArgs): Promise<number> {
  if (document.body.dataset.benchBaseline !== 'yes') {
    const copy = document.body.cloneNode(true) as HTMLElement;
    copy.dataset.benchBaseline = 'yes';
    document.body.replaceWith(copy);
  }
  const main = document.querySelector('main');
  if (!main) throw new Error('the page has no <main> to put the lesson into');
  main.innerHTML = args.beforeHtml;
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const start = performance.now();
  main.innerHTML = args.lessonHtml;
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now() - start;
}

/**
 * The lesson page's `<main>` markup with the lesson's own content (read from inside its frame by
 * the caller) where the frame is: the lesson as it was rendered, in one piece, for the baseline.
 */
export function mainHtmlWithFrameContent(frameContentHtml: string): string {
  const main = document.querySelector('main');
  if (!main) throw new Error('the page has no <main>');
  const copy = main.cloneNode(true) as HTMLElement;
  const frame = copy.querySelector('iframe.lesson-frame');
  if (!frame) throw new Error('the lesson page has no lesson frame');
  const content = document.createElement('template');
  content.innerHTML = frameContentHtml;
  frame.replaceWith(content.content);
  return copy.innerHTML;
}

/** The current `<main>` markup: the "pre-rendered HTML" of whatever page is shown. */
export function mainHtml(): string {
  const main = document.querySelector('main');
  if (!main) throw new Error('the page has no <main>');
  return main.innerHTML;
}

export interface ClickToPaintedArgs {
  /** What to click (the first match). */
  clickSelector: string;
  /** What must then be in the page, visible (a size, not `visibility: hidden`) and painted; absent before the click. */
  readySelector: string;
  timeoutMs: number;
}

/**
 * Times one step of a person's way through the app in the page's own clock: from a click to the
 * first frame, painted, in which `readySelector` is visible. (Playwright's click-then-wait would
 * add its polling pauses, 20 to 500 ms, to the figure.)
 */
export async function timeClickToPainted(args: ClickToPaintedArgs): Promise<number> {
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  if (document.querySelector(args.readySelector)) throw new Error(`${args.readySelector} is on the page before the click`);
  const target = document.querySelector<HTMLElement>(args.clickSelector);
  if (!target) throw new Error(`nothing to click at ${args.clickSelector}`);
  const start = performance.now();
  target.click();
  // A loop, not a recursive callback: see the rule for this file at its top.
  for (;;) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const element = document.querySelector(args.readySelector);
    const box = element?.getBoundingClientRect();
    if (element && box && box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden') break;
    if (performance.now() - start > args.timeoutMs) {
      throw new Error(`${args.readySelector} was not shown within ${args.timeoutMs} ms`);
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 0));
  return performance.now() - start;
}
