import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, FIXTURE_COURSES_DIR, startAula, test, type AulaProcess } from './fixtures/aula-server.js';
import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { chooseProfile, goToCourses } from './fixtures/profiles.js';
import { lessonContent } from './fixtures/lesson-frame.js';

/** The tests' frozen copy of the components tour of docs/examples. */
const TOUR = path.join(FIXTURE_COURSES_DIR, 'components-tour');
const COURSE_TITLE = 'A tour of the lesson components';

/** Records Content-Security-Policy violations and script errors: every component must work under the CSP. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** Requested file names on the app origin, to check which chunks a lesson loads. */
function watchRequests(page: Page): string[] {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  return requested;
}

async function openLesson(page: Page, aula: AulaProcess, lessonTitle: string): Promise<void> {
  await page.goto(aula.url);
  await chooseProfile(page, 'Learner');
  await goToCourses(page);
  await page.getByRole('article', { name: COURSE_TITLE }).getByRole('link', { name: lessonTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: lessonTitle })).toBeVisible();
}

/** Replaces the text of the CodeMirror editor with `query`, typing it as a learner would. */
async function typeQuery(page: Page, exercise: ReturnType<Page['locator']>, query: string): Promise<void> {
  const editor = exercise.getByRole('textbox', { name: /Your SQL query/ });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(query);
}

