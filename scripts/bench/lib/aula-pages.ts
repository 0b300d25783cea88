/**
 * How the page measurements recognise Aula's pages, and the untimed steps they take through them.
 * Aula opens on the profile picker ("Who is learning?"), or on a new data folder (no profile yet)
 * on the first-run welcome that creates the first one; choosing or creating a profile shows the
 * learner's home (`#/`); the catalog of courses is at `#/courses`.
 */
import type { Page } from '@playwright/test';

/** The picker is usable: a profile's button is shown (React has attached its handler when it renders). */
export const PICKER_READY_SELECTOR = '.profile-list button.profile-open';
/** The first-run welcome is usable: its name field (rendered once `learners.list` replied with none). */
export const FIRST_RUN_READY_SELECTOR = '.first-run form input[type="text"]';
const FIRST_RUN_SUBMIT_SELECTOR = '.first-run form button[type="submit"]';
/** The learner home has its data: its section headings render only once `progress.home` has replied. */
export const HOME_READY_SELECTOR = '.home-page h2';
/** The catalog is usable: a lesson link in a course card (rendered with the learner's progress). */
export const CATALOG_READY_SELECTOR = '.course-card .lesson-list a';
/** The header's link to the catalog. */
export const COURSES_LINK_SELECTOR = 'nav.app-nav a[href="#/courses"]';

const STEP_TIMEOUT_MS = 15_000;

/** On the picker: opens the first profile (the synthetic and new data folders have no PINs) and waits for its home. */
export async function chooseFirstProfile(page: Page): Promise<void> {
  await page.click(PICKER_READY_SELECTOR, { timeout: STEP_TIMEOUT_MS });
  await page.waitForSelector(HOME_READY_SELECTOR, { state: 'visible', timeout: STEP_TIMEOUT_MS });
}

/** On the first-run welcome: creates a profile (no PIN) with the form, as the first person does, and waits for its home. */
export async function createProfileOnFirstRun(page: Page, name = 'Bench learner'): Promise<void> {
  await page.fill(FIRST_RUN_READY_SELECTOR, name, { timeout: STEP_TIMEOUT_MS });
  await page.click(FIRST_RUN_SUBMIT_SELECTOR, { timeout: STEP_TIMEOUT_MS });
  await page.waitForSelector(HOME_READY_SELECTOR, { state: 'visible', timeout: STEP_TIMEOUT_MS });
}

/** Goes to the catalog, as the header's link does, and waits until it is usable. */
export async function showCatalog(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.location.hash = '#/courses';
  });
  await page.waitForSelector(CATALOG_READY_SELECTOR, { state: 'visible', timeout: STEP_TIMEOUT_MS });
}

/**
 * From a fresh page at the launch URL: the picker's first profile (or, on a new data folder, a new
 * one from the first-run welcome), then the catalog; all untimed.
 */
export async function openCatalogAsFirstLearner(page: Page, launchUrl: string): Promise<void> {
  await page.goto(launchUrl);
  const shown = await page.waitForSelector(`${PICKER_READY_SELECTOR}, ${FIRST_RUN_READY_SELECTOR}`, {
    state: 'visible',
    timeout: STEP_TIMEOUT_MS,
  });
  if (await shown.evaluate((element) => element.closest('.first-run') !== null)) await createProfileOnFirstRun(page);
  else await chooseFirstProfile(page);
  await showCatalog(page);
}
