import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { callChannel, expect, startAula, test } from './fixtures/aula-server.js';
import { chooseProfile } from './fixtures/profiles.js';
import { readSampleQuizzes } from './fixtures/sample-quizzes.js';
import { syntheticAnswer } from '../../scripts/bench/synthetic-data.js';

test('a manager sees the course table, item analysis, a learner history and groups; a learner sees no reports', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  // Montse is the first profile, so she manages Aula on this PC; Jonas is a learner.
  const aula = await startAula(dataDir, { learners: ['Montse', 'Jonas'] });
  aulaOrigin.current = aula.origin;
  try {
    // Jonas passes the sample's first quiz through the real API, every answer right.
    const learners = await callChannel(aula, 'learners.list', {});
    const jonas = learners.find((learner) => learner.displayName === 'Jonas')!;
    const { session } = await callChannel(aula, 'learners.open', { learnerId: jonas.id });
    const quiz = readSampleQuizzes().get('data-sources-check')!;
    const args = { session, courseId: 'sample', quizId: quiz.id };
    await callChannel(aula, 'quiz.get', args);
    for (const question of quiz.questions) {
      await callChannel(aula, 'quiz.submitAnswer', {
        ...args,
        questionId: question.id,
        answer: syntheticAnswer(question, () => 0.5, 1),
      });
    }
    if (quiz.feedback === 'end') await callChannel(aula, 'quiz.finish', args);

    await page.goto(aula.url);
    await chooseProfile(page, 'Jonas');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Courses' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Reports' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Switch profile' }).click();

    await chooseProfile(page, 'Montse');
    await nav.getByRole('link', { name: 'Reports' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Course' }).selectOption('sample');
    const table = page.getByRole('table', { name: /^Progress in / });
    const jonasRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Jonas' }) });
    await expect(jonasRow.getByRole('cell').filter({ hasText: 'Passed' })).toContainText('100%');
    await expect(jonasRow.getByRole('cell').filter({ hasText: 'Passed' })).toContainText('1 attempt');
    await expectNoSeriousA11yViolations(page, 'the reports page');

    // Exports arrive as files (the numbers in them are checked by the unit tests).
    for (const [button, extension] of [
      ['Export CSV', 'csv'],
      ['Export Excel (XLSX)', 'xlsx'],
    ] as const) {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: button }).click();
      expect((await download).suggestedFilename()).toMatch(
        new RegExp(`^aula-report-sample-\\d{4}-\\d{2}-\\d{2}\\.${extension}$`),
      );
    }

    // Item analysis: every question answered once, all right, with the chart drawn.
    await table.getByRole('button', { name: quiz.title }).first().click();
    const analysis = page.getByRole('region', { name: `Questions of “${quiz.title}”` });
    await expect(analysis.getByText('Learners who finished it: 1 · finished attempts: 1 · per learner: 1')).toBeVisible();
    await expect(analysis.locator('.chart-plot svg')).toBeVisible();
    await expect(analysis.getByRole('row')).toHaveCount(1 + quiz.questions.length);

    // A group with Montse only: Jonas leaves the table.
    await page.getByText('Groups of learners').click();
    await page.getByLabel('New group name').fill('March workshop');
    await page.getByRole('button', { name: 'Create group' }).click();
    const group = page.getByRole('group', { name: 'March workshop' });
    // The box follows the saved membership, so it turns checked once the core has stored it.
    await group.getByLabel('Montse').click();
    await expect(group.getByLabel('Montse')).toBeChecked();
    await page.getByRole('combobox', { name: 'Group' }).selectOption({ label: 'March workshop' });
    await expect(table.getByRole('rowheader')).toHaveText(['Montse']);
    await page.getByRole('combobox', { name: 'Group' }).selectOption({ label: 'Everyone' });

    // Jonas's history.
    await table.getByRole('link', { name: 'Jonas' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'History of Jonas' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'Finished a quiz' })).toContainText('100%');
  } finally {
    await aula.stop();
  }
});
