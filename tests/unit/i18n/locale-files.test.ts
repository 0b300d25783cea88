/**
 * Every interface language is complete and shaped like English: the same keys in the same order
 * (so the lead, and volunteers, can lay the files side by side), every plural form its language
 * needs according to `Intl.PluralRules` (which is what i18next uses to pick `_one`, `_few`,
 * `_many`...), the same `{{params}}`, and no sentence left in English.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createInstance, type i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { INTERFACE_LANGUAGES, SUPPORTED_LANGUAGES } from '../../../electron/contract/channels.js';

const folder = path.resolve(import.meta.dirname, '../../../renderer/src/i18n');
type Tree = { [key: string]: string | Tree };
const read = (language: string) => JSON.parse(fs.readFileSync(path.join(folder, `${language}.json`), 'utf8')) as Tree;

/** Leaf keys in file order, e.g. `catalog.lessonCount_one`. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] => {
    const name = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[name, value]] : leaves(value, name);
  });
}

const PLURAL = /^(.*)_(zero|one|two|few|many|other)$/;
const CATEGORY_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** Keys with their plural forms folded together: `catalog.lessonCount` -> ['one', 'other']. */
function shape(tree: Tree): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key] of leaves(tree)) {
    const match = PLURAL.exec(key);
    const base = match?.[1] ?? key;
    const forms = out.get(base) ?? [];
    if (match?.[2]) forms.push(match[2]);
    out.set(base, forms);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1] ?? '');

/** The `{{params}}` a key's forms use, except `count` (a singular may say "one" instead). */
function paramsByKey(tree: Tree): Map<string, string> {
  const out = new Map<string, Set<string>>();
  for (const [key, text] of leaves(tree)) {
    const base = PLURAL.exec(key)?.[1] ?? key;
    const names = out.get(base) ?? new Set<string>();
    for (const name of placeholders(text)) if (name !== 'count') names.add(name);
    out.set(base, names);
  }
  return new Map([...out].map(([key, names]) => [key, [...names].sort().join(',')]));
}

/**
 * Words that stay as they are in every language: product and format names, and the sample code in
 * the SQL editor. A translated value equal to English is fine only when it holds nothing else.
 */
const UNTRANSLATED_WORDS = ['Aula', 'PIN', 'SQL', 'BPMN', 'CSV', 'PDF', 'JSON', 'A4', 'SELECT', 'FROM', 'HTTP', 'MB'];

/** Entries that are rightly spelled as in English in a language (checked by a native speaker). */
const SAME_AS_ENGLISH: Record<string, string[]> = {
  ca: ['callout.warning', 'process.kind.other', 'canvas.block.segments', 'canvas.field.segments.title'],
  es: [],
  fr: [
    'callout.warning',
    'catalog.version',
    'install.version',
    'canvas.block.segments',
    'canvas.field.segments.title',
    'certificates.courseWithVersion',
    // "Menu", "Question", "minute(s)" and "quiz" are the French words.
    'app.menu',
    'reports.question',
    'course.lessonMinutes_one',
    'course.lessonMinutes_other',
    'course.quizzes_one',
  ],
  // "Menu" is the Italian word; "quiz" and "canvas" are the loanwords the rest of the file uses.
  // "Computer" is the Italian word too.
  it: [
    'process.kind.gateway',
    'certificates.checkedFile',
    'app.menu',
    'course.quizzes_one',
    'course.canvases_one',
    'knownPcs.name',
  ],
  // "Menu" is the Dutch word; "quiz" and "canvas" are the loanwords the rest of the file uses.
  // "Computer" is the Dutch word too.
  nl: [
    'callout.tip',
    'process.kind.gateway',
    'process.kind.other',
    'app.menu',
    'course.quizzes_one',
    'course.canvases_one',
    'knownPcs.name',
  ],
  lv: [],
  lt: [],
  sv: [
    'catalog.version',
    'install.version',
    'numberExercise.data',
    'process.kind.gateway',
    'process.kind.other',
    'certificates.courseWithVersion',
    // "quiz" and "canvas" are the loanwords the rest of the Swedish file uses.
    'course.quizzes_one',
    'course.canvases_one',
  ],
};

function onlyUntranslatableWords(text: string): boolean {
  let rest = text.replace(/\{\{[^}]*\}\}/g, ' ');
  for (const word of UNTRANSLATED_WORDS) rest = rest.replaceAll(word, ' ');
  return !/\p{L}/u.test(rest);
}

