/**
 * The "done when" journey: in browser mode, with the keyboard only, a learner answers every
 * question type of the sample course, sees the feedback, and reaches mastery; axe-core finds no
 * serious or critical violation on the pages along the way.
 */
import type { Locator, Page } from '@playwright/test';
import type { QuestionDefinition, QuizDefinition } from '../../electron/quiz/quiz-definition.js';
import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { expect, startAula, test } from './fixtures/aula-server.js';
import { chooseOption, chooseRadio, pressOn, tabTo } from './fixtures/keyboard.js';
import { readSampleQuizzes } from './fixtures/sample-quizzes.js';

const quizzes = readSampleQuizzes();

/** How a European learner would type the number: decimal comma, and the unit after it. */
function typedNumber(answer: number, unit: string | undefined): string {
  return `${String(answer).replace('.', ',')}${unit ? ` ${unit}` : ''}`;
}

async function putInOrder(page: Page, form: Locator, items: { id: string; text: string }[]): Promise<void> {
  for (const [position, item] of items.entries()) {
    const shown = await form.locator('.ordering-text').allTextContents();
    let index = shown.indexOf(item.text);
    if (index <= position) continue;
    await tabTo(page, form.getByRole('button', { name: `Move up: ${item.text}` }));
    // Focus follows the moved item, so Enter keeps moving the same one.
    for (; index > position; index -= 1) await page.keyboard.press('Enter');
    await expect(form.locator('.ordering-text').nth(position)).toHaveText(item.text);
  }
}

/** Enters the right answer to one question with the keyboard, from the quiz file's key. */
async function answerWithKeyboard(page: Page, form: Locator, question: QuestionDefinition): Promise<void> {
  switch (question.type) {
    case 'single-choice':
      await chooseRadio(page, form, question.choices.find((choice) => choice.correct)!.text);
      break;
    case 'multiple-choice':
      for (const choice of question.choices.filter((candidate) => candidate.correct)) {
        const box = form.getByRole('checkbox', { name: choice.text, exact: true });
        await tabTo(page, box);
        await page.keyboard.press('Space');
        await expect(box).toBeChecked();
      }
      break;
    case 'true-false':
      await chooseRadio(page, form, question.answer ? 'True' : 'False');
      break;
    case 'numeric':
      await tabTo(page, form.getByRole('textbox', { name: 'Your answer' }));
      await page.keyboard.type(typedNumber(question.answer, question.unit));
      break;
    case 'short-text':
      // Case and extra spaces do not matter by default.
      await tabTo(page, form.getByRole('textbox', { name: 'Your answer' }));
      await page.keyboard.type(`  ${question.accepted[0]!.toUpperCase()} `);
      break;
    case 'ordering':
      await putInOrder(page, form, question.items);
      break;
    case 'matching':
      for (const pair of question.pairs) await chooseOption(page, form.getByRole('combobox', { name: pair.left }), pair.right);
      break;
    case 'cloze': {
      const names = [...question.text.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]!);
      for (const [index, name] of names.entries()) {
        await tabTo(page, form.getByRole('textbox', { name: `Blank ${index + 1} of ${names.length}` }));
        await page.keyboard.type(question.blanks[name]!.accepted[0]!);
      }
      break;
    }
  }
}

async function answerQuiz(page: Page, quiz: QuizDefinition): Promise<void> {
  const section = page.getByRole('region', { name: quiz.title });
  await expect(section).toBeVisible();
  for (const question of quiz.questions) {
    const form = section.getByRole('form', { name: question.prompt });
    await answerWithKeyboard(page, form, question);
    const perQuestion = quiz.feedback === 'per-question';
    await pressOn(page, form.getByRole('button', { name: perQuestion ? 'Check answer' : 'Save answer' }));
    const status = form.getByRole('status');
    if (perQuestion) {
      await expect(status).toContainText('Correct!');
      await expect(status).toContainText('Answer saved');
      if (question.explanation) await expect(status).toContainText(question.explanation.slice(0, 40));
    } else {
      // Saved, but the verdict stays in the core until the end.
      await expect(status).toContainText('Answer saved');
      await expect(status).not.toContainText('Correct');
    }
  }
  if (quiz.feedback === 'end') {
    await pressOn(page, section.getByRole('button', { name: 'Finish and see my results' }));
    for (const question of quiz.questions) {
      await expect(section.getByRole('form', { name: question.prompt }).getByRole('status')).toContainText('Correct!');
    }
  }
  const total = quiz.questions.length;
  await expect(section.locator('.attempt-summary')).toContainText(`You scored ${total} of ${total} (100 %). You passed`);
}

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
      await expect(page.getByRole('region', { name: quiz.title })).toBeVisible();
      await expectNoSeriousA11yViolations(page, `lesson "${title}" before answering`);
      await answerQuiz(page, quiz);
      quiz.questions.forEach((question) => types.add(question.type));
      await expectNoSeriousA11yViolations(page, `lesson "${title}" with feedback shown`);
      await pressOn(page, page.getByRole('button', { name: 'Mark lesson as complete' }));
      await expect(page.getByText('You have completed this lesson.')).toBeVisible();
      if (index < lessons.length - 1) await pressOn(page, page.getByRole('link', { name: 'Next lesson →' }));
    }
    expect(types.size).toBe(8);

    await pressOn(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My learning' }));
    await expect(page.getByRole('heading', { level: 1, name: 'Hello, Learner' })).toBeVisible();
    const completed = page.locator('h2:text("Completed") + ul');
    await expect(completed.getByRole('heading', { name: 'Getting started with data in your organisation' })).toBeVisible();
    await expect(completed).toContainText('100% complete');
    await expect(page.getByRole('img', { name: /you completed 3 lessons and passed 3 quizzes/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the learner home page');

    await pressOn(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }));
    await expect(page.getByRole('article', { name: 'Getting started with data in your organisation' })).toContainText(
      'Course completed',
    );
  } finally {
    await aula.stop();
  }
});
