import { expect, test } from './fixtures/aula-server.js';
import { chooseProfile } from './fixtures/profiles.js';

/** The certificates page's own code, loaded on demand (a lazy chunk of the renderer build). */
const CERTIFICATES_CHUNK = /\/assets\/CertificatesPage-[^/]*\.js$/;

/**
 * A page whose code cannot be loaded (a chunk missing after an update, a disk that could not read
 * it) does not blank the app: the learner reads what happened in their language, their work is
 * said to be saved, and Reload (reached with the keyboard) brings the page back once it loads.
 */
test('a page that cannot load shows a message in the interface language with Reload, not a blank window', async ({
  page,
  aula,
}) => {
  await page.goto(aula.url);
  await chooseProfile(page, 'Learner');
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ca');
  await expect(page.getByRole('heading', { level: 1, name: 'Hola, Learner' })).toBeVisible();

  // Registered after the offline guard, so it answers first for this one file.
  let blocked = 0;
  await page.route(CERTIFICATES_CHUNK, (route) => {
    blocked += 1;
    return route.abort();
  });
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Certificats', exact: true }).click();

  const failure = page.getByRole('alert');
  await expect(failure.getByRole('heading', { level: 1, name: "L'Aula no ha pogut mostrar aquesta pàgina" })).toBeVisible();
  await expect(failure).toContainText('La feina que has fet fins ara està desada.');
  expect(blocked).toBeGreaterThan(0);
  const reload = failure.getByRole('button', { name: 'Torna a carregar' });
  await expect(reload).toBeFocused();

  // The file can be read again: Enter on the focused button reloads, and the page comes back.
  await page.unroute(CERTIFICATES_CHUNK);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Els meus certificats' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
