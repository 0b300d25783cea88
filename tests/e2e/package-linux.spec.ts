/**
 * The linux-x64 package as a learner's PC gets it: built with `npm run package`, extracted outside
 * the checkout, and started by its own launcher with no `node` on PATH and an empty HOME. The whole
 * journey runs against it: first-run welcome, a bundled lesson, an answer, a restart that keeps
 * it, a certificate; no request leaves the app's origin (the fixture checks). It is about the
 * package as shipped, so it uses the bundled courses (courses/) that the package carries.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callApi, pageSession, rightAnswer } from './fixtures/api-answers.js';
import { callChannel, expect, test } from './fixtures/aula-server.js';
import { bareEnvironment, buildPackage, extractTarGz, startInstalledAula } from './fixtures/installed-package.js';
import { chooseProfile, createFirstProfile, goToCourses } from './fixtures/profiles.js';
import { readBundledCourse } from './fixtures/course-files.js';
import { lessonContent } from './fixtures/lesson-frame.js';

const VERSION = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version;
const NAME = 'Līga Bērziņa';
const COURSE = 'Getting started with data in your organisation';
const LESSON = 'The data your organisation already has';

let outDir = '';
let packageRoot = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-package-out-'));
  buildPackage('linux-x64', outDir);
  packageRoot = extractTarGz(path.join(outDir, `Aula-${VERSION}-linux-x64.tar.gz`));
});

test.afterAll(() => {
  for (const dir of [outDir, packageRoot && path.dirname(packageRoot)]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('the installed linux-x64 package runs the whole journey on its own Node, with nothing installed', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  test.setTimeout(240_000);
  const env = bareEnvironment();
  expect(spawnSync('/bin/sh', ['-c', 'command -v node'], { env }).status, 'node must not be on PATH').not.toBe(0);
  expect(fs.readdirSync(env.HOME!)).toEqual([]);
  const args = ['--no-open', '--port', '0', '--data-dir', dataDir];

  const first = await startInstalledAula(packageRoot, args, env, { learners: [] });
  aulaOrigin.current = first.origin;
  try {
    await page.goto(first.url);
    await createFirstProfile(page, NAME);
    await goToCourses(page);
    const course = page.getByRole('article', { name: COURSE });
    await course.getByRole('link', { name: LESSON }).click();
    const lesson = lessonContent(page);
    await expect(lesson.getByRole('heading', { level: 2, name: 'Data is already part of your work' })).toBeVisible();
    const personal = lesson.getByRole('form', { name: /Which of these records is personal data under the GDPR\?/ });
    await personal.getByLabel('The opening hours of the food bank').check();
    await personal.getByRole('button', { name: 'Check answer' }).click();
    await expect(personal.getByRole('status')).toContainText('Answer saved');
  } finally {
    expect(await first.stop(), first.output()).toBe(0);
  }
  // The bundled lessons came precompiled: nothing was compiled (the package has no compiler).
  expect(first.output()).not.toContain('Course not loaded');

  const second = await startInstalledAula(packageRoot, args, env, { learners: [] });
  aulaOrigin.current = second.origin;
  try {
    await page.goto(second.url);
    await chooseProfile(page, NAME);
    await goToCourses(page);
    await page.getByRole('article', { name: COURSE }).getByRole('link', { name: LESSON }).click();
    const lesson = lessonContent(page);
    await expect(lesson.getByLabel('The opening hours of the food bank')).toBeChecked();
    await expect(lesson.getByRole('status').filter({ hasText: 'Not quite.' })).toContainText('Answer saved');

    // Complete the course (every lesson opened, every quiz passed), then take the certificate in the app.
    const session = await pageSession(page);
    if (!session) throw new Error('the page has no open session');
    for (const lessonId of ['data-you-already-have', 'reading-a-table', 'describing-figures']) {
      await page.goto(`${second.origin}/#/courses/sample/lessons/${lessonId}`);
      await expect(page.locator('article.lesson')).toBeVisible();
    }
    for (const [quizId, key] of readBundledCourse('sample').quizzes) {
      const shown = await callApi(page, 'quiz.get', { session, courseId: 'sample', quizId });
      for (const question of key.questions) {
        // A question answered right, or closed, stays; one answered wrong with tries left gets its right answer.
        const saved = shown.answers.find((answer) => answer.questionId === question.id);
        if (saved && (saved.result?.correct || saved.triesLeft === 0)) continue;
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
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My learning' }).click();
    const completed = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: COURSE }) });
    await completed.getByRole('button', { name: `Get your certificate for ${COURSE}` }).click();
    await expect(completed.getByRole('status')).toContainText(`Your certificate for “${COURSE}” is ready.`);
    await completed.getByRole('link', { name: 'See my certificates' }).click();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: COURSE }) });
    await expect(card).toContainText(NAME);
    const certificates = await callChannel(second, 'certificates.list', { session });
    expect(certificates).toHaveLength(1);
  } finally {
    expect(await second.stop(), second.output()).toBe(0);
  }
  // Everything stayed in the data folder named on the command line; HOME was not touched.
  expect(fs.existsSync(path.join(dataDir, 'aula.sqlite'))).toBe(true);
  expect(fs.readdirSync(env.HOME!)).toEqual([]);
  fs.rmSync(path.dirname(env.HOME!), { recursive: true, force: true });
});

test('an installed copy keeps data in the per-user folder, and a newer version installed over it finds it all', async ({
  page,
  aulaOrigin,
}) => {
  test.setTimeout(120_000);
  const env = bareEnvironment();
  const userData = path.join(env.HOME!, '.config', 'Aula');
  const old = await startInstalledAula(packageRoot, ['--no-open', '--port', '0'], env, { learners: [NAME] });
  aulaOrigin.current = old.origin;
  try {
    await page.goto(old.url);
    await chooseProfile(page, NAME);
  } finally {
    expect(await old.stop(), old.output()).toBe(0);
  }
  expect(fs.existsSync(path.join(userData, 'aula.sqlite'))).toBe(true);

  // The update: the install folder is replaced by a newer version's files, as an installer does.
  const installed = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-update-'));
  try {
    const update = path.join(installed, 'Aula');
    fs.cpSync(packageRoot, update, { recursive: true });
    const appPackage = path.join(update, 'app', 'package.json');
    const manifest = JSON.parse(fs.readFileSync(appPackage, 'utf8')) as { version: string };
    fs.writeFileSync(appPackage, JSON.stringify({ ...manifest, version: `${manifest.version}-update` }));
    const updated = await startInstalledAula(update, ['--no-open', '--port', '0'], env, { learners: [] });
    aulaOrigin.current = updated.origin;
    try {
      expect(await callChannel(updated, 'learners.list', {})).toEqual([expect.objectContaining({ displayName: NAME })]);
      await page.goto(updated.url);
      await chooseProfile(page, NAME);
    } finally {
      expect(await updated.stop(), updated.output()).toBe(0);
    }
  } finally {
    fs.rmSync(installed, { recursive: true, force: true });
    fs.rmSync(path.dirname(env.HOME!), { recursive: true, force: true });
  }
});
