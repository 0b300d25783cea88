/**
 * The lesson page guides the learner: where they are (course, lesson n of m, the course's
 * progress, an outline of the lesson's sections, previous/next), a lesson with a quiz that
 * completes when it has been read to the end and the quiz is passed (no button), and a small celebration with the next step when
 * the last requirement of the course is met.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { callApi, pageSession, rightAnswer } from './fixtures/api-answers.js';
import { expect, startAula, test } from './fixtures/aula-server.js';
import { lessonContent, readToTheEnd } from './fixtures/lesson-frame.js';
import { chooseProfile } from './fixtures/profiles.js';
import { answerQuizWithKeyboard } from './fixtures/quiz-answers.js';
import { readSampleQuizzes } from './fixtures/sample-quizzes.js';

const COURSE = 'Getting started with data in your organisation';
const LESSONS = [
  ['data-you-already-have', 'The data your organisation already has', 'data-sources-check'],
  ['reading-a-table', 'Reading a table of figures', 'reading-a-table-check'],
  ['describing-figures', 'Describing a set of figures', 'describing-figures-check'],
] as const;
const quizzes = readSampleQuizzes();
const SCREENS = path.join(process.cwd(), 'test-results', 'screens');

/** Passes a quiz of the sample course through the API, as the lesson's own calls would. */
async function passByApi(page: Page, quizId: string): Promise<void> {
  const session = await pageSession(page);
  const shown = await callApi(page, 'quiz.get', { session, courseId: 'sample', quizId });
  const key = quizzes.get(quizId)!;
  for (const question of key.questions) {
    const publicQuestion = shown.questions.find((candidate) => candidate.id === question.id)!;
    await callApi(page, 'quiz.submitAnswer', {
      session,
      courseId: 'sample',
      quizId,
      questionId: question.id,
      answer: rightAnswer(question, publicQuestion),
    });
  }
  if (key.feedback === 'end') await callApi(page, 'quiz.finish', { session, courseId: 'sample', quizId });
}

test('a lesson says where the learner is, completes when read to the end with its quiz passed, and the last one celebrates the course', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  test.setTimeout(180_000);
  const aula = await startAula(dataDir);
  aulaOrigin.current = aula.origin;
  fs.mkdirSync(SCREENS, { recursive: true });
  try {
    await page.goto(aula.url);
    await chooseProfile(page, 'Learner');
    await page.goto(`${aula.origin}/#/courses/sample/lessons/${LESSONS[0][0]}`);
    await expect(page.getByRole('heading', { level: 1, name: LESSONS[0][1] })).toBeVisible();

    // Where am I: the course (linking to its page), lesson 1 of 3, the course's progress.
    const place = page.getByRole('navigation', { name: 'Where you are' });
    await expect(place.getByRole('link', { name: COURSE })).toHaveAttribute('href', '#/courses/sample');
    await expect(place).toContainText('Lesson 1 of 3');
    await expect(page.getByRole('progressbar', { name: 'Course progress: 0%' })).toBeVisible();
    const navigation = page.getByRole('navigation', { name: 'Lesson navigation' });
    await expect(navigation.getByRole('link', { name: /Previous lesson/ })).toHaveCount(0);
    await expect(navigation.getByRole('link', { name: /Next lesson/ })).toContainText(LESSONS[1][1]);

    // The outline lists the lesson's sections; picking one brings it into view and moves focus there.
    const outline = page.getByRole('navigation', { name: 'Lesson outline' });
    await expect(outline.getByRole('button')).toHaveCount(3);
    const quizTitle = quizzes.get(LESSONS[0][2])!.title;
    await outline.getByRole('button', { name: quizTitle }).click();
    const quizHeading = lessonContent(page).getByRole('heading', { level: 2, name: quizTitle });
    await expect(quizHeading).toBeFocused();
    await expect(quizHeading).toBeInViewport();

    // No button: the lesson completes by the course's rule once its quiz is passed.
    await expect(page.getByRole('button', { name: 'Mark lesson as complete' })).toHaveCount(0);
    await expect(page.getByText('No button to press')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the lesson page');
    await page.screenshot({ path: path.join(SCREENS, 'lesson-before-quiz-1366x768-en.png'), fullPage: true });
    await answerQuizWithKeyboard(page, quizzes.get(LESSONS[0][2])!);
    // The quiz is passed; what follows it (the references) is read too before the lesson is done.
    await readToTheEnd(page);
    await expect(page.getByRole('status').filter({ hasText: 'You have completed this lesson.' })).toBeVisible();
    // Lesson and quiz done: two of six steps.
    await expect(page.getByRole('progressbar', { name: 'Course progress: 33%' })).toBeVisible();

    // The second lesson, through "Next": lesson 2 of 3, with a way back to the first.
    await passByApi(page, LESSONS[1][2]);
    await navigation.getByRole('link', { name: /Next lesson/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: LESSONS[1][1] })).toBeVisible();
    await expect(place).toContainText('Lesson 2 of 3');
    await expect(navigation.getByRole('link', { name: /Previous lesson/ })).toContainText(LESSONS[0][1]);
    // Opened with its quiz passed already, but not read yet: done once its end has been on screen.
    await expect(page.getByText('No button to press')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'You have completed this lesson.' })).toHaveCount(0);
    await expect(page.getByRole('progressbar', { name: 'Course progress: 50%' })).toBeVisible();
    // A keyboard reader: End takes the page (and the lesson in it) to the bottom.
    await expect(page.getByRole('heading', { level: 1, name: LESSONS[1][1] })).toBeFocused();
    await page.keyboard.press('End');
    await expect(page.getByRole('status').filter({ hasText: 'You have completed this lesson.' })).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'Course progress: 66%' })).toBeVisible();

    // The last lesson: passing its quiz completes the course, and the page celebrates it.
    await navigation.getByRole('link', { name: /Next lesson/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: LESSONS[2][1] })).toBeVisible();
    await expect(place).toContainText('Lesson 3 of 3');
    await expect(page.getByRole('region', { name: /You have completed/ })).toHaveCount(0);
    await answerQuizWithKeyboard(page, quizzes.get(LESSONS[2][2])!);
    const celebration = page.getByRole('region', { name: `You have completed “${COURSE}”!` });
    await expect(celebration).toBeVisible();
    await expect(celebration.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(celebration.getByRole('button', { name: `Get your certificate for ${COURSE}` })).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'Course progress: 100%' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the lesson page with the celebration');
    await page.screenshot({ path: path.join(SCREENS, 'lesson-celebration-1366x768-en.png'), fullPage: true });

    // In Catalan, the same page, and its words.
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ca');
    await expect(page.getByRole('navigation', { name: 'On ets' })).toContainText('Lliçó 3 de 3');
    await expectNoSeriousA11yViolations(page, 'the lesson page in Catalan');
    await page.getByLabel('Idioma').selectOption('en');

    // The course link goes back to the course's own page, not the catalog.
    await place.getByRole('link', { name: COURSE }).click();
    await expect(page).toHaveURL(/#\/courses\/sample$/);
    await expect(page.getByRole('heading', { level: 1, name: COURSE })).toBeVisible();
  } finally {
    await aula.stop();
  }
});

