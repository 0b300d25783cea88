import fs from 'node:fs';
import path from 'node:path';
import { INTERFACE_LANGUAGES, SUPPORTED_LANGUAGES } from '../../electron/contract/channels.js';
import { readCourseManifest } from '../../electron/courses/load-course.js';
import { expect, SAMPLE_FIXTURE_COURSE, startAula, test } from './fixtures/aula-server.js';
import { englishLeftOn, englishPhrases, folderText, leaves, readLocale } from './fixtures/english-check.js';
import { lessonContent } from './fixtures/lesson-frame.js';

/**
 * A learner in each interface language goes from the first-run welcome to the catalog and a lesson
 * with a quiz without meeting an English sentence of the interface. The tests' sample course is read in
 * English here, so the check looks for the interface's own English (fixtures/english-check.ts):
 * every phrase of en.json's values that is on the page, in its text or in the names and hints that
 * assistive technology reads, and is not part of the course itself.
 */

const SAMPLE_COURSE_TEXT = folderText([SAMPLE_FIXTURE_COURSE]);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The title of the sample course's first lesson that embeds a quiz (found by its file rather than
 * a fixed title), as a learner in `language` sees it: from the course's translation into that
 * language once course.yaml lists one, else the main language's.
 */
function lessonWithQuiz(language: string): string {
  const course = SAMPLE_FIXTURE_COURSE;
  const dir = path.join(course, 'lessons');
  const file = fs
    .readdirSync(dir)
    .sort()
    .find((name) => fs.readFileSync(path.join(dir, name), 'utf8').includes('<Quiz '));
  const translated = path.join(course, 'translations', language, 'lessons', file ?? '');
  const listed = readCourseManifest(course).translations.includes(language);
  const source = !file ? '' : fs.readFileSync(listed && fs.existsSync(translated) ? translated : path.join(dir, file), 'utf8');
  return (
    /^title:\s*(.+)$/m
      .exec(source)?.[1]
      ?.trim()
      .replace(/^['"]|['"]$/g, '') ?? ''
  );
}

test('the English check finds the interface’s English phrases on an English page', async ({ page, dataDir, aulaOrigin }) => {
  // Guards the check itself: on the English welcome it must see English, or it could never fail.
  const aula = await startAula(dataDir, { learners: [] });
  aulaOrigin.current = aula.origin;
  try {
    await page.goto(aula.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Aula' })).toBeVisible();
    const found = await englishLeftOn(page, englishPhrases('ca', SAMPLE_COURSE_TEXT));
    expect(found).toEqual(
      expect.arrayContaining(['Create my profile and start', 'Write it exactly as it should appear on a certificate']),
    );
  } finally {
    await aula.stop();
  }
});

for (const language of SUPPORTED_LANGUAGES.filter((code) => code !== 'en')) {
  test(`${INTERFACE_LANGUAGES[language]} (${language}): welcome, catalog and a quiz with no English interface text`, async ({
    page,
    dataDir,
    aulaOrigin,
  }) => {
    const words = leaves(readLocale(language));
    const say = (key: string) => {
      const text = words.get(key);
      if (text === undefined) throw new Error(`${language}.json has no ${key}`);
      return text;
    };
    const phrases = englishPhrases(language, SAMPLE_COURSE_TEXT);
    const aula = await startAula(dataDir, { learners: [] });
    aulaOrigin.current = aula.origin;
    try {
      await page.goto(aula.url);
      await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Aula' })).toBeVisible();
      // The menu lists every language in its own name.
      const menu = page.getByRole('main').getByRole('combobox');
      await expect(menu.locator('option')).toHaveText(SUPPORTED_LANGUAGES.map((code) => INTERFACE_LANGUAGES[code]));
      await menu.selectOption(language);
      await expect(page.getByRole('heading', { level: 1, name: say('profiles.firstRun.title') })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      expect(await englishLeftOn(page, phrases), 'English on the welcome').toEqual([]);

      await page.getByRole('textbox', { name: say('profiles.name') }).fill('Ona Vidal');
      await page.getByRole('button', { name: say('profiles.firstRun.start') }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: say('home.title').replace('{{name}}', 'Ona Vidal') }),
      ).toBeVisible();
      expect(await englishLeftOn(page, phrases), 'English on the home page').toEqual([]);

      await page
        .getByRole('navigation', { name: say('nav.label') })
        .getByRole('link', { name: say('nav.courses'), exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: say('catalog.title') })).toBeVisible();
      expect(await englishLeftOn(page, phrases), 'English in the catalog').toEqual([]);

      await page
        .getByRole('link', { name: lessonWithQuiz(language), exact: true })
        .first()
        .click();
      await expect(page.getByRole('heading', { level: 1, name: lessonWithQuiz(language) })).toBeVisible();
      const question = lessonContent(page).locator('form.question').first();
      await expect(question).toBeVisible();
      // Answer the first question with its first choice and save it: the reply is interface text too.
      await question.getByRole('radio').first().check();
      await question
        .getByRole('button', { name: new RegExp(`^(${escape(say('quiz.save'))}|${escape(say('quiz.check'))})$`) })
        .click();
      await expect(question.getByRole('status')).toBeVisible();
      expect(await englishLeftOn(page, phrases), 'English in the lesson and its quiz').toEqual([]);
    } finally {
      await aula.stop();
    }
  });
}
