/**
 * Every reason the core can give for a failure must read well in each interface language: a
 * reason without `errors.<reason>` in en.json or ca.json fails here, as does a translation that
 * drops or invents a `{{param}}` (a pack refusal must still name the file it is about).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createInstance, type i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_REASONS, SUPPORTED_LANGUAGES } from '../../../electron/contract/channels.js';

const root = path.resolve(import.meta.dirname, '../../..');
type Tree = { [key: string]: string | Tree };
const readLanguage = (language: string) =>
  JSON.parse(fs.readFileSync(path.join(root, 'renderer/src/i18n', `${language}.json`), 'utf8')) as Tree;
const files = Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, readLanguage(language)])) as Record<
  (typeof SUPPORTED_LANGUAGES)[number],
  Tree
>;

/** Leaf keys under `errors`, e.g. `quiz.attempts-used_one`. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of leaves(value, name)) out.set(k, v);
  }
  return out;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

/** Every source file that may name a reason: the core, the scripts, and the renderer's api client. */
function sourceText(): string {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !full.endsWith(path.join('contract', 'error-reasons.ts')))
        texts.push(fs.readFileSync(full, 'utf8'));
    }
  };
  for (const dir of ['electron', 'scripts', 'renderer/src/api']) walk(path.join(root, dir));
  return texts.join('\n');
}

describe('translations of core error reasons', () => {
  let i18next: i18n;
  beforeAll(async () => {
    i18next = createInstance();
    await i18next.init({
      resources: Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, { translation: files[language] }])),
      lng: 'en',
      interpolation: { escapeValue: false },
    });
  });

  for (const language of SUPPORTED_LANGUAGES) {
    it(`${language}.json has errors.<reason> for every reason, in every plural form it needs`, () => {
      const missing = ERROR_REASONS.filter((reason) =>
        // Exists in this language itself (no fallback), for a singular and a plural count alike.
        [1, 5].some((count) => !i18next.exists(`errors.${reason}`, { lngs: [language], count })),
      );
      expect(missing).toEqual([]);
    });

    it(`${language}.json has no errors.* entry for a reason the core does not have`, () => {
      const known = new Set<string>(ERROR_REASONS);
      const stray = [...leaves((files[language].errors as Tree | undefined) ?? {}).keys()].filter(
        (key) => !known.has(key.replace(PLURAL_SUFFIX, '')),
      );
      expect(stray).toEqual([]);
    });
  }

  it('every language names the same {{params}} as English for each reason', () => {
    const english = leaves(files.en.errors as Tree);
    const mismatched: string[] = [];
    for (const language of SUPPORTED_LANGUAGES) {
      const other = leaves(files[language].errors as Tree);
      for (const reason of ERROR_REASONS) {
        const forms = (entries: Map<string, string>) => [...entries].filter(([key]) => key.replace(PLURAL_SUFFIX, '') === reason);
        const names = (entries: Map<string, string>) =>
          [
            ...new Set(
              forms(entries)
                .flatMap(([, text]) => placeholders(text))
                .filter((name) => name !== 'count'),
            ),
          ].sort();
        if (JSON.stringify(names(english)) !== JSON.stringify(names(other))) mismatched.push(`${language}: ${reason}`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it('fills in the params: a Catalan quiz refusal names the quiz and picks the plural', () => {
    const text = i18next.t('errors.quiz.attempts-used', { lng: 'ca', count: 3, title: 'Cooperatives' });
    expect(text).toBe('Ja has fet tots els 3 intents que tenies a «Cooperatives».');
    const pack = i18next.t('errors.pack.checksum-mismatch', { lng: 'ca', entry: 'course/lessons/01.mdx' });
    expect(pack).toContain('«course/lessons/01.mdx»');
  });

  it('lists only reasons something in the source actually gives', () => {
    const source = sourceText();
    const unused = ERROR_REASONS.filter((reason) => !source.includes(`'${reason}'`));
    expect(unused).toEqual([]);
  });
});