const english = read('en');
const others = SUPPORTED_LANGUAGES.filter((language) => language !== 'en');

describe('interface language files', () => {
  it('has one file per language in the list, and no file for a language not in it', () => {
    const files = fs
      .readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.replace(/\.json$/, ''))
      .sort();
    expect(files).toEqual([...SUPPORTED_LANGUAGES].sort());
  });

  it('names each language in the list in that language itself', () => {
    // A language's own name is written with its own plural rules' locale: a quick sanity check that
    // nobody typed an English name ("Swedish") into the list.
    for (const [code, name] of Object.entries(INTERFACE_LANGUAGES)) {
      const englishName = new Intl.DisplayNames('en', { type: 'language' }).of(code);
      if (code !== 'en') expect(name, code).not.toBe(englishName);
      expect(name.toLocaleLowerCase(code)).toBe(
        new Intl.DisplayNames(code, { type: 'language' }).of(code)?.toLocaleLowerCase(code),
      );
    }
  });

  for (const language of others) {
    describe(language, () => {
      const translation = read(language);

      it('has exactly the keys of English, in the same order', () => {
        expect([...shape(translation).keys()]).toEqual([...shape(english).keys()]);
      });

      it('has every plural form Intl.PluralRules reports for the language, and no other', () => {
        const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
        const wrong: string[] = [];
        const englishShape = shape(english);
        for (const [key, forms] of shape(translation)) {
          const englishForms = englishShape.get(key) ?? [];
          if (englishForms.length === 0) {
            if (forms.length > 0) wrong.push(`${key}: plural forms where English has none`);
            continue;
          }
          // i18next also looks up `_zero` for a count of 0 in any language: kept where English has it.
          const expected = CATEGORY_ORDER.filter(
            (category) =>
              categories.includes(category as Intl.LDMLPluralRule) || (category === 'zero' && englishForms.includes('zero')),
          );
          if (JSON.stringify(forms) !== JSON.stringify(expected))
            wrong.push(`${key}: has ${forms.join('/')}, needs ${expected.join('/')}`);
        }
        expect(wrong).toEqual([]);
      });

      it('uses the same {{params}} as English in every entry', () => {
        const mine = paramsByKey(translation);
        const mismatched = [...paramsByKey(english)].filter(([key, names]) => mine.get(key) !== names).map(([key]) => key);
        expect(mismatched).toEqual([]);
      });

      it('leaves no entry empty or in English', () => {
        const englishValues = new Map(leaves(english));
        const allowed = new Set(SAME_AS_ENGLISH[language] ?? []);
        const untranslated = leaves(translation)
          .filter(
            ([key, text]) =>
              text.trim() === '' || (text === englishValues.get(key) && !onlyUntranslatableWords(text) && !allowed.has(key)),
          )
          .map(([key]) => key);
        expect(untranslated).toEqual([]);
      });
    });
  }

  describe('through i18next, as the app uses them', () => {
    let i18next: i18n;
    beforeAll(async () => {
      i18next = createInstance();
      await i18next.init({
        resources: Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, { translation: read(language) }])),
        lng: 'en',
        interpolation: { escapeValue: false },
      });
    });

    // Counts that land in every category of the nine languages (Latvian's zero covers 10-20,
    // Lithuanian's few 2-9, many the fractions; ca/es/fr/it's many the millions).
    const COUNTS = [0, 1, 2, 5, 10, 11, 21, 22, 1.5, 1_000_000];

    for (const language of others) {
      it(`${language}: every plural entry has its own text for every count`, () => {
        const missing: string[] = [];
        for (const key of [...shape(english)].filter(([, forms]) => forms.length > 0).map(([key]) => key)) {
          for (const count of COUNTS) if (!i18next.exists(key, { lngs: [language], count })) missing.push(`${key} (${count})`);
        }
        expect(missing).toEqual([]);
      });
    }

    for (const language of others) {
      it(`${language}: a count in each plural category gets that category's own text`, () => {
        const rules = new Intl.PluralRules(language);
        for (const category of rules.resolvedOptions().pluralCategories) {
          const count = COUNTS.find((candidate) => candidate !== 0 && rules.select(candidate) === category);
          if (count === undefined) throw new Error(`no sample count for ${language} ${category}`);
          const form = i18next.getResource(language, 'translation', `catalog.lessonCount_${category}`) as string;
          expect(i18next.t('catalog.lessonCount', { lng: language, count }), `${category} (${count})`).toBe(
            form.replace('{{count}}', String(count)),
          );
        }
      });
    }
  });
});
