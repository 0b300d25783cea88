/**
 * Writes a translation's copies of a course's CSV files from a values map the translator keeps in
 * `translations/<lang>/data/values.yaml` (docs/translating.md, "Data values"): each text value of
 * the named columns replaced by its translation, everything else (header, numbers, dates, ids, row
 * order) as in the main file. `course check` then compares the copies with the main files.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { detectCsvDelimiter } from '../../electron/contract/data-values.js';
import { DATA_VALUES_FILE } from '../../electron/courses/check/check-translated-data.js';

/** YAML reads `yes:` and `2024:` as text with the yaml package's 1.2 rules; numbers are still text here. */
const ValueText = z.union([z.string(), z.number()]).transform(String);

export const DataValuesSchema = z.strictObject({
  /** The main data/ files to translate (the assets/ copy of one, when identical, is translated too). */
  files: z.array(z.string().regex(/^[^/\\]+\.csv$/, 'must be a CSV file name in data/')).min(1),
  /** Per column name: each main-language value and its translation. */
  columns: z.record(z.string().min(1), z.record(z.string(), ValueText)),
});
export type DataValues = z.infer<typeof DataValuesSchema>;

/** The main CSV text with the mapped columns' values translated; the rest is kept as it is. */
export function translateCsvText(text: string, columns: DataValues['columns']): string {
  const source = text.replace(/^\uFEFF/, '');
  const delimiter = detectCsvDelimiter(source);
  const parsed = Papa.parse<string[]>(source, { delimiter, skipEmptyLines: 'greedy' });
  const [header = [], ...rows] = parsed.data;
  const maps = header.map((name) => columns[name.trim()]);
  const translated = rows.map((row) => row.map((cell, index) => maps[index]?.[cell.trim()] ?? cell));
  const out = Papa.unparse([header, ...translated], { delimiter, newline: '\n' });
  return /\r?\n$/.test(source) ? `${out}\n` : out;
}

export interface TranslatedDataFile {
  /** Relative to the course folder. */
  file: string;
  text: string;
}

/** Every file a translation's values map produces: data/ copies, and assets/ copies of the same files. */
export function translatedDataFiles(courseDir: string, language: string): TranslatedDataFile[] {
  const valuesFile = path.join(courseDir, 'translations', language, 'data', DATA_VALUES_FILE);
  if (!fs.existsSync(valuesFile)) return [];
  const values = DataValuesSchema.parse(parseYaml(fs.readFileSync(valuesFile, 'utf8')));
  return values.files.flatMap((name) => {
    const main = fs.readFileSync(path.join(courseDir, 'data', name), 'utf8');
    const text = translateCsvText(main, values.columns);
    const files = [{ file: `translations/${language}/data/${name}`, text }];
    const asset = path.join(courseDir, 'assets', name);
    // The download copy of a data file (assets/) is the same file, so its translation is too.
    if (fs.existsSync(asset) && fs.readFileSync(asset, 'utf8') === main) {
      files.push({ file: `translations/${language}/assets/${name}`, text });
    }
    return files;
  });
}
