/**
 * How Aula reads the numbers and tables that people write: cells of a course's CSV files and the
 * numbers learners type. The core (grading, SQL tables) and the renderer (DataTable, Chart, input
 * checks) both use this one module, so a value never means one thing on screen and another when
 * graded. Pure functions, no imports, like the rest of the contract.
 */

export type CellValue = string | number | null;
export type ColumnType = 'number' | 'text';

export interface TypedColumn {
  name: string;
  type: ColumnType;
}

/** A CSV file once read: named columns, and rows whose number columns hold numbers. */
export interface TypedTable {
  columns: TypedColumn[];
  rows: CellValue[][];
}

// A CSV cell that is a number: an optional sign, digits, at most one decimal point or decimal
// comma, an optional exponent. No thousands separators: in a CSV file "1.234" is ambiguous.
const CSV_NUMBER = /^[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?$/;
// "08001" is a postcode or an id, not the number 8001: a leading zero keeps a column as text.
const LEADING_ZERO = /^[-+]?0\d/;

/** A CSV cell as a number (`10,5` and `10.5` alike), or null when it is not one. */
export function parseCsvNumber(cell: string): number | null {
  const text = cell.trim();
  if (!CSV_NUMBER.test(text) || LEADING_ZERO.test(text)) return null;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/**
 * Turns parsed CSV records (the first is the header) into a typed table. A column whose every
 * non-empty cell is a number becomes a number column; empty cells become null. Header names are
 * trimmed; empty or repeated names get a position-based name so every column can be addressed.
 */
export function typeCsvRecords(records: string[][]): TypedTable {
  const [header = [], ...body] = records;
  const seen = new Set<string>();
  const names = header.map((raw, index) => {
    let name = raw.trim() || `column_${index + 1}`;
    while (seen.has(name.toLowerCase())) name = `${name}_${index + 1}`;
    seen.add(name.toLowerCase());
    return name;
  });
  const width = names.length;
  const cells = body
    .filter((record) => record.some((cell) => cell.trim() !== ''))
    .map((record) => Array.from({ length: width }, (_, index) => (record[index] ?? '').trim()));
  const columns: TypedColumn[] = names.map((name, index) => {
    const filled = cells.map((row) => row[index] ?? '').filter((cell) => cell !== '');
    const numeric = filled.length > 0 && filled.every((cell) => parseCsvNumber(cell) !== null);
    return { name, type: numeric ? 'number' : 'text' };
  });
  const rows = cells.map((row) =>
    row.map((cell, index): CellValue => {
      if (cell === '') return null;
      return columns[index]?.type === 'number' ? parseCsvNumber(cell) : cell;
    }),
  );
  return { columns, rows };
}

/**
 * A number as a learner may type it: `395.67`, `395,67`, `1,234.5`, `1.234,5`, `1 234,5`,
 * `−3`, `8.42 %` or `8.42%`, optionally followed by the expected unit. Returns null when the text
 * is not one number. With a single comma or point and no other separator, it is the decimal
 * separator: "10,5" is ten and a half, as Catalan and most European learners write it.
 */
export function parseWrittenNumber(input: string, unit?: string | null): number | null {
  let text = input
    .normalize('NFKC')
    .trim()
    .replace(/\u2212/g, '-');
  if (unit) {
    const trimmedUnit = unit.trim();
    if (trimmedUnit && text.toLowerCase().endsWith(trimmedUnit.toLowerCase())) {
      text = text.slice(0, text.length - trimmedUnit.length).trim();
    }
  }
  text = text.replace(/%$/, '').trim();
  // Spaces (ordinary, no-break, thin) group thousands: "1 234,5".
  text = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^[-+]?[\d.,]+(?:[eE][-+]?\d+)?$/.test(text) || !/\d/.test(text)) return null;
  const lastComma = text.lastIndexOf(',');
  const lastPoint = text.lastIndexOf('.');
  let normalised: string;
  if (lastComma >= 0 && lastPoint >= 0) {
    // Both separators: the later one is the decimal separator, the other groups thousands.
    const decimal = lastComma > lastPoint ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const [whole = '', fraction = '', ...extra] = text.split(decimal);
    if (extra.length > 0 || fraction.includes(group) || !validGrouping(whole, group)) return null;
    normalised = `${whole.split(group).join('')}.${fraction}`;
  } else {
    const separator = lastComma >= 0 ? ',' : lastPoint >= 0 ? '.' : null;
    const parts = separator ? text.split(separator) : [text];
    if (parts.length > 2) {
      // "1,234,567" or "1.234.567": the separator groups thousands.
      if (!separator || !validGrouping(text, separator)) return null;
      normalised = parts.join('');
    } else {
      normalised = parts.join('.');
    }
  }
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

/** "1.234.567" groups digits by three after the first group; "12.34.5" does not. */
function validGrouping(text: string, group: string): boolean {
  const groups = text.replace(/^[-+]/, '').split(group);
  if (groups.length === 1) return /^\d+$/.test(groups[0] ?? '');
  return /^\d{1,3}$/.test(groups[0] ?? '') && groups.slice(1).every((part) => /^\d{3}$/.test(part));
}

/**
 * The separator of a CSV file, read from its header line: `;` (what spreadsheets write where the
 * comma is the decimal separator), a tab, or `,`. The header decides because data rows may hold
 * decimal commas while column names practically never do.
 */
export function detectCsvDelimiter(text: string): ',' | ';' | '\t' {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  if (outsideQuotes.includes(';')) return ';';
  if (outsideQuotes.includes('\t')) return '\t';
  return ',';
}
