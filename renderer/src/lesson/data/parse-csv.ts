// Imported by unit tests too (type-checked as Node code there), hence the .js extension below.
import Papa from 'papaparse';
import { detectCsvDelimiter, typeCsvRecords, type TypedTable } from '../../../../electron/contract/data-values.js';

/**
 * Parses a course's CSV text for DataTable and Chart, with the same rules the core uses for SQL
 * tables (electron/exercises/read-csv-table.ts): `,` or `;` separators, quoted fields, decimal
 * commas. Loaded on demand, so lessons without data never download papaparse.
 */
export function parseCsv(text: string): TypedTable {
  const source = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(source, { delimiter: detectCsvDelimiter(source), skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.find((error) => error.type === 'Quotes');
  if (fatal) throw new Error(`line ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  return typeCsvRecords(parsed.data);
}
