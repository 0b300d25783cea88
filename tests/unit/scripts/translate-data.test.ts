import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translateCsvText, translatedDataFiles } from '../../../scripts/course/translate-data.js';
import { REPO_ROOT } from '../../helpers/temp-dir.js';

describe('course translate-data', () => {
  it('translates the mapped columns only, keeping the header, numbers, dates and unmapped values', () => {
    const main = 'id,start,workshop,hours,status\nP-1,2024-01-08,Gardening,15,active\nP-2,March 2024,Garden,20h,left\n';
    const translated = translateCsvText(main, {
      workshop: { Gardening: 'Jardineria', Garden: 'Jardí' },
      status: { active: 'activa' },
      start: { 'March 2024': 'març 2024' },
    });
    expect(translated).toBe(
      'id,start,workshop,hours,status\nP-1,2024-01-08,Jardineria,15,activa\nP-2,març 2024,Jardí,20h,left\n',
    );
  });

  it('quotes a translated value that holds the separator', () => {
    expect(translateCsvText('a,b\n1,x\n', { b: { x: 'y, z' } })).toBe('a,b\n1,"y, z"\n');
  });

  // The committed CSVs are what the values maps give: a translator's edit of one without the other shows here.
  const coursesDir = path.join(REPO_ROOT, 'courses');
  const generated = fs.readdirSync(coursesDir).flatMap((course) => {
    const translations = path.join(coursesDir, course, 'translations');
    if (!fs.existsSync(translations)) return [];
    return fs
      .readdirSync(translations)
      .flatMap((language) => translatedDataFiles(path.join(coursesDir, course), language).map((entry) => ({ course, ...entry })));
  });

  it('has values maps for the data of data-foundations in every translation', () => {
    const files = generated.filter((entry) => entry.course === 'data-foundations').map((entry) => entry.file);
    for (const language of ['ca', 'es', 'it', 'fr', 'nl', 'lv', 'lt', 'sv']) {
      expect(files).toEqual(
        expect.arrayContaining([
          `translations/${language}/data/trainees-raw.csv`,
          `translations/${language}/assets/trainees-clean.csv`,
        ]),
      );
    }
  });

  it.each(generated.map((entry) => [`${entry.course}/${entry.file}`, entry] as const))(
    '%s is what its values.yaml gives',
    (_, entry) => {
      expect(fs.readFileSync(path.join(coursesDir, entry.course, entry.file), 'utf8')).toBe(entry.text);
    },
  );
});
