import type { Page } from '@playwright/test';
import { callChannel, expect, startAula, test } from './fixtures/aula-server.js';

/**
 * Notes, as each change to the document happens, what the page looked like the first time its
 * main region was in it: the profile picker must come complete (heading in the saved language and
 * the list of profiles) in one render, not as a loading line, then the picker without its list.
 */
const FIRST_MAIN_WATCH = `(() => {
  new MutationObserver((_, observer) => {
    const main = document.querySelector('main#main');
    if (!main) return;
    observer.disconnect();
    window.__firstMain = {
      heading: document.querySelector('#profiles-title')?.textContent ?? null,
      profiles: document.querySelectorAll('.profile-list button.profile-open').length,
      busy: main.querySelectorAll('[aria-busy="true"]').length,
    };
  }).observe(document, { subtree: true, childList: true });
})();`;

interface FirstMain {
  heading: string | null;
  profiles: number;
  busy: number;
}

const firstMain = (page: Page) => page.evaluate(() => (window as unknown as { __firstMain?: FirstMain }).__firstMain ?? null);

test('the profile picker is drawn once, complete with its list, in the saved interface language', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  const aula = await startAula(dataDir, { learners: ['Montse', 'Jordi'] });
  aulaOrigin.current = aula.origin;
  try {
    await page.addInitScript({ content: FIRST_MAIN_WATCH });
    await page.goto(aula.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();
    expect(await firstMain(page)).toEqual({ heading: 'Who is learning?', profiles: 2, busy: 0 });

    // A start in Catalan: the language's strings are in before the first render, not switched after it.
    await callChannel(aula, 'settings.setLanguage', { language: 'ca' });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Qui aprèn?' })).toBeVisible();
    expect(await firstMain(page)).toEqual({ heading: 'Qui aprèn?', profiles: 2, busy: 0 });
    await expect(page.locator('html')).toHaveAttribute('lang', 'ca');
  } finally {
    await aula.stop();
  }
});
