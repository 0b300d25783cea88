import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/temp-dir.js';

/**
 * Spreadsheet exercises offer their data file for download from assets/ (Download only serves
 * assets), while the exercise and its table read the same file from data/. The two copies must
 * stay identical, or the learner would compute from different data than the answer key.
 */
describe('data files offered for download in the bundled courses', () => {
  const coursesDir = path.join(REPO_ROOT, 'courses');
  // The main language's folders, and each translation's (translations/<lang>/assets and data).
  const folders = fs.readdirSync(coursesDir).flatMap((course) => {
    const translations = path.join(coursesDir, course, 'translations');
    const languages = fs.existsSync(translations) ? fs.readdirSync(translations) : [];
    return [
      { course, prefix: '', dir: path.join(coursesDir, course) },
      ...languages.map((language) => ({
        course,
        prefix: `translations/${language}/`,
        dir: path.join(translations, language),
      })),
    ];
  });
  const pairs = folders.flatMap(({ course, prefix, dir }) => {
    const assets = path.join(dir, 'assets');
    const data = path.join(dir, 'data');
    if (!fs.existsSync(assets) || !fs.existsSync(data)) return [];
    return fs
      .readdirSync(assets)
      .filter((name) => name.endsWith('.csv') && fs.existsSync(path.join(data, name)))
      .map((name) => ({ course, name: `${prefix}${name}`, asset: path.join(assets, name), data: path.join(data, name) }));
  });

  it('include the spreadsheet exercises of data-foundations', () => {
    expect(pairs.filter((pair) => pair.course === 'data-foundations').map((pair) => pair.name)).toEqual(
      expect.arrayContaining(['trainees-clean.csv', 'repairs-2024.csv', 'translations/ca/trainees-clean.csv']),
    );
  });

  it.each(pairs.map((pair) => [`${pair.course}/assets/${pair.name}`, pair] as const))(
    '%s is the same file as in data/ (assets/ beside it)',
    (_, pair) => {
      expect(fs.readFileSync(pair.asset, 'utf8')).toBe(fs.readFileSync(pair.data, 'utf8'));
    },
  );
});
