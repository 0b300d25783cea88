/**
 * A Catalan learner of the tests' course "Who is still coming" (tests/fixtures/courses/translated-data)
 * sees the workshop register with Catalan values, in the lesson's table and in the SQL exercise's
 * tables, and is graded on them: a query naming the Catalan value is right, the same query with
 * the English value is not.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, FIXTURE_COURSES_DIR, startAula, test } from './fixtures/aula-server.js';
import { leaves, readLocale } from './fixtures/english-check.js';
import { lessonContent } from './fixtures/lesson-frame.js';

async function typeQuery(page: Page, exercise: ReturnType<Page['locator']>, label: string, query: string): Promise<void> {
  const editor = exercise.getByRole('textbox', { name: label });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(query);
}

test('the Catalan data lesson shows Catalan cells and grades a query with the Catalan literal', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  test.setTimeout(120_000);
  const words = leaves(readLocale('ca'));
  const say = (key: string) => {
    const text = words.get(key);
    if (text === undefined) throw new Error(`ca.json has no ${key}`);
    return text;
  };
  const aula = await startAula(dataDir, { learners: [], courses: [path.join(FIXTURE_COURSES_DIR, 'translated-data')] });
  aulaOrigin.current = aula.origin;
  try {
    await page.goto(aula.url);
    await page.getByRole('main').getByRole('combobox').selectOption('ca');
    await page.getByRole('textbox', { name: say('profiles.name') }).fill('Ona Vidal');
    await page.getByRole('button', { name: say('profiles.firstRun.start') }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Ona Vidal/ })).toBeVisible();

    await page.goto(`${aula.origin}/#/courses/translated-data/lessons/register`);
    const content = lessonContent(page);
    // The register in Catalan: "actiu" and "Reparació de bicis", never the English "Gardening".
    const raw = content.getByRole('table', { name: /El registre del taller/ });
    await expect(raw.getByRole('cell', { name: 'Reparació de bicis', exact: true })).toBeVisible();
    await expect(raw.getByRole('cell', { name: 'actiu', exact: true }).first()).toBeVisible();
    await expect(raw.getByRole('cell', { name: 'Gardening', exact: true })).toHaveCount(0);

    const exercise = content.getByRole('region', { name: say('exercise.title.sql') }).filter({ hasText: 'Per a cada taller' });
    await expect(exercise).toBeVisible();
    const label = say('sql.editorLabel');
    const check = exercise.getByRole('button', { name: say('exercise.check') });
    const grouped = (status: string) =>
      `SELECT workshop, COUNT(*) AS people FROM register WHERE status = '${status}' GROUP BY workshop`;

    // The English literal finds no row in the Catalan table: not the expected result.
    await typeQuery(page, exercise, label, grouped('active'));
    await check.click();
    await expect(exercise.getByRole('status').filter({ hasText: say('exercise.incorrect') })).toBeVisible();

    // The Catalan literal: right, and the learner's own run shows Catalan workshop names.
    await typeQuery(page, exercise, label, grouped('actiu'));
    await exercise.getByRole('button', { name: say('sql.run') }).click();
    const result = exercise.getByRole('table', { name: say('sql.resultCaption') });
    await expect(result.getByRole('cell', { name: 'Reparació de bicis', exact: true })).toBeVisible();
    // A header row and one row per workshop: Jardineria, Cuina, Reparació de bicis.
    await expect(result.getByRole('row')).toHaveCount(4);
    await check.click();
    await expect(exercise.getByRole('status').filter({ hasText: say('exercise.correct') })).toContainText(say('exercise.saved'));
  } finally {
    await aula.stop();
  }
});
