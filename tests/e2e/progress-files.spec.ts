import path from 'node:path';
import { callChannel, expect, startAula, test } from './fixtures/aula-server.js';
import { chooseProfile } from './fixtures/profiles.js';
import { readSampleQuizzes } from './fixtures/sample-quizzes.js';
import { syntheticAnswer } from '../../scripts/bench/synthetic-data.js';

test('a manager exports everyone on one Aula and imports the file on a second: the learner appears "from" the first PC', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  // Two servers and many steps: on a PC this busy, more than the default time.
  test.slow();
  const exported = path.join(dataDir, 'usb-stick', 'progress.aulaprogress');
  // The library PC: Montse manages it, Jonas passes the sample's first quiz through the real API.
  const library = await startAula(path.join(dataDir, 'library-pc'), { learners: ['Montse', 'Jonas'] });
  aulaOrigin.current = library.origin;
  try {
    const learners = await callChannel(library, 'learners.list', {});
    const jonas = learners.find((learner) => learner.displayName === 'Jonas')!;
    const { session } = await callChannel(library, 'learners.open', { learnerId: jonas.id });
    const quiz = readSampleQuizzes().get('data-sources-check')!;
    const args = { session, courseId: 'sample', quizId: quiz.id };
    await callChannel(library, 'quiz.get', args);
    for (const question of quiz.questions) {
      await callChannel(library, 'quiz.submitAnswer', {
        ...args,
        questionId: question.id,
        answer: syntheticAnswer(question, () => 0.5, 1),
      });
    }
    if (quiz.feedback === 'end') await callChannel(library, 'quiz.finish', args);

    await page.goto(library.url);
    // Jonas can take his own progress along.
    await chooseProfile(page, 'Jonas');
    const own = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export my progress' }).click();
    expect((await own).suggestedFilename()).toMatch(/^aula-progress-.+-jonas-\d{4}-\d{2}-\d{2}\.aulaprogress$/);
    await page.getByRole('button', { name: 'Switch profile' }).click();

    await chooseProfile(page, 'Montse');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    const panel = page.getByRole('region', { name: 'Progress files' });
    await panel.getByLabel("This computer's name").fill('Library PC');
    await panel.getByRole('button', { name: 'Save the name' }).click();
    await expect(panel.getByRole('status')).toHaveText('Name saved.');
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: "Export everyone's progress" }).click();
    expect((await download).suggestedFilename()).toMatch(/^aula-progress-library-pc-all-\d{4}-\d{2}-\d{2}\.aulaprogress$/);
    await (await download).saveAs(exported);
  } finally {
    await library.stop();
  }

  // The trainer's laptop: a second Aula with its own data folder.
  const office = await startAula(path.join(dataDir, 'trainer-laptop'), { learners: ['Trainer'] });
  aulaOrigin.current = office.origin;
  try {
    await page.goto(office.url);
    await chooseProfile(page, 'Trainer');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    const panel = page.getByRole('region', { name: 'Progress files' });
    await panel.getByLabel('Import a progress file').setInputFiles(exported);
    const summary = panel.getByRole('status');
    await expect(summary).toContainText('Imported the file from “Library PC”.');
    await expect(summary).toContainText('This is the first file from “Library PC” imported here.');
    await expect(summary).toContainText('Learners: 2 new, 0 already here');
    await expect(summary).toContainText('Quiz attempts: 1 new, 0 already here');

    await page.getByRole('combobox', { name: 'Course' }).selectOption('sample');
    const table = page.getByRole('table', { name: /^Progress in / });
    const jonasRow = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'Jonas' }) });
    await expect(jonasRow.getByRole('rowheader')).toContainText('from Library PC');
    await expect(jonasRow.getByRole('cell').filter({ hasText: 'Passed' })).toContainText('100%');

    // The same file again adds nothing.
    await panel.getByLabel('Import a progress file').setInputFiles(exported);
    await expect(summary).toContainText('Learners: 0 new, 2 already here');
    await expect(summary).toContainText('Quiz attempts: 0 new, 1 already here');
    await expect(summary).toContainText('“Library PC” is known here');
    await expect(table.getByRole('link', { name: 'Jonas' })).toHaveCount(1);

    // The manager blocks the library PC: its file is refused, saying why; accepted again, it imports.
    const knownPcs = panel.getByRole('table', { name: 'Computers progress files came from' });
    const libraryRow = knownPcs.getByRole('row').filter({ hasText: 'Library PC' });
    await expect(libraryRow.getByRole('cell').first()).toHaveText('2');
    await libraryRow.getByRole('button', { name: 'Block “Library PC”' }).click();
    await expect(libraryRow).toContainText('Blocked since');
    await panel.getByLabel('Import a progress file').setInputFiles(exported);
    await expect(panel.getByRole('alert')).toContainText('This progress file comes from “Library PC”, a computer whose files');
    await libraryRow.getByRole('button', { name: 'Accept files from “Library PC” again' }).click();
    await expect(libraryRow).toContainText('Accepted');
    await panel.getByLabel('Import a progress file').setInputFiles(exported);
    await expect(summary).toContainText('“Library PC” is known here');
    await expect(panel.getByRole('alert')).toHaveCount(0);

    // Jonas is in the reports here, not a profile of this PC.
    await table.getByRole('link', { name: 'Jonas' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'History of Jonas' })).toBeVisible();
    await expect(page.getByText('from Library PC')).toBeVisible();

    // A manager can delete an imported learner from this PC; importing the file again brings them back.
    await page.getByRole('button', { name: 'Delete from this PC' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Jonas from this PC?' });
    await expect(confirm).toContainText("Only this PC's copy goes; nothing changes on Library PC");
    await confirm.getByRole('button', { name: 'Keep' }).click();
    await expect(confirm).toHaveCount(0);
    await page.getByRole('button', { name: 'Delete from this PC' }).click();
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Course' }).selectOption('sample');
    await expect(table.getByRole('link', { name: 'Jonas' })).toHaveCount(0);
    await panel.getByLabel('Import a progress file').setInputFiles(exported);
    await expect(summary).toContainText('Learners: 1 new, 1 already here');
    await expect(table.getByRole('link', { name: 'Jonas' })).toHaveCount(1);

    await page.getByRole('button', { name: 'Switch profile' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Jonas', exact: true })).toHaveCount(0);
  } finally {
    await office.stop();
  }
});
