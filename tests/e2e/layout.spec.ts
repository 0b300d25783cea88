import fs from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { expect, FIXTURE_COURSES_DIR, startAula, test } from './fixtures/aula-server.js';
import { lessonContent } from './fixtures/lesson-frame.js';
import { chooseProfile } from './fixtures/profiles.js';

/**
 * The screens Aula must fit. 150 % zoom on a 1366×768 screen is the layout of a 911×512 CSS-pixel
 * viewport (what browser zoom gives a page); the screenshot is taken at that CSS size.
 */
const SIZES = [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1024x600', width: 1024, height: 600 },
  { name: '1366x768-zoom150', width: Math.floor(1366 / 1.5), height: Math.floor(768 / 1.5) },
] as const;

/** Each page with what shows once its data is in (a half-loaded page would pass without it). */
const PAGES = [
  { name: 'home', hash: '#/', heading: /^(Hello|Hola), Learner$/, ready: 'main a.button-primary' },
  { name: 'catalog', hash: '#/courses', heading: /^(Courses|Cursos)$/, ready: 'main a.button-primary' },
  // The sample course is read in Catalan once the interface is (it has a Catalan translation).
  {
    name: 'course',
    hash: '#/courses/sample',
    heading: /^(Getting started with data in your organisation|Primers passos amb les dades de la teva organització)$/,
    ready: 'main a.button-primary',
  },
  // The learner is this PC's manager (the first profile), so the reports are theirs to see.
  { name: 'reports', hash: '#/reports', heading: /^(Reports|Informes)$/, ready: 'main table.report-table tbody tr' },
  {
    name: 'certificates',
    hash: '#/certificates',
    heading: /^(My certificates|Els meus certificats)$/,
    ready: 'main .certificate-progress li',
  },
] as const;

const SCREENS = path.join(process.cwd(), 'test-results', 'screens');

/** Elements that stick out of the window sideways while no ancestor scrolls or clips them. */
function clippedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const inScrollContainer = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(parent).overflowX)) return true;
      }
      return false;
    };
    const offenders: string[] = [];
    for (const element of document.querySelectorAll('header *, main *')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden') continue;
      if ((box.right > width + 1 || box.left < -1) && !inScrollContainer(element)) {
        offenders.push(
          `${element.tagName.toLowerCase()}.${element.className}: ${Math.round(box.left)}–${Math.round(box.right)} of ${width}`,
        );
      }
    }
    return offenders;
  });
}

async function checkPagesAtEverySize(page: Page, origin: string, language: string): Promise<void> {
  fs.mkdirSync(SCREENS, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const target of PAGES) {
      await page.goto(`${origin}/${target.hash}`);
      await expect(page.getByRole('heading', { level: 1, name: target.heading })).toBeVisible();
      // Measured once the page's data is in: a half-loaded page would pass without its cards.
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      await expect(page.locator(target.ready).first()).toBeVisible();
      const where = `${target.name} at ${size.name} (${language})`;
      const header = await page.locator('header.app-header').boundingBox();
      expect(header, where).not.toBeNull();
      expect.soft(header!.height, `header height on ${where}`).toBeLessThanOrEqual(size.height * 0.12);
      expect(await clippedElements(page), `clipped elements on ${where}`).toEqual([]);
      await page.screenshot({ path: path.join(SCREENS, `${target.name}-${size.name}-${language}.png`), fullPage: true });
      if (size === SIZES[0]) await expectNoSeriousA11yViolations(page, where);
    }
  }
}

test('home, catalog, course page, reports and certificates fit 1366×768, 1024×600 and 150 % zoom, in English and Catalan', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  test.setTimeout(240_000);
  const aula = await startAula(dataDir);
  aulaOrigin.current = aula.origin;
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(aula.url);
    await chooseProfile(page, 'Learner');
    await checkPagesAtEverySize(page, aula.origin, 'en');

    // Below the header's width the tools fold behind a Menu button that opens and works.
    await page.setViewportSize({ width: 1024, height: 600 });
    await page.goto(`${aula.origin}/#/`);
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ca');
    await expect(page.getByRole('heading', { level: 1, name: 'Hola, Learner' })).toBeVisible();
    await page.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Cursos' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Cursos' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: /./ })).toBeHidden();

    await checkPagesAtEverySize(page, aula.origin, 'ca');
  } finally {
    await aula.stop();
  }
});

