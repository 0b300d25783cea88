import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { INTERFACE_LANGUAGES, SUPPORTED_LANGUAGES } from '../../electron/contract/channels.js';
import { expect, REPO_ROOT, startAula, test } from './fixtures/aula-server.js';
import { lessonContent } from './fixtures/lesson-frame.js';

/**
 * A learner in each interface language goes from the first-run welcome to the catalog and a lesson
 * with a quiz without meeting an English sentence of the interface. Course content is still English,
 * so the check looks for the interface's own English: every phrase of en.json's values (the words
 * between the `{{params}}`) that is on the page, in its text or in the names and hints that assistive
 * technology reads, and is not part of the course itself. A key missing from a language falls back
 * to English in i18next, so it shows up here.
 */

type Tree = { [key: string]: string | Tree };
const I18N = path.join(REPO_ROOT, 'renderer', 'src', 'i18n');
const readLocale = (language: string) => JSON.parse(fs.readFileSync(path.join(I18N, `${language}.json`), 'utf8')) as Tree;

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of leaves(value, name)) out.set(k, v);
  }
  return out;
}

/** Product and format names that every language keeps. */
const ALLOWED = ['Aula', 'SQL', 'BPMN', 'CSV', 'PDF', 'JSON', 'Open Badges', 'PIN', 'A4', 'US Letter', 'SELECT ... FROM ...'];

/** Everything the sample course itself says: its English text is content, not interface. */
function courseText(): string {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(mdx|ya?ml|csv|md)$/.test(entry.name)) texts.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(REPO_ROOT, 'courses', 'sample'));
  return texts.join('\n').toLowerCase();
}

/**
 * The English phrases of the interface worth looking for: two words or more, not a product name,
 * not in the course's own text, and not spelled the same in the language under test (French also
 * says "version {{version}}").
 */
function englishPhrases(language: string): string[] {
  const english = leaves(readLocale('en'));
  const translated = leaves(readLocale(language));
  const course = courseText();
  const phrases = new Set<string>();
  for (const [key, text] of english) {
    const own = translated.get(key) ?? '';
    for (const piece of text.split(/\{\{[^}]*\}\}/)) {
      let phrase = piece.trim().replace(/^[\s(“"«:;,.–-]+|[\s)”"»:;,.…–-]+$/g, '');
      for (const word of ALLOWED) if (phrase === word) phrase = '';
      if (phrase.split(/\s+/).length < 2 || phrase.length < 8) continue;
      if (own.includes(phrase) || course.includes(phrase.toLowerCase())) continue;
      phrases.add(phrase);
    }
  }
  return [...phrases];
}

/**
 * The visible text and the accessible names, descriptions and placeholders of the page and of
 * every frame in it (the lesson runs in a sandboxed frame of its own, with its quiz).
 */
async function interfaceText(page: Page): Promise<string> {
  const texts = await Promise.all(
    page.frames().map((frame) =>
      frame.evaluate(() => {
        const attributes = [...document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')].flatMap((element) =>
          ['aria-label', 'placeholder', 'title', 'alt'].map((name) => element.getAttribute(name) ?? ''),
        );
        return [document.title, document.body.innerText, ...attributes].join('\n');
      }),
    ),
  );
  return texts.join('\n');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function englishLeftOn(page: Page, phrases: string[]): Promise<string[]> {
  const text = await interfaceText(page);
  return phrases.filter((phrase) => text.includes(phrase));
}

const lessonWithQuiz = (() => {
  // The sample course's first lesson that embeds a quiz, found by its file rather than a fixed title.
  const dir = path.join(REPO_ROOT, 'courses', 'sample', 'lessons');
  const file = fs
    .readdirSync(dir)
    .sort()
    .find((name) => fs.readFileSync(path.join(dir, name), 'utf8').includes('<Quiz '));
  const source = file ? fs.readFileSync(path.join(dir, file), 'utf8') : '';
  return (
    /^title:\s*(.+)$/m
      .exec(source)?.[1]
      ?.trim()
      .replace(/^['"]|['"]$/g, '') ?? ''
  );
})();

test('the English check finds the interface’s English phrases on an English page', async ({ page, dataDir, aulaOrigin }) => {
  // Guards the check itself: on the English welcome it must see English, or it could never fail.
  const aula = await startAula(dataDir, { learners: [] });
  aulaOrigin.current = aula.origin;
  try {
    await page.goto(aula.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Aula' })).toBeVisible();
    const found = await englishLeftOn(page, englishPhrases('ca'));
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
    const phrases = englishPhrases(language);
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

      await page.getByRole('link', { name: lessonWithQuiz, exact: true }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: lessonWithQuiz })).toBeVisible();
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
