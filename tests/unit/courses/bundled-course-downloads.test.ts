import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
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

  it('include the translated data downloads of process-innovation and social-business-models', () => {
    const names = pairs.map((pair) => `${pair.course}/${pair.name}`);
    for (const language of ['ca', 'es']) {
      expect(names).toEqual(
        expect.arrayContaining([
          `process-innovation/translations/${language}/registration-times.csv`,
          `social-business-models/translations/${language}/roda-funding.csv`,
        ]),
      );
    }
  });

  it.each(pairs.map((pair) => [`${pair.course}/assets/${pair.name}`, pair] as const))(
    '%s is the same file as in data/ (assets/ beside it)',
    (_, pair) => {
      expect(fs.readFileSync(pair.asset, 'utf8')).toBe(fs.readFileSync(pair.data, 'utf8'));
    },
  );
});

/**
 * A translation's copy of a downloadable CSV (a template, a data file) is the main file with its
 * words translated: the same header (the column names the lessons explain) and the same cells.
 */
describe("translations' copies of downloadable CSV files in the bundled courses", () => {
  const coursesDir = path.join(REPO_ROOT, 'courses');
  const copies = fs.readdirSync(coursesDir).flatMap((course) => {
    const translations = path.join(coursesDir, course, 'translations');
    if (!fs.existsSync(translations)) return [];
    return fs.readdirSync(translations).flatMap((language) => {
      const assets = path.join(translations, language, 'assets');
      if (!fs.existsSync(assets)) return [];
      return fs
        .readdirSync(assets)
        .filter((name) => name.endsWith('.csv'))
        .map((name) => ({
          label: `${course}/translations/${language}/assets/${name}`,
          copy: path.join(assets, name),
          main: path.join(coursesDir, course, 'assets', name),
        }));
    });
  });
  const shape = (file: string) => {
    const rows = Papa.parse<string[]>(fs.readFileSync(file, 'utf8'), { skipEmptyLines: true }).data;
    return { header: rows[0], cellsPerRow: rows.map((row) => row.length) };
  };

  it('include the templates in Catalan and Spanish', () => {
    expect(copies.map((copy) => copy.label)).toEqual(
      expect.arrayContaining([
        'data-foundations/translations/ca/assets/cleaning-log-template.csv',
        'process-innovation/translations/es/assets/pilot-log-template.csv',
        'social-business-models/translations/ca/assets/indicator-plan-template.csv',
      ]),
    );
  });

  it.each(copies.map((copy) => [copy.label, copy] as const))('%s has the main file’s header and cells', (_, copy) => {
    expect(fs.existsSync(copy.main)).toBe(true);
    expect(shape(copy.copy)).toEqual(shape(copy.main));
  });
});