/* ---------- Lesson pages with wide content: a data lesson, the process modeller and the canvas ---------- */

/** The tests' course with these lessons, in English and Catalan (tests/fixtures/courses/wide-lessons). */
const WIDE_COURSE = path.join(FIXTURE_COURSES_DIR, 'wide-lessons');

const WIDE_LESSONS = [
  {
    name: 'lesson-data',
    hash: '#/courses/wide-lessons/lessons/repairs-data',
    ready: '.lesson-content .chart-plot svg',
    shot: '.lesson-content .scroll-area',
  },
  {
    name: 'lesson-modeller',
    hash: '#/courses/wide-lessons/lessons/sign-up-process',
    ready: '.lesson-content .process-canvas .djs-element',
    shot: '.lesson-content .exercise-process',
  },
  {
    name: 'lesson-canvas',
    hash: '#/courses/wide-lessons/lessons/business-canvas',
    ready: '.lesson-content .canvas textarea',
    shot: '.lesson-content .canvas',
  },
] as const;

/**
 * What the layout rules find wrong in one document (the page or the lesson's frame): elements
 * sticking out sideways with no scroll container around them, scroll containers that overflow
 * without their hint, focusable elements another element covers, and targets under 24×24 px.
 */
function layoutProblems({
  scope,
  band,
  onlyCovered = false,
}: {
  scope: string;
  band: { top: number; bottom: number };
  /** Only the hit-test, for the second and later bands of a tall document. */
  onlyCovered?: boolean;
}): {
  clipped: string[];
  unhinted: string[];
  covered: string[];
  small: string[];
} {
  const width = document.documentElement.clientWidth;
  const name = (element: Element) => {
    const label = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 30);
    return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${String(element.className).split(' ')[0]} "${label}"`;
  };
  const scrollsX = (element: Element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowX);
  const clipsX = (element: Element) => scrollsX(element) || ['hidden', 'clip'].includes(getComputedStyle(element).overflowX);
  const clippingAncestor = (element: Element) => {
    for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      if (clipsX(parent)) return parent;
    }
    return null;
  };
  const shown = (element: Element) => {
    // What a closed disclosure holds is not on the screen (its summary is).
    const closed = element.closest('details:not([open])');
    if (closed && !closed.querySelector(':scope > summary')?.contains(element)) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  const all = [...document.querySelectorAll(scope)].filter(shown);

  const clipped = (onlyCovered ? [] : all)
    .filter((element) => {
      const box = element.getBoundingClientRect();
      return (box.right > width + 1 || box.left < -1) && !clippingAncestor(element);
    })
    .map(name);

  const unhinted = (onlyCovered ? [] : [...document.querySelectorAll('body *')])
    .filter((element) => scrollsX(element) && element.scrollWidth > element.clientWidth + 1 && shown(element))
    .filter((element) => {
      const hint = element.closest('.scroll-area');
      return !hint || hint.getAttribute('data-overflow') === null || !hint.querySelector('.scroll-hint');
    })
    .map(name);

  const focusable = all.filter(
    (element) =>
      element.matches('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])') &&
      !(element as HTMLButtonElement).disabled,
  );
  const covered = focusable
    .filter((element) => {
      const box = element.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      // A control scrolled out of its scroll container is not covered, only out of view.
      const container = clippingAncestor(element);
      if (container) {
        const area = container.getBoundingClientRect();
        if (x < area.left || x > area.right || y < area.top || y > area.bottom) return false;
      }
      // Hit-testing answers only for what the window shows: the band of the document in view.
      if (y < band.top || y > band.bottom) return false;
      const top = document.elementFromPoint(x, y);
      return top !== null && top !== element && !element.contains(top) && !top.contains(element) && top.closest('label') === null;
    })
    .map(name);

  // WCAG 2.5.8: 24×24 px, except a link inside a sentence; an input counts with its label.
  const small = (onlyCovered ? [] : focusable)
    .filter((element) => {
      const box = element.getBoundingClientRect();
      if (box.width >= 23.5 && box.height >= 23.5) return false;
      // A link or a glossary term inside a sentence sizes with the text (WCAG 2.5.8's inline exception).
      if (['inline', 'inline-block'].includes(getComputedStyle(element).display)) {
        const text = element.parentElement?.textContent ?? '';
        if (text.trim().length > (element.textContent ?? '').trim().length) return false;
      }
      const labels = (element as HTMLInputElement).labels;
      if (
        labels &&
        [...labels].some((label) => {
          const area = label.getBoundingClientRect();
          return area.width >= 23.5 && area.height >= 23.5;
        })
      )
        return false;
      return true;
    })
    .map((element) => {
      const box = element.getBoundingClientRect();
      return `${name(element)} ${Math.round(box.width)}×${Math.round(box.height)}`;
    });

  return { clipped, unhinted, covered, small };
}

type Problems = ReturnType<typeof layoutProblems>;

/**
 * The layout problems of the lesson page and of its frame. The page is scrolled a window's height
 * at a time, so that every control of the (tall) frame is hit-tested while it is in view.
 */
async function lessonLayoutProblems(page: Page, frame: Frame): Promise<{ page: Problems; frame: Problems }> {
  const { viewport, frameTop, frameHeight } = await page.evaluate(() => {
    const box = document.querySelector('iframe.lesson-frame')!.getBoundingClientRect();
    return { viewport: window.innerHeight, frameTop: box.top + window.scrollY, frameHeight: box.height };
  });
  const found = {
    page: await page.evaluate(layoutProblems, { scope: 'header *, main *', band: { top: 0, bottom: viewport } }),
    frame: { clipped: [], unhinted: [], covered: [], small: [] } as Problems,
  };
  for (let scrolled = 0; ; scrolled += viewport) {
    await page.evaluate((top) => window.scrollTo(0, top), scrolled);
    const actual = await page.evaluate(() => window.scrollY);
    const band = { top: actual - frameTop, bottom: actual - frameTop + viewport };
    const inView = await frame.evaluate(layoutProblems, { scope: '.lesson-content *', band, onlyCovered: scrolled > 0 });
    if (scrolled === 0) found.frame = inView;
    else found.frame.covered.push(...inView.covered);
    if (band.bottom >= frameHeight || actual < scrolled) break;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return found;
}

async function checkWideLessonsAtEverySize(page: Page, origin: string, language: string): Promise<void> {
  fs.mkdirSync(SCREENS, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const target of WIDE_LESSONS) {
      await page.goto(`${origin}/${target.hash}`);
      await expect(page.locator('.lesson-loading')).toHaveCount(0);
      const frameElement = await page.locator('iframe.lesson-frame').elementHandle();
      const frame = await frameElement!.contentFrame();
      // Chromium renders a frame out of view only once it is shown, as a learner scrolling would.
      await page.locator('iframe.lesson-frame').scrollIntoViewIfNeeded();
      await expect(frame!.locator(target.ready).first()).toBeVisible({ timeout: 30_000 });
      await expect(frame!.locator('[aria-busy="true"]')).toHaveCount(0);
      const where = `${target.name} at ${size.name} (${language})`;
      const header = await page.locator('header.app-header').boundingBox();
      expect.soft(header!.height, `header height on ${where}`).toBeLessThanOrEqual(size.height * 0.12);
      // The frame takes the whole content width of the window, so wide content can use it.
      const frameBox = await page.locator('iframe.lesson-frame').boundingBox();
      const contentWidth = await page.evaluate(() => document.documentElement.clientWidth);
      expect.soft(frameBox!.width, `frame width on ${where}`).toBeGreaterThanOrEqual(contentWidth - 80);
      if (target.name === 'lesson-modeller') await expectDiagramFitted(frame!, where);
      if (target.name === 'lesson-data')
        expect.soft(await wrappedTokens(frame!), `table cells broken inside a date or id on ${where}`).toEqual([]);
      const problems = await lessonLayoutProblems(page, frame!);
      for (const [part, found] of Object.entries(problems)) {
        expect.soft(found.clipped, `clipped elements in the ${part} on ${where}`).toEqual([]);
        expect.soft(found.unhinted, `scroll containers without a hint in the ${part} on ${where}`).toEqual([]);
        expect.soft([...new Set(found.covered)], `covered controls in the ${part} on ${where}`).toEqual([]);
        expect.soft(found.small, `targets under 24×24 px in the ${part} on ${where}`).toEqual([]);
      }
      // The lesson is many screens tall: the screenshot shows the window at its wide content.
      await frame!
        .locator(target.shot)
        .first()
        .evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(SCREENS, `${target.name}-${size.name}-${language}.png`) });
      if (size === SIZES[0]) await expectNoSeriousA11yViolations(page, where);
    }
  }
}

/**
 * Table cells of a lesson whose date (2024-01-05) or id (RQ-001) runs over more than one line:
 * such tokens stay whole and the table scrolls sideways instead.
 */
function wrappedTokens(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const token = /^(\d{4}-\d{2}-\d{2}|[A-Z]+-\d+)$/;
    const wrapped: string[] = [];
    for (const cell of document.querySelectorAll('.data-table td')) {
      const text = cell.textContent?.trim() ?? '';
      if (!token.test(text)) continue;
      const range = document.createRange();
      range.selectNodeContents(cell);
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      if (lines.size > 1) wrapped.push(text);
    }
    return wrapped;
  });
}

/**
 * Where the modeller's diagram is drawn in its frame: the gaps between the frame's edges and the
 * diagram's shapes (their union), in screen pixels.
 */
function diagramMargins(): { top: number; left: number; right: number } {
  const frame = document.querySelector('.process-canvas')!.getBoundingClientRect();
  const shapes = [...document.querySelectorAll('.process-canvas .djs-shape')].map((shape) => shape.getBoundingClientRect());
  return {
    top: Math.min(...shapes.map((box) => box.top)) - frame.top,
    left: Math.min(...shapes.map((box) => box.left)) - frame.left,
    right: frame.right - Math.max(...shapes.map((box) => box.right)),
  };
}

/** The diagram starts a small margin below its frame's top, and never under its left edge. */
async function expectDiagramFitted(frame: Frame, where: string): Promise<void> {
  const margins = await frame.evaluate(diagramMargins);
  expect.soft(margins.top, `the diagram's top margin on ${where}`).toBeGreaterThanOrEqual(8);
  expect.soft(margins.top, `the diagram's top margin on ${where}`).toBeLessThanOrEqual(48);
  expect.soft(margins.left, `the diagram's left margin on ${where}`).toBeGreaterThanOrEqual(8);
}

