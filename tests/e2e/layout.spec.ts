import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { expect, startAula, test } from './fixtures/aula-server.js';
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

const PAGES = [
  { name: 'home', hash: '#/', heading: /^(Hello|Hola), Learner$/ },
  { name: 'catalog', hash: '#/courses', heading: /^(Courses|Cursos)$/ },
  { name: 'course', hash: '#/courses/sample', heading: /^Getting started with data in your organisation$/ },
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
      await expect(page.locator('main a.button-primary').first()).toBeVisible();
      const where = `${target.name} at ${size.name} (${language})`;
      const header = await page.locator('header.app-header').boundingBox();
      expect(header, where).not.toBeNull();
      expect(header!.height, `header height on ${where}`).toBeLessThanOrEqual(size.height * 0.12);
      expect(await clippedElements(page), `clipped elements on ${where}`).toEqual([]);
      await page.screenshot({ path: path.join(SCREENS, `${target.name}-${size.name}-${language}.png`), fullPage: true });
      if (size === SIZES[0]) await expectNoSeriousA11yViolations(page, where);
    }
  }
}

test('home, catalog and course page fit 1366×768, 1024×600 and 150 % zoom, in English and Catalan', async ({
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
    await page.getByLabel('Language').selectOption('ca');
    await expect(page.getByRole('heading', { level: 1, name: 'Hola, Learner' })).toBeVisible();
    await page.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Cursos' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Cursos' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: /./ })).toBeHidden();

    await checkPagesAtEverySize(page, aula.origin, 'ca');
  } finally {
    await aula.stop();
  }
});

/** The lesson page at every size: its own block, so that work on the other pages merges apart from it. */
async function checkLessonPageAtEverySize(page: Page, origin: string, language: 'en' | 'ca'): Promise<void> {
  fs.mkdirSync(SCREENS, { recursive: true });
  const lessonTitle = 'The data your organisation already has';
  const outlineName = language === 'en' ? 'Lesson outline' : 'Índex de la lliçó';
  const placeName = language === 'en' ? 'Where you are' : 'On ets';
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    // By way of the course page, so the lesson page opens afresh at this size (a same-hash goto would not).
    await page.goto(`${origin}/#/courses/sample`);
    await expect(page.getByRole('heading', { level: 1, name: 'Getting started with data in your organisation' })).toBeVisible();
    await page.goto(`${origin}/#/courses/sample/lessons/data-you-already-have`);
    await expect(page.getByRole('heading', { level: 1, name: lessonTitle })).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    // The lesson itself, inside its frame, is in too (the screenshot shows it).
    await expect(lessonContent(page).getByRole('heading', { level: 2 }).first()).toBeVisible();
    const where = `lesson at ${size.name} (${language})`;
    const header = await page.locator('header.app-header').boundingBox();
    expect(header!.height, `header height on ${where}`).toBeLessThanOrEqual(size.height * 0.12);
    expect(await clippedElements(page), `clipped elements on ${where}`).toEqual([]);
    // Where am I is on the first screen; the outline is open where there is room, folded elsewhere.
    await expect(page.getByRole('navigation', { name: placeName })).toBeInViewport();
    const outline = page.getByRole('navigation', { name: outlineName }).locator('details');
    if (size === SIZES[0]) await expect(outline).toHaveAttribute('open', '');
    else await expect(outline).not.toHaveAttribute('open', '');
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

test('the lesson page fits 1366×768, 1024×600 and 150 % zoom, in English and Catalan', async ({ page, dataDir, aulaOrigin }) => {
  test.setTimeout(180_000);
  const aula = await startAula(dataDir);
  aulaOrigin.current = aula.origin;
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(aula.url);
    await chooseProfile(page, 'Learner');
    await checkLessonPageAtEverySize(page, aula.origin, 'en');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByLabel('Language').selectOption('ca');
    await checkLessonPageAtEverySize(page, aula.origin, 'ca');
  } finally {
    await aula.stop();
  }
});
