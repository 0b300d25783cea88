import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callApi } from './fixtures/api-answers.js';
import { expect, startAula, test } from './fixtures/aula-server.js';
import { lessonContent } from './fixtures/lesson-frame.js';

/**
 * Refusals that come from the core reach a Catalan learner in Catalan: the core sends a reason and
 * its params, and the interface words them, here for a quiz attempt finished in another window and
 * for a file that is not a course pack.
 */
test('core errors are shown in Catalan when the interface is in Catalan', async ({ page, dataDir, aulaOrigin }) => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-errors-'));
  const notAPack = path.join(workDir, 'foto-de-vacances.aulapack');
  fs.writeFileSync(notAPack, 'not a zip file at all');
  const aula = await startAula(dataDir);
  aulaOrigin.current = aula.origin;
  try {
    await page.goto(aula.url);
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ca');
    await expect(page.getByRole('heading', { level: 1, name: 'Qui aprèn?' })).toBeVisible();
    await page.getByRole('button', { name: 'Learner', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hello, Learner' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ca');
    await expect(page.getByRole('heading', { level: 1, name: 'Hola, Learner' })).toBeVisible();

    // The quiz is open on this page (the sample course is read in its Catalan translation)...
    await page.getByRole('navigation').getByRole('link', { name: 'Cursos', exact: true }).click();
    await page.getByRole('link', { name: 'Com es descriu un conjunt de xifres' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Com es descriu un conjunt de xifres' })).toBeVisible();
    const question = lessonContent(page).locator('form.question').filter({ hasText: 'Quina mesura canvia' });
    await expect(question).toBeVisible();

    // ...while the same learner finishes the attempt in another window of Aula.
    const learners = await callApi(page, 'learners.list', {});
    const learnerId = learners.find((learner) => learner.displayName === 'Learner')!.id;
    const { session } = await callApi(page, 'learners.open', { learnerId });
    const quiz = { session, courseId: 'sample', quizId: 'describing-figures-check' };
    await callApi(page, 'quiz.submitAnswer', {
      ...quiz,
      questionId: 'robust',
      answer: { type: 'single-choice', choiceId: 'mean' },
    });
    await callApi(page, 'quiz.finish', quiz);

    // Answering here now is refused by the core, and the learner reads why in Catalan.
    await question.getByRole('radio', { name: 'La mediana' }).check();
    await question.getByRole('button', { name: 'Desa la resposta' }).click();
    const refusal = question.getByRole('alert');
    await expect(refusal).toHaveText(
      "La resposta no s'ha desat: Aquest intent de «Com es descriuen les xifres» ja s'ha acabat. " +
        'Torna a fer el qüestionari per tornar a respondre.',
    );

    // A file that is not a course pack, refused while it is read.
    await page.getByRole('navigation').getByRole('link', { name: 'Cursos', exact: true }).click();
    await page.getByLabel('Tria un paquet de curs…').setInputFiles(notAPack);
    await expect(page.getByRole('alert')).toHaveText(
      "No s'ha instal·lat: Aquest fitxer no és un paquet de curs de l'Aula (no és un fitxer zip, o està malmès).",
    );
  } finally {
    await aula.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
});

/**
 * A message already on screen follows a later language switch: the page keeps the error itself and
 * words it while rendering, instead of keeping the English sentence it first showed.
 */
test('an error shown in English is shown in Catalan after switching the language with the header', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-errors-'));
  const notAPack = path.join(workDir, 'holiday-photo.aulapack');
  fs.writeFileSync(notAPack, 'not a zip file at all');
  const aula = await startAula(dataDir);
  aulaOrigin.current = aula.origin;
  try {
    await page.goto(aula.url);
    await page.getByRole('button', { name: 'Learner', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hello, Learner' })).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: 'Courses', exact: true }).click();
    await page.getByLabel('Choose a course pack…').setInputFiles(notAPack);
    const refusal = page.locator('.install-status').getByRole('alert');
    await expect(refusal).toHaveText(
      'Not installed: This file is not an Aula course pack (it is not a zip file, or it is damaged).',
    );

    await page.getByRole('banner').getByRole('combobox', { name: 'Language', exact: true }).selectOption('ca');
    await expect(page.getByRole('heading', { level: 1, name: 'Cursos' })).toBeVisible();
    await expect(refusal).toHaveText(
      "No s'ha instal·lat: Aquest fitxer no és un paquet de curs de l'Aula (no és un fitxer zip, o està malmès).",
    );
  } finally {
    await aula.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
});
