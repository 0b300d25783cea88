/**
 * The "done when" journey: in browser mode, with the keyboard only, a learner answers every
 * question type of the sample course, sees the feedback, and reaches mastery; axe-core finds no
 * serious or critical violation on the pages along the way.
 */
import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { expect, startAula, test } from './fixtures/aula-server.js';
import { pressOn, tabTo } from './fixtures/keyboard.js';
import { answerQuizWithKeyboard } from './fixtures/quiz-answers.js';
import { readSampleQuizzes } from './fixtures/sample-quizzes.js';
import { lessonContent } from './fixtures/lesson-frame.js';

const quizzes = readSampleQuizzes();

test('with the keyboard only, a learner answers every question type and completes the sample course', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  test.setTimeout(240_000);
  const aula = await startAula(dataDir);
  aulaOrigin.current = aula.origin;
  try {
    await page.goto(aula.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the profile picker');
    await pressOn(page, page.getByRole('button', { name: 'Learner', exact: true }));
    await expect(page.getByRole('heading', { level: 1, name: 'Hello, Learner' })).toBeVisible();
    await pressOn(page, page.getByRole('link', { name: 'Browse all courses' }));
    await expect(page.getByRole('heading', { level: 1, name: 'Courses' })).toBeVisible();
    await pressOn(page, page.getByRole('link', { name: 'The data your organisation already has' }));

    const lessons: [string, string][] = [
      ['The data your organisation already has', 'data-sources-check'],
      ['Reading a table of figures', 'reading-a-table-check'],
      ['Describing a set of figures', 'describing-figures-check'],
    ];
    const types = new Set<string>();
    for (const [index, [title, quizId]] of lessons.entries()) {
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      const quiz = quizzes.get(quizId)!;
      await expect(lessonContent(page).getByRole('region', { name: quiz.title })).toBeVisible();
      await expectNoSeriousA11yViolations(page, `lesson "${title}" before answering`);
      await answerQuizWithKeyboard(page, quiz);
      quiz.questions.forEach((question) => types.add(question.type));
      await expectNoSeriousA11yViolations(page, `lesson "${title}" with feedback shown`);
      // Tabbing on to "Next lesson" goes through the rest of the lesson: read to the end with its
      // quiz passed, the lesson is complete by itself (no button for a lesson with a quiz).
      if (index < lessons.length - 1) await tabTo(page, page.getByRole('link', { name: 'Next lesson →' }));
      await expect(page.getByText('You have completed this lesson.')).toBeVisible();
      if (index < lessons.length - 1) await page.keyboard.press('Enter');
    }
    expect(types.size).toBe(8);

    await pressOn(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My learning' }));
    await expect(page.getByRole('heading', { level: 1, name: 'Hello, Learner' })).toBeVisible();
    const completed = page.locator('h2:text("Completed") + ul');
    await expect(completed.getByRole('heading', { name: 'Getting started with data in your organisation' })).toBeVisible();
    await expect(completed).toContainText('100% complete');
    // All on one day: a sentence rather than a one-dot chart.
    await expect(page.getByText(/: 3 lessons completed and 3 quizzes passed\.$/)).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the learner home page');

    await pressOn(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }));
    await expect(page.getByRole('article', { name: 'Getting started with data in your organisation' })).toContainText(
      'Course completed',
    );
  } finally {
    await aula.stop();
  }
});