async function openWideLessonsAs(page: Page, origin: string, url: string, language: 'en' | 'ca'): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(url);
  await chooseProfile(page, 'Learner');
  if (language === 'ca') {
    await page.goto(`${origin}/#/`);
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ca');
    await expect(page.getByRole('heading', { level: 1, name: 'Hola, Learner' })).toBeVisible();
  }
}

for (const language of ['en', 'ca'] as const) {
  test(`a data lesson, the process modeller and the canvas fit 1366×768, 1024×600 and 150 % zoom (${language})`, async ({
    page,
    dataDir,
    aulaOrigin,
  }) => {
    test.setTimeout(600_000);
    const aula = await startAula(dataDir, { courses: [WIDE_COURSE] });
    aulaOrigin.current = aula.origin;
    try {
      await openWideLessonsAs(page, aula.origin, aula.url, language);
      await checkWideLessonsAtEverySize(page, aula.origin, language);
    } finally {
      await aula.stop();
    }
  });
}

/** A common laptop screen, where the lesson's outline stands beside the text (as at 1366×768). */
const LAPTOP = { name: '1280x800', width: 1280, height: 800 } as const;

/** Where the outline stands beside the lesson text, open (the page's side-column width, 76rem). */
const SIDE_COLUMN_WIDTH = 76 * 16;

