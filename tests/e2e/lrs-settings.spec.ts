import { startTestLrs } from '../helpers/test-lrs.js';
import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { callChannel, expect, startAula, test } from './fixtures/aula-server.js';
import { chooseProfile } from './fixtures/profiles.js';

test('a manager connects an LRS: a wrong secret is named clearly, the right one sends what waited', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  // A server, an LRS and many steps: on a busy PC, more than the default time.
  test.slow();
  const lrs = await startTestLrs();
  const aula = await startAula(dataDir, { learners: ['Montse', 'Jonas'] });
  aulaOrigin.current = aula.origin;
  try {
    // Some learning first, so statements are waiting.
    const montse = (await callChannel(aula, 'learners.list', {})).find((learner) => learner.displayName === 'Montse');
    const { session } = await callChannel(aula, 'learners.open', { learnerId: montse!.id });
    await callChannel(aula, 'lesson.open', { session, courseId: 'sample', lessonId: 'data-you-already-have' });
    await callChannel(aula, 'lesson.complete', { session, courseId: 'sample', lessonId: 'data-you-already-have' });

    await page.goto(aula.url);
    await chooseProfile(page, 'Montse');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByText('Learning Record Store (xAPI)').click();
    await expect(page.getByText('No LRS is set up: the statements stay on this PC.')).toBeVisible();
    await expect(page.getByTestId('lrs-waiting')).toHaveText('2 statements');

    await page.getByLabel('LRS address (xAPI endpoint)').fill(lrs.endpoint);
    await page.getByLabel('Key (user name)').fill(lrs.key);
    await page.getByLabel('Secret (password)').fill('not-the-secret');
    await page.getByRole('button', { name: 'Save and connect' }).click();
    const problem = page.getByTestId('lrs-last-error');
    await expect(problem).toContainText('The LRS refused the key and secret. Check them with the person who runs the LRS.');
    await expect(problem).toContainText('401');
    await expect(page.getByTestId('lrs-waiting')).toHaveText('2 statements');
    // The secret field is emptied, and says a secret is stored; the page never gets it back.
    await expect(page.getByLabel('Secret (password)')).toHaveValue('');
    await expect(page.getByLabel('Secret (password)')).toHaveAttribute('placeholder', 'Stored: leave empty to keep it');
    await expect(page.locator('body')).not.toContainText('not-the-secret');
    await expectNoSeriousA11yViolations(page, 'the LRS settings');

    await page.getByLabel('Secret (password)').fill(lrs.secret);
    await page.getByRole('button', { name: 'Save and connect' }).click();
    await expect(page.getByTestId('lrs-waiting')).toHaveText('0 statements');
    await expect(problem).toHaveCount(0);
    expect(await lrs.statements()).toHaveLength(2);

    // The outbox as a file any LRS accepts.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export the statements as JSON' }).click();
    expect((await download).suggestedFilename()).toMatch(/^aula-xapi-statements-\d{4}-\d{2}-\d{2}\.json$/);

    // Everyone choosing a profile on this PC is told that records leave it, and for where: at once,
    // without a reload (a mark left on the page would not survive one).
    const notice = page.getByTestId('lrs-learner-notice');
    const host = new URL(lrs.endpoint).host;
    await page.evaluate(() => document.documentElement.setAttribute('data-test-mark', 'same page'));
    await page.getByRole('button', { name: 'Switch profile' }).click();
    await expect(notice).toContainText(`On this PC, learning progress is also sent to a Learning Record Store at ${host}`);
    await chooseProfile(page, 'Jonas');
    await expect(page.getByRole('main')).toContainText(`sent to a Learning Record Store at ${host}`);

    // The manager removes the LRS: the notice is gone, again without a reload.
    await page.getByRole('button', { name: 'Switch profile' }).click();
    await chooseProfile(page, 'Montse');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByText('Learning Record Store (xAPI)').click();
    await expect(page.getByLabel('LRS address (xAPI endpoint)')).toHaveValue(`${lrs.endpoint.replace(/\/$/, '')}/`);
    await page.getByLabel('LRS address (xAPI endpoint)').fill('');
    await page.getByRole('button', { name: 'Save and connect' }).click();
    await expect(page.getByText('No LRS is set up: the statements stay on this PC.')).toBeVisible();
    await page.getByRole('button', { name: 'Switch profile' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();
    await expect(notice).toHaveCount(0);
    await chooseProfile(page, 'Jonas');
    await expect(page.getByRole('main')).not.toContainText('Learning Record Store');
    await expect(page.locator('html')).toHaveAttribute('data-test-mark', 'same page');
  } finally {
    await aula.stop();
    await lrs.stop();
  }
});
