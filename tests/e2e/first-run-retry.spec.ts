import { callChannel, expect, startAula, test } from './fixtures/aula-server.js';

const NAME = 'Jordi Casals';

/**
 * Creating a profile is two calls, create then open. When the open is lost (here the network drops
 * that one request, as when the core restarts in between), the profile exists already: pressing
 * the button again must open it, not create a second one with the same name.
 */
test('a first-run retry after a failed open opens the profile already created, and makes no second one', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  const aula = await startAula(dataDir, { learners: [] });
  aulaOrigin.current = aula.origin;
  try {
    let openRequests = 0;
    // Only the first open is cut off; later ones go through to the real core.
    await page.route(
      '**/api/learners.open',
      async (route) => {
        openRequests += 1;
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    await page.goto(aula.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Aula' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Your name' }).fill(NAME);
    const start = page.getByRole('button', { name: 'Create my profile and start' });
    await start.click();

    const alert = page.getByRole('alert');
    await expect(alert).toHaveText(
      `Your profile “${NAME}” has been created, but it could not be opened: ` +
        'Aula is not running any more. Start it again; your saved work is safe. Press the button again to open it.',
    );
    expect(openRequests).toBe(1);
    const afterFailure = await callChannel(aula, 'learners.list', {});
    expect(afterFailure.map((learner) => learner.displayName)).toEqual([NAME]);
    // The name now belongs to a profile that exists: it is shown, not editable.
    await expect(page.getByRole('textbox', { name: 'Your name' })).toHaveAttribute('readonly', '');

    // The message follows a language switch made afterwards with the header's switch.
    await page.getByRole('banner').getByRole('combobox', { name: 'Language', exact: true }).selectOption('ca');
    await expect(alert).toHaveText(
      `S'ha creat el teu perfil «${NAME}», però no s'ha pogut obrir: ` +
        "L'Aula ja no està en marxa. Torna-la a iniciar; la feina que has desat és segura. Torna a prémer el botó per obrir-lo.",
    );

    // The retry opens that same profile, in the language now chosen.
    await page.getByRole('button', { name: 'Crea el meu perfil i comença' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Hola, ${NAME}` })).toBeVisible();
    const learners = await callChannel(aula, 'learners.list', {});
    expect(learners).toEqual([expect.objectContaining({ id: afterFailure[0]!.id, displayName: NAME, language: 'ca' })]);
  } finally {
    await aula.stop();
  }
});