test('data lesson: figure, glossary, download, tables and charts work with the keyboard, offline and under the CSP', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  const aula = await startAula(dataDir, { courses: [TOUR] });
  aulaOrigin.current = aula.origin;
  const problems = watchConsole(page);
  const requested = watchRequests(page);
  try {
    await openLesson(page, aula, 'Data, tables and charts');
    const lesson = lessonContent(page);

    // Figure: the image from assets/, its alt text and its caption.
    const figure = lesson.getByRole('figure').filter({ hasText: 'How food moves through the food bank' });
    const image = figure.getByRole('img', { name: 'Three steps in a row: collect, sort, hand out' });
    await expect(image).toBeVisible();
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    // Glossary: Enter opens the definition, Escape closes it and leaves focus on the term.
    const term = lesson.getByRole('button', { name: 'median' });
    await term.focus();
    await page.keyboard.press('Enter');
    await expect(term).toHaveAttribute('aria-expanded', 'true');
    await expect(lesson.getByRole('note')).toHaveText('median: middle value when the values are sorted');
    await page.keyboard.press('Escape');
    await expect(lesson.getByRole('note')).toBeHidden();
    await expect(term).toBeFocused();

    // Download: the file from assets/, as a download.
    const downloadLink = lesson.getByRole('link', { name: /Download Sign-up checklist/ });
    await downloadLink.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('checklist.txt');
    expect(fs.readFileSync((await download.path())!, 'utf8')).toContain('Proof of address');

    // DataTable of a `;` file with decimal commas: numbers are numbers, sorted as numbers.
    const parcelsTool = lesson
      .locator('.data-table')
      .filter({ has: page.getByRole('table', { name: 'Parcels per month, first quarter' }) });
    const parcels = parcelsTool.getByRole('table');
    await expect(parcels.getByRole('row')).toHaveCount(4);
    await expect(parcels.getByRole('row').nth(2)).toContainText('February395126' + '7.25');
    const kgHeader = parcels.getByRole('columnheader', { name: /kg_per_parcel/ });
    await kgHeader.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(kgHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(parcels.getByRole('row').nth(1)).toContainText('February');
    await page.keyboard.press('Enter');
    await expect(kgHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(parcels.getByRole('row').nth(1)).toContainText('March');
    await parcelsTool.getByLabel('Filter rows').fill('jan');
    await expect(parcels.getByRole('row')).toHaveCount(2);
    await expect(parcelsTool.getByRole('status')).toHaveText('Showing 1 of 3 rows');

    // A `,` file with quoted fields: "Garcia, Maria" stays one cell, "1210,50" is a number.
    const households = lesson.getByRole('table', { name: 'Registered households (synthetic)' });
    await expect(households.getByRole('row')).toHaveCount(7);
    await expect(households.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('Garcia, Maria');
    await expect(households.getByRole('row').nth(1).getByRole('cell').nth(4)).toHaveText('1210.5');

    // Charts: drawn as SVG, announced with their title and description, data available as a table.
    const bar = lesson.getByRole('figure', { name: 'Parcels per month' });
    const barImage = bar.getByRole('group', { name: 'Parcels per month' });
    await expect(barImage).toHaveAccessibleDescription('Parcels rose from 380 in January to 412 in March.');
    await expect(barImage.locator('.plot-bar rect')).toHaveCount(3);
    // The bars are one Tab stop: each named by its values, the arrows move between them, and the
    // focused one shows the same tip as the pointer.
    const january = barImage.getByRole('img', { name: 'month: January, parcels: 380' });
    await january.focus();
    await expect(barImage.locator('[aria-label="tip"]')).toContainText('380');
    await page.keyboard.press('ArrowRight');
    await expect(barImage.getByRole('img', { name: 'month: February, parcels: 395' })).toBeFocused();
    await expect(barImage.locator('[aria-label="tip"]')).toContainText('395');
    await page.keyboard.press('End');
    await expect(barImage.getByRole('img', { name: 'month: March, parcels: 412' })).toBeFocused();
    await expect(barImage.locator('.chart-mark[tabindex="0"]')).toHaveCount(1);
    await page.keyboard.press('Tab');
    await expect(barImage.locator('[aria-label="tip"] text')).toHaveCount(0);
    await expect(bar.locator('svg text').filter({ hasText: 'January' })).toHaveCount(1);
    const line = lesson.getByRole('figure', { name: 'Volunteers per week' });
    await expect(line.locator('.plot-line path')).toHaveCount(1);
    const scatter = lesson.getByRole('figure', { name: 'Household size and income' });
    // Six households, one without an income: five dots.
    await expect(scatter.locator('.plot-dot circle')).toHaveCount(5);
    await bar.getByText('Show the data as a table').focus();
    await page.keyboard.press('Enter');
    await expect(bar.getByRole('table', { name: 'Parcels per month' }).getByRole('row')).toHaveCount(4);
    await expectNoSeriousA11yViolations(page, 'the data lesson');

    // In Catalan the same numbers read with decimal commas.
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ca');
    await expect(parcels.getByRole('row').nth(1)).toContainText('7,5');
    await expect(parcelsTool.getByLabel('Filtra les files')).toBeVisible();
    await page.getByLabel('Idioma').selectOption('en');

    // Heavy components load only where used: this lesson fetched the chart code, none of the others.
    expect(requested.some((file) => /\/assets\/ChartPlot-[\w-]+\.js$/.test(file))).toBe(true);
    expect(requested.filter((file) => /SqlWorkbench|ProcessWorkbench|CanvasBoard|\.wasm$/.test(file))).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await aula.stop();
  }
});

test('exercises lesson: number and SQL exercises are graded in the core, saved, and shown again after a restart', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  let aula = await startAula(dataDir, { courses: [TOUR] });
  aulaOrigin.current = aula.origin;
  const problems = watchConsole(page);
  try {
    await openLesson(page, aula, 'Working with the data');
    const lesson = lessonContent(page);

    // NumberExercise: not a number is refused in the page; a wrong answer, then a decimal comma.
    const number = lesson.getByRole('region', { name: 'Exercise: work it out' });
    await expect(number.getByRole('table', { name: 'Data: parcels.csv' })).toBeVisible();
    const answer = number.getByLabel('Your answer');
    await answer.fill('about four hundred');
    await answer.press('Enter');
    await expect(number.getByRole('alert')).toHaveText('Type a number, for example 395.67 or 395,67.');
    await answer.fill('390');
    await answer.press('Enter');
    const wrong = number.getByRole('status').filter({ hasText: 'Not quite.' });
    await expect(wrong).toContainText('You answered 390.');
    await expect(wrong).not.toContainText('Explanation');
    await answer.fill('395,67');
    await answer.press('Enter');
    const right = number.getByRole('status').filter({ hasText: 'Correct!' });
    await expect(right).toContainText('Explanation: (380 + 395 + 412) / 3 = 395.67');
    await expect(right).toContainText('Answer saved');

    // SqlExercise where the order matters: run in the page, then check in the core.
    const ordered = lesson.getByRole('region', { name: 'Exercise: query the data' }).filter({ hasText: 'largest first' });
    await expect(ordered.getByText('parcels (month, parcels, households, kg_per_parcel)')).toBeVisible();
    await expect(ordered.getByRole('textbox', { name: /Your SQL query/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the exercises lesson');
    await typeQuery(page, ordered, 'SELECT month, households FROM parcels');
    await page.keyboard.press('Control+Enter');
    await expect(ordered.locator('.sql-result').getByRole('status').first()).toHaveText('Your query returns 3 rows.');
    await expect(ordered.getByRole('table', { name: 'Result of your query' }).getByRole('row')).toHaveCount(4);
    // Tab leaves the editor: keyboard users are never trapped in it.
    await ordered.getByRole('textbox', { name: /Your SQL query/ }).focus();
    await page.keyboard.press('Tab');
    await expect(ordered.getByRole('button', { name: 'Run query' })).toBeFocused();
    await ordered.getByRole('button', { name: 'Check answer' }).click();
    await expect(ordered.getByRole('status').filter({ hasText: 'Not quite.' })).toContainText(
      'The rows are right, but not in the order the exercise asks for.',
    );
    await typeQuery(page, ordered, 'SELEC month FROM parcels');
    await ordered.getByRole('button', { name: 'Run query' }).click();
    await expect(ordered.getByRole('alert')).toContainText('Your query did not run: near "SELEC": syntax error');
    await ordered.getByRole('button', { name: 'Check answer' }).click();
    await expect(ordered.getByRole('status').filter({ hasText: 'Not quite.' })).toContainText('near "SELEC": syntax error');
    await typeQuery(page, ordered, 'SELECT month, households FROM parcels ORDER BY households DESC');
    await ordered.getByRole('button', { name: 'Check answer' }).click();
    await expect(ordered.getByRole('status').filter({ hasText: 'Correct!' })).toContainText(
      'Your query returns the expected 3 rows.',
    );

    // Order-insensitive exercise: rows and columns in another order are still right.
    const grouped = lesson.getByRole('region', { name: 'Exercise: query the data' }).filter({ hasText: 'each district' });
    await typeQuery(page, grouped, 'SELECT COUNT(*) AS n, district FROM households GROUP BY district ORDER BY n DESC');
    await grouped.getByRole('button', { name: 'Check answer' }).click();
    await expect(grouped.getByRole('status').filter({ hasText: 'Correct!' })).toContainText('Answer saved');

    // A query that never ends is stopped, in the page and in the core.
    await typeQuery(page, grouped, 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c');
    await grouped.getByRole('button', { name: 'Run query' }).click();
    await expect(grouped.getByRole('alert')).toContainText('Your query was stopped after 5 seconds', { timeout: 15_000 });
    await grouped.getByRole('button', { name: 'Check answer' }).click();
    await expect(grouped.getByRole('status').filter({ hasText: 'Not quite.' })).toContainText('stopped after 5 seconds', {
      timeout: 15_000,
    });
    // The page still works after its worker was ended.
    await typeQuery(page, grouped, 'SELECT district FROM households');
    await grouped.getByRole('button', { name: 'Run query' }).click();
    await expect(grouped.locator('.sql-result').getByRole('status').first()).toHaveText('Your query returns 6 rows.');
  } finally {
    await aula.stop();
  }

  aula = await startAula(dataDir, { courses: [TOUR] });
  aulaOrigin.current = aula.origin;
  try {
    await openLesson(page, aula, 'Working with the data');
    const lesson = lessonContent(page);
    const number = lesson.getByRole('region', { name: 'Exercise: work it out' });
    await expect(number.getByLabel('Your answer')).toHaveValue('395,67');
    await expect(number.getByRole('status').filter({ hasText: 'Correct!' })).toContainText('Answer saved');
    const ordered = lesson.getByRole('region', { name: 'Exercise: query the data' }).filter({ hasText: 'largest first' });
    await expect(ordered.getByRole('textbox', { name: /Your SQL query/ })).toHaveText(
      'SELECT month, households FROM parcels ORDER BY households DESC',
    );
    await expect(ordered.getByRole('status').filter({ hasText: 'Correct!' })).toBeVisible();
    expect(problems).toEqual([]);
  } finally {
    await aula.stop();
  }
});

test('process and canvas lesson: fix a diagram with the keyboard, fill in the canvas and export it as PDF', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  // Two exercises, a canvas and a PDF: on a loaded machine this ran close to the default limit.
  test.setTimeout(180_000);
  const aula = await startAula(dataDir, { courses: [TOUR] });
  aulaOrigin.current = aula.origin;
  const problems = watchConsole(page);
  try {
    await openLesson(page, aula, 'Processes and business models');
    const lesson = lessonContent(page);
    const exercise = lesson.getByRole('region', { name: 'Exercise: model the process' });

    // bpmn-js shows the starting diagram, with the bpmn.io watermark its license requires.
    await expect(exercise.locator('.djs-element[data-element-id="Check"]')).toBeVisible();
    await expect(exercise.locator('.bjs-powered-by')).toBeVisible();

    // The numbered checklist follows the diagram as it is, before any Check.
    const checklist = exercise.getByRole('list', { name: /^Your diagram now/ });
    await expect(checklist).toHaveAccessibleName('Your diagram now: 2 of 3 done');
    await expect(checklist.getByRole('listitem')).toHaveText([/^✓ Done: /, /^○ Not yet: .*exclusive gateway/, /^✓ Done: /]);

    // Checking the unchanged diagram: two rules hold, the gateway is missing.
    await exercise.getByRole('button', { name: 'Check my process' }).click();
    const first = exercise.getByRole('status').filter({ hasText: 'Not quite.' });
    await expect(first.getByRole('listitem')).toHaveText([
      /Done: .*There is a task called “Check eligibility”/,
      /Not yet: .*An exclusive gateway follows the task “Check eligibility”/,
      /Done: .*“Check eligibility” comes before “Send welcome pack”/,
    ]);

    // With the keyboard: pick the step, choose an exclusive gateway, name it, add it.
    const keyboard = exercise.getByRole('group', { name: 'Edit the process with the keyboard' });
    await keyboard.getByLabel('Step', { exact: true }).selectOption({ label: 'Task: Check eligibility' });
    await keyboard.getByLabel('Add after it').selectOption({ label: 'Exclusive gateway' });
    await keyboard.getByLabel('Name of the new step').fill('Eligible?');
    await keyboard.getByRole('button', { name: 'Add', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(keyboard.getByLabel('Step', { exact: true })).toHaveValue(/.+/);
    await expect(keyboard.getByLabel('Step', { exact: true }).locator('option')).toContainText(['Exclusive gateway: Eligible?']);
    await expect(exercise.getByText('You have changes that are not checked yet.')).toBeVisible();
    // Ticked without pressing Check, and said once, politely.
    await expect(checklist).toHaveAccessibleName('Your diagram now: 3 of 3 done');
    await expect(checklist.getByRole('listitem').filter({ hasText: 'Not yet' })).toHaveCount(0);
    await expect(exercise.locator('[aria-live="polite"]')).toHaveText(
      'Now done: An exclusive gateway follows the task “Check eligibility”.',
    );
    await exercise.getByRole('button', { name: 'Check my process' }).focus();
    await page.keyboard.press('Enter');
    const passed = exercise.getByRole('status').filter({ hasText: 'Correct!' });
    await expect(passed.getByRole('listitem')).toHaveCount(3);
    await expect(passed.getByRole('listitem').filter({ hasText: 'Not yet' })).toHaveCount(0);
    await expect(passed).toContainText('Answer saved');

    await expectNoSeriousA11yViolations(page, 'the process and canvas lesson');

    // Canvas: leaving a block saves it; "saved" appears only after the core's reply.
    const canvas = lesson.getByRole('region', { name: 'Your social business model canvas' });
    const resources = canvas.getByRole('textbox', { name: 'Key resources' });
    await resources.fill('Volunteers, a van and a warehouse in Ķekava; l·l and ŀl.');
    await expect(canvas.getByRole('status').filter({ hasText: 'Changes not saved yet' })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(canvas.getByRole('status').filter({ hasText: /^Saved at/ })).toBeVisible();
    await canvas.getByRole('textbox', { name: 'Social value proposition' }).fill('Food for families in Šiauliai, with dignity.');
    // A pause in typing saves too, without leaving the block.
    await expect(canvas.getByRole('status').filter({ hasText: 'Changes not saved yet' })).toBeVisible();
    await expect(canvas.getByRole('status').filter({ hasText: /^Saved at/ })).toBeVisible();
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      canvas.getByRole('button', { name: 'Export as PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe('my-canvas.pdf');
    const pdfFile = path.join(dataDir, 'exported.pdf');
    await pdf.saveAs(pdfFile);
    expect(fs.readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-']).toString();
    expect(text).toContain('Social business model canvas');
    expect(text).toContain('Ķekava');
    expect(text).toContain('Šiauliai');
    expect(text).toContain('Key resources');
    await expect(canvas.getByRole('status').filter({ hasText: /^Saved at/ })).toBeVisible();

    // After a reload the canvas and the checked diagram are still there.
    await page.reload();
    const reloaded = lessonContent(page).getByRole('region', { name: 'Your social business model canvas' });
    await expect(reloaded.getByRole('textbox', { name: 'Social value proposition' })).toHaveValue(
      'Food for families in Šiauliai, with dignity.',
    );
    const exerciseAgain = lessonContent(page).getByRole('region', { name: 'Exercise: model the process' });
    await expect(exerciseAgain.locator('.djs-shape[data-element-id^="Gateway"]:not([data-element-id$="_label"])')).toHaveCount(1);
    expect(problems).toEqual([]);
  } finally {
    await aula.stop();
  }
});

test("quiz and own-component lesson: the course's own component renders from its props and works under the CSP", async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  const aula = await startAula(dataDir, { courses: [TOUR] });
  aulaOrigin.current = aula.origin;
  const problems = watchConsole(page);
  try {
    await openLesson(page, aula, 'A quiz and a component of your own');
    const lesson = lessonContent(page);
    const timeline = lesson.getByRole('figure', { name: 'The food bank in 2024' });
    const events = timeline.getByRole('listitem');
    await expect(events).toHaveCount(3);
    await expect(events.first()).toContainText('January');
    await timeline.getByRole('button', { name: 'Newest first' }).click();
    await expect(events.first()).toContainText('March');
    await expect(lesson.getByText('In which month did the food bank hand out the most parcels?')).toBeVisible();
    expect(problems).toEqual([]);
  } finally {
    await aula.stop();
  }
});
