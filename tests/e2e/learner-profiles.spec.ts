import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { callApi, callApiResponse } from './fixtures/api-answers.js';
import { expect, startAula, test } from './fixtures/aula-server.js';
import { chooseProfile, goToCourses } from './fixtures/profiles.js';
import { lessonContent, readToTheEnd } from './fixtures/lesson-frame.js';
import { answerQuizWithKeyboard } from './fixtures/quiz-answers.js';
import { readSampleQuizzes } from './fixtures/sample-quizzes.js';

async function createProfile(page: Page, name: string, pin?: string): Promise<void> {
  await page.getByRole('button', { name: 'New profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'New profile' });
  await dialog.getByLabel('Your name').fill(name);
  if (pin) {
    await dialog.getByLabel('PIN (4 to 6 digits, optional)').fill(pin);
    await dialog.getByLabel('Type the PIN again').fill(pin);
  }
  await dialog.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${name}` })).toBeVisible();
}

async function switchProfile(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Switch profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();
}

test('a PIN-protected profile opens only with its PIN, slows down wrong tries, and can be renamed and deleted', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  // The first profile manages the PC; 'Learner' is an ordinary one, so it may be deleted.
  const aula = await startAula(dataDir, { learners: ['Montse', 'Learner'] });
  aulaOrigin.current = aula.origin;
  try {
    await page.goto(aula.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();

    // The create form checks the PIN before anything is stored.
    await page.getByRole('button', { name: 'New profile' }).click();
    const create = page.getByRole('dialog', { name: 'New profile' });
    await create.getByLabel('Your name').fill('Núria Puig');
    await create.getByLabel('PIN (4 to 6 digits, optional)').fill('4821');
    await create.getByLabel('Type the PIN again').fill('4812');
    await create.getByRole('button', { name: 'Create profile' }).click();
    await expect(create.getByRole('alert')).toHaveText('The two PINs are not the same.');
    await expectNoSeriousA11yViolations(page, 'the new-profile dialog');
    await create.getByRole('button', { name: 'Cancel' }).click();

    await createProfile(page, 'Núria Puig', '4821');
    await switchProfile(page);
    await expect(page.getByText('Protected by a PIN')).toBeVisible();

    // Wrong PINs: refused, and after a few the learner is told to wait.
    await page.getByRole('button', { name: 'Núria Puig', exact: true }).click();
    const prompt = page.getByRole('dialog', { name: 'PIN for Núria Puig' });
    for (const wrong of ['1111', '2222']) {
      await prompt.getByLabel('PIN', { exact: true }).fill(wrong);
      await prompt.getByRole('button', { name: 'Open profile' }).click();
      await expect(prompt.getByRole('alert')).toHaveText('That PIN is not right. Check it and try again.');
    }
    await prompt.getByLabel('PIN', { exact: true }).fill('3333');
    await prompt.getByRole('button', { name: 'Open profile' }).click();
    await expect(prompt.getByRole('alert')).toHaveText('That PIN is not right. Wait 30 seconds before the next try.');
    // Even the right PIN waits.
    await prompt.getByLabel('PIN', { exact: true }).fill('4821');
    await prompt.getByRole('button', { name: 'Open profile' }).click();
    await expect(prompt.getByRole('alert')).toContainText('Too many wrong PINs. Wait');
    await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();
    await prompt.getByRole('button', { name: 'Cancel' }).click();

    // Without a PIN, the core itself refuses to open the profile or show its answers.
    const learners = await callApi(page, 'learners.list', {});
    const nuria = learners.find((learner) => learner.displayName === 'Núria Puig')!;
    const bare = await callApiResponse(page, 'learners.open', { learnerId: nuria.id });
    expect(bare).toMatchObject({ ok: false, error: { code: 'pin-locked' } });

    // Renaming the fixture's 'Learner' profile (no PIN) and deleting it after confirming.
    await page.getByRole('button', { name: 'Rename Learner' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename Learner' });
    await rename.getByLabel('Your name').fill('Jordi Serra');
    await rename.getByRole('button', { name: 'Save name' }).click();
    await expect(page.getByRole('button', { name: 'Jordi Serra', exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Delete Jordi Serra' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Jordi Serra?' });
    await expect(confirm).toContainText('This cannot be undone.');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('button', { name: 'Jordi Serra', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Delete Jordi Serra' }).click();
    await page.getByRole('dialog', { name: 'Delete Jordi Serra?' }).getByRole('button', { name: 'Delete profile' }).click();
    await expect(page.getByRole('button', { name: 'Jordi Serra', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Núria Puig', exact: true })).toBeVisible();
  } finally {
    await aula.stop();
  }

  // The wait survives a restart of Aula.
  const again = await startAula(dataDir);
  aulaOrigin.current = again.origin;
  try {
    await page.goto(again.url);
    await page.getByRole('button', { name: 'Núria Puig', exact: true }).click();
    const prompt = page.getByRole('dialog', { name: 'PIN for Núria Puig' });
    await prompt.getByLabel('PIN', { exact: true }).fill('4821');
    await prompt.getByRole('button', { name: 'Open profile' }).click();
    await expect(prompt.getByRole('alert')).toContainText('Too many wrong PINs. Wait');
  } finally {
    await again.stop();
  }
});

test('a second learner on the same data folder sees only their own progress', async ({ page, dataDir, aulaOrigin }) => {
  const aula = await startAula(dataDir);
  aulaOrigin.current = aula.origin;
  try {
    await page.goto(aula.url);
    await createProfile(page, 'Anna', '135790');
    await goToCourses(page);
    await page.getByRole('link', { name: 'The data your organisation already has' }).click();
    // Passing the lesson's quiz completes the lesson too.
    await answerQuizWithKeyboard(page, readSampleQuizzes().get('data-sources-check')!);
    await readToTheEnd(page);
    await expect(page.getByText('You have completed this lesson.')).toBeVisible();

    await switchProfile(page);
    await createProfile(page, 'Biel');
    await expect(page.getByText('You have not started a course yet.')).toBeVisible();
    await goToCourses(page);
    const course = page.getByRole('article', { name: 'Getting started with data in your organisation' });
    await expect(course).toContainText('0% complete');
    await course.getByRole('link', { name: 'The data your organisation already has' }).click();
    const biels = lessonContent(page).getByRole('form', { name: 'Which of these records is personal data under the GDPR?' });
    await expect(biels.getByRole('radio', { checked: true })).toHaveCount(0);
    await expect(biels.getByRole('status')).toHaveCount(0);
    await expect(page.getByRole('progressbar', { name: 'Course progress: 0%' })).toBeVisible();
    // A reload keeps Biel's profile open (this tab only).
    await page.reload();
    await expect(page.getByText('Learning as Biel')).toBeVisible();
  } finally {
    await aula.stop();
  }

  const again = await startAula(dataDir);
  aulaOrigin.current = again.origin;
  try {
    await page.goto(again.url);
    // Sessions end with Aula: the picker again, and Anna's work is still hers.
    await chooseProfile(page, 'Anna', '135790');
    await expect(page.getByRole('link', { name: 'Continue reading' })).toBeVisible();
    await goToCourses(page);
    await expect(page.getByRole('article', { name: 'Getting started with data in your organisation' })).toContainText(
      '33% complete',
    );
  } finally {
    await again.stop();
  }
});