/**
 * The first line of the lesson's own text (its first paragraph, inside the frame) is on the first
 * screen, below the header, without scrolling.
 */
async function expectLessonTextOnFirstScreen(page: Page, height: number, where: string): Promise<void> {
  const paragraph = lessonContent(page).locator(':scope > p').first();
  await expect(paragraph).toBeVisible();
  const box = await paragraph.boundingBox();
  const lineHeight = await paragraph.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
  expect(await page.evaluate(() => window.scrollY), `scrolled on ${where}`).toBe(0);
  expect(box!.y + lineHeight, `the first line of the lesson's text on ${where}`).toBeLessThanOrEqual(height);
}

/** The lesson page at every size: its own block, so that work on the other pages merges apart from it. */
async function checkLessonPageAtEverySize(page: Page, origin: string, language: 'en' | 'ca'): Promise<void> {
  fs.mkdirSync(SCREENS, { recursive: true });
  const lessonTitle = language === 'en' ? 'The data your organisation already has' : 'Les dades que la teva organització ja té';
  const courseTitle =
    language === 'en' ? 'Getting started with data in your organisation' : 'Primers passos amb les dades de la teva organització';
  const outlineName = language === 'en' ? 'Lesson outline' : 'Índex de la lliçó';
  const placeName = language === 'en' ? 'Where you are' : 'On ets';
  for (const size of [...SIZES, LAPTOP]) {
    await page.setViewportSize({ width: size.width, height: size.height });
    // By way of the course page, so the lesson page opens afresh at this size (a same-hash goto would not).
    await page.goto(`${origin}/#/courses/sample`);
    await expect(page.getByRole('heading', { level: 1, name: courseTitle })).toBeVisible();
    await page.goto(`${origin}/#/courses/sample/lessons/data-you-already-have`);
    await expect(page.getByRole('heading', { level: 1, name: lessonTitle })).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    // The lesson itself, inside its frame, is in too (the screenshot shows it).
    await expect(lessonContent(page).getByRole('heading', { level: 2 }).first()).toBeVisible();
    const where = `lesson at ${size.name} (${language})`;
    const header = await page.locator('header.app-header').boundingBox();
    expect(header!.height, `header height on ${where}`).toBeLessThanOrEqual(size.height * 0.12);
    expect(await clippedElements(page), `clipped elements on ${where}`).toEqual([]);
    // Where am I is on the first screen; the outline is open beside the text where there is room,
    // folded above it elsewhere; and the lesson's text starts on the first screen.
    await expect(page.getByRole('navigation', { name: placeName })).toBeInViewport();
    const outline = page.getByRole('navigation', { name: outlineName }).locator('details');
    if (size.width >= SIDE_COLUMN_WIDTH) await expect(outline).toHaveAttribute('open', '');
    else await expect(outline).not.toHaveAttribute('open', '');
    await expectLessonTextOnFirstScreen(page, size.height, where);
    // Chromium does not paint a sandboxed frame that is wholly below the fold (at 150 % zoom the
    // lesson starts there): bring it into view so that the full-page screenshot shows the lesson.
    await page.locator('iframe.lesson-frame').evaluate((frame) => frame.scrollIntoView({ block: 'start' }));
    await expect(lessonContent(page).getByRole('heading', { level: 2 }).first()).toBeInViewport();
    await page.screenshot({ path: path.join(SCREENS, `lesson-${size.name}-${language}.png`), fullPage: true });
    if (size === SIZES[0]) await expectNoSeriousA11yViolations(page, where);
    // Back to the top before leaving: the lesson would otherwise reopen where this scroll left it.
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          window.scrollTo(0, 0);
          requestAnimationFrame(() => requestAnimationFrame(resolve));
        }),
    );
  }
}

test('the lesson page fits 1366×768, 1024×600, 150 % zoom and 1280×800, in English and Catalan', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  test.setTimeout(180_000);
  const aula = await startAula(dataDir);
  aulaOrigin.current = aula.origin;
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(aula.url);
    await chooseProfile(page, 'Learner');
    await checkLessonPageAtEverySize(page, aula.origin, 'en');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ca');
    await checkLessonPageAtEverySize(page, aula.origin, 'ca');
  } finally {
    await aula.stop();
  }
});