test("the lesson speaks the course's reading language to screen readers, the page around it the interface's", async ({
  page,
  aula,
}) => {
  await page.goto(aula.url);
  await chooseProfile(page, 'Learner');
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('es');
  await page.goto(`${aula.origin}/#/courses/sample/lessons/${LESSONS[0][0]}`);
  // A Spanish interface, and the course read in Catalan (the tests' sample course has English and Catalan).
  await page.getByRole('combobox', { name: 'Idioma del curso' }).selectOption('ca');
  const frameDocument = page.frameLocator('iframe.lesson-frame').locator('html');
  await expect(frameDocument).toHaveAttribute('lang', 'ca');
  await expect(lessonContent(page)).toHaveAttribute('lang', 'ca');
  // The Catalan prompt already asks for every right option: Aula's Spanish note is left out.
  const special = lessonContent(page).getByRole('form', { name: /categories especials de dades personals/ });
  await expect(special).toContainText('Tria totes les que corresponguin.');
  await expect(special.getByText('(elige todas las respuestas correctas)')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'ca');

  // Switching the interface while the lesson is open leaves the lesson's language alone.
  await page.getByRole('combobox', { name: 'Idioma', exact: true }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The frame has taken the switch (its quiz buttons speak English now), and still reads Catalan.
  await expect(lessonContent(page).getByRole('button', { name: 'Check answer' }).first()).toBeVisible();
  await expect(frameDocument).toHaveAttribute('lang', 'ca');

  // A reference kept in English says so, in Catalan (the lesson's language).
  await page.goto(`${aula.origin}/#/courses/sample/lessons/${LESSONS[1][0]}`);
  const kept = lessonContent(page).locator('span[lang="en"]', { hasText: 'Statistics Explained: Glossary' });
  await expect(kept).toHaveAttribute('data-source-language', 'anglès');
});

test('a wrong quiz answer gets the hint and another try; a right second try counts and stays after a reload', async ({
  page,
  aula,
}) => {
  await page.goto(aula.url);
  await chooseProfile(page, 'Learner');
  await page.goto(`${aula.origin}/#/courses/sample/lessons/${LESSONS[0][0]}`);
  const content = lessonContent(page);
  const personal = content.getByRole('form', { name: /Which of these records is personal data under the GDPR\?/ });
  const hint = personal.getByText('Personal data is any information about a person who can be identified.');
  await expect(hint).toBeHidden();
  await personal.getByLabel('The total number of parcels handed out in March').check();
  await personal.getByRole('button', { name: 'Check answer' }).click();
  const verdict = personal.getByRole('status');
  await expect(verdict).toContainText('Not quite.');
  await expect(verdict).toContainText('you have 1 more try');
  await expect(hint).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'a quiz question waiting for a second try');

  await personal.getByLabel('A list of cooperative members with the rent each one pays').check();
  await personal.getByRole('button', { name: 'Check answer' }).click();
  await expect(verdict).toContainText('Correct!');
  await expect(verdict).toContainText('Totals such as parcel counts do not identify anyone');
  await expect(verdict).not.toContainText('The right answer');
  await expect(personal.getByRole('button', { name: 'Check answer' })).toHaveCount(0);

  // The right answer is what stays: after a reload the question shows it, closed.
  await page.reload();
  await expect(personal.getByLabel('A list of cooperative members with the rent each one pays')).toBeChecked();
  await expect(personal.getByRole('status')).toContainText('Correct!');
  await expect(personal.getByLabel('The opening hours of the food bank')).toBeDisabled();
});
