import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPack } from '../../electron/courses/pack/build-pack.js';
import { generateSigningKey, readSigningKey } from '../../electron/crypto/signing-keys.js';
import { expect, SAMPLE_FIXTURE_COURSE, startAula, test } from './fixtures/aula-server.js';
import { chooseProfile, goToCourses } from './fixtures/profiles.js';
import { lessonContent, readToTheEnd } from './fixtures/lesson-frame.js';
import { answerQuizWithKeyboard } from './fixtures/quiz-answers.js';
import { readSampleQuizzes } from './fixtures/sample-quizzes.js';

/** A signed pack of a copy of the sample course under another id, as a partner would hand out. */
async function makePack(dir: string, options: { id: string; version: string; signed: boolean }): Promise<string> {
  const courseDir = path.join(dir, `${options.id}-${options.version}`);
  fs.cpSync(SAMPLE_FIXTURE_COURSE, courseDir, { recursive: true });
  const manifest = path.join(courseDir, 'course.yaml');
  fs.writeFileSync(
    manifest,
    fs
      .readFileSync(manifest, 'utf8')
      .replace('id: sample', `id: ${options.id}`)
      .replace('version: 1.0.0', `version: ${options.version}`)
      .replace('title: Getting started with data in your organisation', 'title: Volunteer rotas that work'),
  );
  let key;
  if (options.signed) {
    const keyFile = path.join(dir, 'key.json');
    if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, generateSigningKey('Coop Ñandú').privateFile);
    key = readSigningKey(keyFile);
  }
  const { bytes } = await buildPack(courseDir, { key, cacheDir: path.join(dir, 'cache') });
  const file = path.join(dir, `${options.id}-${options.version}${options.signed ? '' : '-unsigned'}.aulapack`);
  fs.writeFileSync(file, bytes);
  return file;
}

test('a learner installs a signed pack from a file, trusting its signer, then a newer version, then uninstalls it', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-packs-'));
  const v1 = await makePack(workDir, { id: 'volunteer-rotas', version: '1.0.0', signed: true });
  const v2 = await makePack(workDir, { id: 'volunteer-rotas', version: '1.1.0', signed: true });
  const aula = await startAula(dataDir);
  aulaOrigin.current = aula.origin;
  try {
    await page.goto(aula.url);
    await chooseProfile(page, 'Learner');
    await goToCourses(page);

    await page.getByLabel('Choose a course pack…').setInputFiles(v1);
    const dialog = page.getByRole('dialog', { name: 'Install “Volunteer rotas that work”?' });
    await expect(dialog).toContainText('Signed by Coop Ñandú');
    await expect(dialog).toContainText('has not installed packs from Coop Ñandú before');
    await dialog.getByRole('button', { name: 'Trust and install' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Installed “Volunteer rotas that work”, version 1.0.0.' }),
    ).toBeVisible();
    const card = page.getByRole('article', { name: 'Volunteer rotas that work' });
    await expect(card).toContainText('signed by Coop Ñandú');

    // The installed course opens without compiling anything, from the data folder.
    await card.getByRole('link', { name: 'The data your organisation already has' }).click();
    await expect(lessonContent(page).getByRole('heading', { level: 2, name: 'Data is already part of your work' })).toBeVisible();
    // Passing the lesson's quiz completes it (the lesson has a quiz, so there is no button).
    await answerQuizWithKeyboard(page, readSampleQuizzes().get('data-sources-check')!);
    await readToTheEnd(page);
    await expect(page.getByText('You have completed this lesson.')).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }).click();

    // A newer version, dropped onto the window: the signer is trusted now, and progress stays.
    const dataTransfer = await page.evaluateHandle((base64) => {
      const transfer = new DataTransfer();
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], 'volunteer-rotas-1.1.0.aulapack'));
      return transfer;
    }, fs.readFileSync(v2).toString('base64'));
    await page.dispatchEvent('main', 'dragover', { dataTransfer });
    await page.dispatchEvent('main', 'drop', { dataTransfer });
    const update = page.getByRole('dialog', { name: 'Install “Volunteer rotas that work”?' });
    await expect(update).toContainText('This computer already trusts this signer.');
    await expect(update).toContainText('It replaces the installed version 1.0.0');
    await update.getByRole('button', { name: 'Install', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'version 1.1.0' })).toContainText('It replaces version 1.0.0');
    await expect(card).toContainText('version 1.1.0');
    await expect(card.getByRole('listitem').filter({ hasText: 'The data your organisation already has' })).toContainText(
      'Completed',
    );

    // Uninstalling asks first; the bundled course cannot be uninstalled at all.
    await expect(
      page.getByRole('article', { name: 'Getting started with data in your organisation' }).getByRole('button'),
    ).toHaveCount(0);
    await card.getByRole('button', { name: 'Uninstall Volunteer rotas that work…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Uninstall “Volunteer rotas that work”?' });
    await expect(confirm).toContainText("Learners' progress in it is kept");
    await confirm.getByRole('button', { name: 'Uninstall' }).click();
    await expect(card).toHaveCount(0);
    expect(fs.existsSync(path.join(dataDir, 'courses', 'volunteer-rotas'))).toBe(false);
  } finally {
    await aula.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
});

