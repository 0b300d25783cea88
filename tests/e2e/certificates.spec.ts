/**
 * Certificates end to end, in browser mode: a learner completes the sample course, gets the
 * certificate, saves it as PDF and as Open Badges JSON, and checks both files (and a changed one)
 * on the "Check a certificate" screen. The PDF's text is read back with pdftotext.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { callApi, pageSession, rightAnswer } from './fixtures/api-answers.js';
import { expect, REPO_ROOT, startAula, test } from './fixtures/aula-server.js';
import { readSampleQuizzes } from './fixtures/sample-quizzes.js';

const NAME = 'Žaneta Čiurlionytė-Ķēniņa';
const COURSE = 'Getting started with data in your organisation';
const quizzes = readSampleQuizzes();

async function download(page: Page, click: () => Promise<void>, folder: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const target = path.join(folder, (file as Download).suggestedFilename());
  await (file as Download).saveAs(target);
  return target;
}

test('a learner earns the sample course certificate, saves it as PDF and Open Badges JSON, and checks both', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  test.setTimeout(180_000);
  const aula = await startAula(dataDir);
  aulaOrigin.current = aula.origin;
  const downloads = path.join(dataDir, 'downloads');
  fs.mkdirSync(downloads);
  try {
    await page.goto(aula.url);
    await page.getByRole('button', { name: 'New profile' }).click();
    const dialog = page.getByRole('dialog', { name: 'New profile' });
    await dialog.getByLabel('Your name').fill(NAME);
    await dialog.getByRole('button', { name: 'Create profile' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Hello, ${NAME}` })).toBeVisible();
    const session = await pageSession(page);

    // Before the course is complete there is nothing to offer, and the core refuses.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Certificates' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My certificates' })).toBeVisible();
    await expect(page.getByText('No certificates yet.')).toBeVisible();
    await expect(callApi(page, 'certificates.issue', { session, courseId: 'sample' })).rejects.toThrow(
      `You have not completed "${COURSE}" yet.`,
    );

    // Earn the completion: open every lesson in the app, pass every quiz.
    for (const lessonId of ['data-you-already-have', 'reading-a-table', 'describing-figures']) {
      await page.goto(`${aula.origin}/#/courses/sample/lessons/${lessonId}`);
      await expect(page.locator('article.lesson')).toBeVisible();
    }
    for (const [quizId, key] of quizzes) {
      const shown = await callApi(page, 'quiz.get', { session, courseId: 'sample', quizId });
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

    // The home page offers the certificate for the completed course.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My learning' }).click();
    const completed = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: COURSE }) });
    await completed.getByRole('button', { name: `Get your certificate for ${COURSE}` }).click();
    await expect(completed.getByRole('status')).toContainText(`Your certificate for “${COURSE}” is ready.`);
    await completed.getByRole('link', { name: 'See my certificates' }).click();

    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: COURSE }) });
    await expect(card).toContainText(NAME);
    const code = (await card.locator('code').first().textContent())!;
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await expectNoSeriousA11yViolations(page, 'my certificates');

    const pdf = await download(
      page,
      () => card.getByRole('button', { name: `Save the certificate for ${COURSE} as PDF` }).click(),
      downloads,
    );
    expect(path.basename(pdf)).toBe('certificate-sample-zaneta-ciurlionyte-kenina.pdf');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(text.split('\n')).toContain(NAME);
    expect(text).toContain(COURSE);
    expect(text).toContain(`Verification code: ${code}`);

    await card.getByLabel('Paper size').selectOption('letter');
    const letter = await download(
      page,
      () => card.getByRole('button', { name: `Save the certificate for ${COURSE} as PDF` }).click(),
      path.join(downloads),
    );
    expect(execFileSync('pdfinfo', [letter], { encoding: 'utf8' })).toMatch(/792 x 612 pts \(letter\)/);

    const json = await download(
      page,
      () => card.getByRole('button', { name: `Save the certificate for ${COURSE} as an Open Badges file (JSON)` }).click(),
      downloads,
    );
    const credential = JSON.parse(fs.readFileSync(json, 'utf8')) as { type: string[]; proof: { cryptosuite: string } };
    expect(credential.type).toContain('OpenBadgeCredential');
    expect(credential.proof.cryptosuite).toBe('eddsa-rdfc-2022');

    // Check both files in the app, and a copy with one changed byte.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check a certificate' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check a certificate' })).toBeVisible();
    const input = page.locator('input[type="file"]');
    for (const file of [pdf, json]) {
      await input.setInputFiles(file);
      const verdict = page.locator('.certificate-verdict');
      await expect(verdict.getByRole('heading', { name: 'Valid certificate' })).toBeVisible();
      await expect(verdict).toContainText(`File: ${path.basename(file)}`);
      await expect(verdict.locator('.checked-learner')).toHaveText(NAME);
      await expect(verdict).toContainText(code);
    }
    await expectNoSeriousA11yViolations(page, 'check a certificate');
    const tampered = path.join(downloads, 'tampered.json');
    fs.writeFileSync(tampered, fs.readFileSync(json, 'utf8').replace('Žaneta', 'Žanete'));
    await input.setInputFiles(tampered);
    await expect(page.getByRole('alert').getByRole('heading', { name: 'Changed after it was issued' })).toBeVisible();
    const notCertificate = path.join(downloads, 'notes.json');
    fs.writeFileSync(notCertificate, '{"hello": "world"}');
    await input.setInputFiles(notCertificate);
    await expect(page.getByRole('alert').getByRole('heading', { name: 'Not a certificate Aula can read' })).toBeVisible();

    // The command line gives the same verdict, from the same data folder.
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/certificate.ts', 'verify', pdf, '--data-dir', dataDir], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain(`Learner:           ${NAME}`);
  } finally {
    expect(await aula.stop(), aula.output()).toBe(0);
  }
});

test('anyone can check a certificate from the profile picker, without opening a profile', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  const aula = await startAula(dataDir);
  aulaOrigin.current = aula.origin;
  try {
    await page.goto(aula.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check a certificate' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check a certificate' })).toBeVisible();
    const file = path.join(dataDir, 'empty.pdf');
    fs.writeFileSync(file, '%PDF-1.7\n%%EOF\n');
    await page.locator('input[type="file"]').setInputFiles(file);
    await expect(page.getByRole('alert')).toContainText('this PDF carries no certificate data');
  } finally {
    expect(await aula.stop(), aula.output()).toBe(0);
  }
});
