import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { callChannel, expect, startAula, test } from './fixtures/aula-server.js';
import { chooseOption, pressOn, tabTo } from './fixtures/keyboard.js';
import { chooseProfile } from './fixtures/profiles.js';

const NAME = 'Núria Puig i Ferrà';

test('a new data folder asks the first person for their name and opens their profile, keyboard only', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  // No profiles at all: Aula makes none by itself.
  const aula = await startAula(dataDir, { learners: [] });
  aulaOrigin.current = aula.origin;
  try {
    expect(await callChannel(aula, 'learners.list', {})).toEqual([]);
    await page.goto(aula.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Aula' })).toBeVisible();
    await expect(page).toHaveTitle('Welcome to Aula · Aula');
    await expect(page.getByText('it puts your name on the certificates you earn')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Profiles on this computer' })).toHaveCount(0);
    const name = page.getByRole('textbox', { name: 'Your name' });
    await expect(name).toBeFocused();
    await expect(name).toHaveAccessibleDescription('Write it exactly as it should appear on a certificate.');
    await expectNoSeriousA11yViolations(page, 'the first-run welcome');

    // An empty name (or only spaces) is refused next to the field, and nothing is created.
    const start = page.getByRole('button', { name: 'Create my profile and start' });
    await pressOn(page, start);
    await expect(page.getByRole('alert')).toHaveText('Write your name first.');
    await expect(name).toBeFocused();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription(/Write your name first\./);
    await page.keyboard.type('   ');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText('Write your name first.');
    await expectNoSeriousA11yViolations(page, 'the first-run welcome with a name error');
    expect(await callChannel(aula, 'learners.list', {})).toEqual([]);
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Aula' })).toBeVisible();

    // The name with its diacritics, typed; then Tab to the one primary button and press Enter.
    await page.keyboard.press('Control+A');
    await page.keyboard.type(NAME);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await pressOn(page, start);
    await expect(page.getByRole('heading', { level: 1, name: `Hello, ${NAME}` })).toBeVisible();
    expect(await callChannel(aula, 'learners.list', {})).toEqual([
      expect.objectContaining({ displayName: NAME, language: 'en', hasPin: false }),
    ]);

    // A reload keeps the profile open (this tab only); switching shows the picker with it listed.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: `Hello, ${NAME}` })).toBeVisible();
    await pressOn(page, page.getByRole('button', { name: 'Switch profile' }));
    await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();
    await expect(
      page.getByRole('list', { name: 'Profiles on this computer' }).getByRole('button', { name: NAME, exact: true }),
    ).toBeVisible();
  } finally {
    await aula.stop();
  }

  // The next start on this data folder goes straight to the picker, with that one profile only.
  const again = await startAula(dataDir, { learners: [] });
  aulaOrigin.current = again.origin;
  try {
    await page.goto(again.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Profiles on this computer' }).getByRole('listitem')).toHaveCount(1);
    await chooseProfile(page, NAME);
  } finally {
    await again.stop();
  }
});

test('the first-run welcome switches to the chosen language, takes an optional PIN, and comes back when the last profile is deleted', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  const aula = await startAula(dataDir, { learners: [] });
  aulaOrigin.current = aula.origin;
  try {
    await page.goto(aula.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Aula' })).toBeVisible();
    // The language field is the interface language: choosing Catalan switches the page at once.
    // (Found by place, not by label: the label itself turns Catalan as the option changes.)
    await expect(page.getByRole('main').getByRole('combobox')).toHaveAccessibleName('Your language');
    await chooseOption(page, page.getByRole('main').getByRole('combobox'), 'Català');
    await expect(page.getByRole('heading', { level: 1, name: "Et donem la benvinguda a l'Aula" })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ca');

    await page.getByRole('textbox', { name: 'El teu nom' }).fill('Marta Vidal');
    const pin = page.getByLabel('PIN (de 4 a 6 xifres, opcional)');
    const pinAgain = page.getByLabel('Torna a escriure el PIN');
    const start = page.getByRole('button', { name: 'Crea el meu perfil i comença' });
    // A PIN too short is refused under the PIN field; two different PINs under the second one.
    await pin.fill('12');
    await start.click();
    await expect(page.getByRole('alert')).toHaveText('El PIN té de 4 a 6 xifres.');
    await expect(pin).toBeFocused();
    await expect(pin).toHaveAccessibleDescription(/El PIN té de 4 a 6 xifres\./);
    await pin.fill('4821');
    await pinAgain.fill('4812');
    await start.click();
    await expect(page.getByRole('alert')).toHaveText('Els dos PIN no coincideixen.');
    await expect(pinAgain).toBeFocused();
    expect(await callChannel(aula, 'learners.list', {})).toEqual([]);
    await pinAgain.fill('4821');
    await start.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hola, Marta Vidal' })).toBeVisible();
    expect(await callChannel(aula, 'learners.list', {})).toEqual([
      expect.objectContaining({ displayName: 'Marta Vidal', language: 'ca', hasPin: true }),
    ]);

    // Deleting the only profile brings the welcome back, not an empty list.
    await page.getByRole('button', { name: 'Canvia de perfil' }).click();
    await page.getByRole('button', { name: 'Suprimeix Marta Vidal' }).click();
    const confirm = page.getByRole('dialog', { name: 'Vols suprimir Marta Vidal?' });
    await confirm.getByLabel('PIN', { exact: true }).fill('4821');
    await confirm.getByRole('button', { name: 'Suprimeix el perfil' }).click();
    await expect(page.getByRole('heading', { level: 1, name: "Et donem la benvinguda a l'Aula" })).toBeVisible();
    await tabTo(page, page.getByRole('textbox', { name: 'El teu nom' }));
    expect(await callChannel(aula, 'learners.list', {})).toEqual([]);
  } finally {
    await aula.stop();
  }
});
