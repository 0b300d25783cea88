import fs from 'node:fs';
import Papa from 'papaparse';
import { detectCsvDelimiter, typeCsvRecords, type TypedTable } from '../contract/data-values.js';
import type { YamlValueCache } from '../course-source/yaml-value-cache.js';

/** Course data sets are small tables; a bigger file is refused with a message, not loaded. */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
export const MAX_CSV_ROWS = 10_000;

export class CsvReadError extends Error {}

/** Parses CSV text (`,` or `;` separators, quoted fields, decimal commas) into a typed table. */
export function parseCsvText(text: string): TypedTable {
  const source = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(source, {
    delimiter: detectCsvDelimiter(source),
    skipEmptyLines: 'greedy',
  });
  const fatal = parsed.errors.find((error) => error.type === 'Quotes');
  if (fatal) {
    throw new CsvReadError(`line ${(fatal.row ?? 0) + 1}: ${fatal.message} (a quote "..." is not closed)`);
  }
  if (parsed.data.length === 0) throw new CsvReadError('is empty: it needs a header row with the column names');
  if (parsed.data.length - 1 > MAX_CSV_ROWS) {
    throw new CsvReadError(`has ${parsed.data.length - 1} rows; Aula reads at most ${MAX_CSV_ROWS}`);
  }
  return typeCsvRecords(parsed.data);
}

/**
 * Reads a CSV file of a course's data/ folder. Throws CsvReadError with a reason a trainer can act
 * on. With a cache, a file whose text is unchanged since it was read is not parsed again.
 */
export function readCsvFile(file: string, cache?: YamlValueCache): TypedTable {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new CsvReadError('does not exist');
  }
  if (!stat.isFile()) throw new CsvReadError('is not a file');
  if (stat.size > MAX_CSV_BYTES) throw new CsvReadError(`is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB`);
  const text = fs.readFileSync(file, 'utf8');
  return cache ? cache.remember('csv', text, () => parseCsvText(text)) : parseCsvText(text);
}