test('bad packs are refused with a message, and unsigned packs need the developer option', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-packs-'));
  const unsigned = await makePack(workDir, { id: 'volunteer-rotas', version: '1.0.0', signed: false });
  const notAPack = path.join(workDir, 'holiday-photo.aulapack');
  fs.writeFileSync(notAPack, 'not a zip file at all');
  const aula = await startAula(dataDir);
  aulaOrigin.current = aula.origin;
  try {
    await page.goto(aula.url);
    await chooseProfile(page, 'Learner');
    await goToCourses(page);
    const chooser = page.getByLabel('Choose a course pack…');

    await chooser.setInputFiles(notAPack);
    await expect(page.getByRole('alert')).toContainText('Not installed: This file is not an Aula course pack');

    await chooser.setInputFiles(unsigned);
    await expect(page.getByRole('alert')).toContainText('This course pack is not signed');

    await page.getByText('Developer options', { exact: true }).click();
    await page.getByLabel('Allow unsigned course packs').check();
    await chooser.setInputFiles(unsigned);
    const dialog = page.getByRole('dialog', { name: 'Install “Volunteer rotas that work”?' });
    await expect(dialog).toContainText('This pack is not signed');
    await dialog.getByRole('button', { name: 'Install', exact: true }).click();
    await expect(page.getByRole('article', { name: 'Volunteer rotas that work' })).toContainText('unsigned');
    await expect(page.getByRole('heading', { level: 1, name: 'Courses' })).toBeVisible();
  } finally {
    await aula.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
});

test('only a manager is offered installing courses and developer options, and can make another person a manager', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  // The first profile on a data folder manages it; the second is a learner.
  const aula = await startAula(dataDir, { learners: ['Montse', 'Jonas'] });
  aulaOrigin.current = aula.origin;
  try {
    await page.goto(aula.url);
    await chooseProfile(page, 'Jonas');
    await goToCourses(page);
    await expect(page.getByRole('article').first()).toBeVisible();
    await expect(page.getByLabel('Choose a course pack…')).toHaveCount(0);
    await expect(page.getByText('Developer options', { exact: true })).toHaveCount(0);

    await page.getByRole('button', { name: 'Switch profile' }).click();
    await chooseProfile(page, 'Montse');
    await goToCourses(page);
    await expect(page.getByLabel('Choose a course pack…')).toBeVisible();
    await page.getByText('Who manages Aula on this computer', { exact: true }).click();
    await expect(page.getByLabel('Montse manages Aula')).toBeChecked();
    await expect(page.getByLabel('Montse manages Aula')).toBeDisabled();
    const jonas = page.getByLabel('Jonas manages Aula');
    const stored = page.waitForResponse((response) => response.url().endsWith('/api/learners.setManager') && response.ok());
    // The box follows the core's answer, not the click.
    await jonas.click();
    await stored;
    await expect(jonas).toBeChecked();

    await page.getByRole('button', { name: 'Switch profile' }).click();
    await chooseProfile(page, 'Jonas');
    await goToCourses(page);
    await expect(page.getByLabel('Choose a course pack…')).toBeVisible();
    await expect(page.getByText('Developer options', { exact: true })).toBeVisible();
  } finally {
    await aula.stop();
  }
});
