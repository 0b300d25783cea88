/**
 * `course check` for a translation's CSV files (`translations/<lang>/data/<same name>.csv`) and the
 * SQL exercises that query them. A translated table must be the main table with its words changed:
 * the same header and rows, the same numbers and dates, and each text value of a column translated
 * the same way wherever it appears (and no two values made one, or a GROUP BY would merge them).
 * A translated SQL exercise must then give the main exercise's result once its values are
 * translated, so a learner reading either language is graded on the same answer.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CellValue, TypedTable } from '../../contract/data-values.js';
import type { SqlTableSource } from '../../sql-runner/sql-tables.js';
import type { SqlExerciseDefinition } from '../../exercises/exercise-definition.js';
import { compareResults } from '../../exercises/grade-sql.js';
import { CsvReadError, parseCsvText, readCsvFile } from '../../exercises/read-csv-table.js';
import { runSqlQueries } from '../../exercises/run-sql.js';
import { parseCsvNumber } from '../../contract/data-values.js';
import { translatedFile } from '../translations/load-translations.js';
import type { CheckReport } from './check-report.js';
import { csvCellPositions, type CellPosition } from './csv-cell-positions.js';

/** A translation's values map (`translations/<lang>/data/values.yaml`), read by `course translate-data`. */
export const DATA_VALUES_FILE = 'values.yaml';

/** The check runs the solutions of a course on the trainer's PC: longer than a learner's limit. */
const CHECK_TIME_LIMIT_MS = 30_000;

/** Per column: each main-language text value and the one value the translation gives it. */
export type ColumnValueMaps = Map<string, Map<string, string>>;

// Dates as course data writes them (2024-03-18, 2024-10, 18/03/2024): the same in every language.
const DATE_TEXT = /^(?:\d{4}-\d{2}(?:-\d{2})?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})$/;

/** A cell that is not words: numbers, empty cells and dates stay as they are in a translation. */
function isFixed(value: CellValue): boolean {
  return value === null || typeof value === 'number' || parseCsvNumber(value) !== null || DATE_TEXT.test(value.trim());
}

function shown(value: CellValue): string {
  if (value === null) return '(empty)';
  return typeof value === 'number' ? String(value) : `"${value}"`;
}

/**
 * Compares one translated CSV file with the main one and reports each difference at its cell.
 * Returns the value maps of its text columns, or undefined when the file has a problem (so the
 * exercises on it are not also reported).
 */
export function checkTranslatedTable(
  main: TypedTable,
  translatedText: string,
  file: string,
  report: CheckReport,
): ColumnValueMaps | undefined {
  let translated: TypedTable;
  try {
    translated = parseCsvText(translatedText);
  } catch (error) {
    if (!(error instanceof CsvReadError)) throw error;
    report.error(file, 1, 1, error.message);
    return undefined;
  }
  const positions = csvCellPositions(translatedText);
  const at = (row: number, column: number): CellPosition =>
    positions[row + 1]?.[column] ?? { line: Math.min(row + 2, positions.length || 1), column: 1 };
  const mainHeader = main.columns.map((column) => column.name);
  const header = translated.columns.map((column) => column.name);
  if (header.join('\0') !== mainHeader.join('\0')) {
    report.error(file, 1, 1, `the header must be the main file's (${mainHeader.join(', ')}), not ${header.join(', ')}`);
    return undefined;
  }
  if (translated.rows.length !== main.rows.length) {
    const last = at(translated.rows.length - 1, 0);
    report.error(
      file,
      last.line,
      1,
      `has ${translated.rows.length} rows; the main file has ${main.rows.length} (the same rows, in the same order)`,
    );
    return undefined;
  }
  const errorsBefore = report.errorCount;
  const maps: ColumnValueMaps = new Map(mainHeader.map((name) => [name, new Map<string, string>()]));
  const firstSeen = new Map<string, CellPosition>();
  const reverse = new Map(mainHeader.map((name) => [name, new Map<string, string>()]));
  main.rows.forEach((mainRow, row) => {
    mainHeader.forEach((name, column) => {
      const value = mainRow[column] ?? null;
      const words = translated.rows[row]?.[column] ?? null;
      const where = at(row, column);
      if (isFixed(value) || isFixed(words)) {
        if (value !== words) {
          report.error(
            file,
            where.line,
            where.column,
            `${name}: ${shown(words)} should be ${shown(value)} as in the main file (numbers, dates and empty cells stay the same)`,
          );
        }
        return;
      }
      const mainText = String(value);
      const text = String(words);
      const map = maps.get(name) as Map<string, string>;
      const back = reverse.get(name) as Map<string, string>;
      const before = map.get(mainText);
      if (before !== undefined && before !== text) {
        const first = firstSeen.get(`${name}\0${mainText}`);
        report.error(
          file,
          where.line,
          where.column,
          `${name}: "${mainText}" is translated two ways, "${before}"${first ? ` (line ${first.line})` : ''} and "${text}"`,
        );
        return;
      }
      const otherMain = back.get(text);
      if (otherMain !== undefined && otherMain !== mainText) {
        report.error(
          file,
          where.line,
          where.column,
          `${name}: "${text}" stands for both "${otherMain}" and "${mainText}" of the main file; give them different words`,
        );
        return;
      }
      if (before === undefined) {
        map.set(mainText, text);
        back.set(text, mainText);
        firstSeen.set(`${name}\0${mainText}`, where);
      }
    });
  });
  return report.errorCount === errorsBefore ? maps : undefined;
}

/**
 * Checks every CSV file of a translation's data/ folder that has a main copy. Returns the value
 * maps by file name (inside data/), for the SQL exercises' check: null for a file with problems.
 */
export function checkTranslatedDataFiles(
  courseDir: string,
  language: string,
  report: CheckReport,
): Map<string, ColumnValueMaps | null> {
  const found = new Map<string, ColumnValueMaps | null>();
  const dataDir = path.join(courseDir, translatedFile(language, 'data'));
  const names = fs.existsSync(dataDir) ? listCsvFiles(dataDir) : [];
  for (const name of names) {
    const mainFile = path.join(courseDir, 'data', ...name.split('/'));
    if (!fs.existsSync(mainFile)) continue;
    let main: TypedTable;
    try {
      main = readCsvFile(mainFile);
    } catch {
      continue; // The main file's own problem is reported by the main check.
    }
    const file = translatedFile(language, `data/${name}`);
    const maps = checkTranslatedTable(main, fs.readFileSync(path.join(courseDir, file), 'utf8'), file, report);
    found.set(name, maps ?? null);
  }
  return found;
}

function listCsvFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? listCsvFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : entry.name.toLowerCase().endsWith('.csv')
          ? [`${prefix}${entry.name}`]
          : [],
    )
    .sort();
}

/** A main result with each text value the tables' maps translate in one way only, translated. */
function translateResult(rows: CellValue[][], maps: ColumnValueMaps[]): CellValue[][] {
  const byValue = new Map<string, Set<string>>();
  for (const columns of maps) {
    for (const map of columns.values()) {
      for (const [from, to] of map) byValue.set(from, (byValue.get(from) ?? new Set()).add(to));
    }
  }
  return rows.map((row) =>
    row.map((cell) => {
      if (typeof cell !== 'string') return cell;
      const options = byValue.get(cell);
      return options && options.size === 1 ? ([...options][0] ?? cell) : cell;
    }),
  );
}

export interface TranslatedSqlExercise {
  definition: SqlExerciseDefinition;
  /** The translation's exercise file, and its `solution:` if it has one. */
  file: string;
  solution: string | undefined;
  /** Where to report a wrong result in the translation's exercise file. */
  say: (message: string) => void;
}

/**
 * Runs the main solution on the main tables and the translation's solution (or the main one, when
 * the translation has none) on the translated tables, and reports a result that differs once the
 * main values are translated.
 */
export async function checkTranslatedSolution(
  courseDir: string,
  language: string,
  exercise: TranslatedSqlExercise,
  valueMaps: Map<string, ColumnValueMaps | null>,
): Promise<void> {
  const { definition } = exercise;
  const tableFiles = Object.entries(definition.tables);
  // A table with problems of its own is already reported: its exercise is not run on it.
  if (tableFiles.some(([, file]) => valueMaps.get(file) === null)) return;
  const translatedNames = tableFiles.filter(([, file]) => valueMaps.has(file));
  if (translatedNames.length === 0 && exercise.solution === undefined) return;
  const read = (dir: string): SqlTableSource[] | undefined => {
    try {
      return tableFiles.map(([name, file]) => ({ name, ...readCsvFile(path.join(dir, ...file.split('/'))) }));
    } catch {
      return undefined;
    }
  };
  const mainTables = read(path.join(courseDir, 'data'));
  const translatedDir = path.join(courseDir, translatedFile(language, 'data'));
  const translatedTables = tableFiles.map(([name, file]) => {
    const own = path.join(translatedDir, ...file.split('/'));
    return valueMaps.has(file) ? { name, ...readCsvFile(own) } : mainTables?.find((table) => table.name === name);
  });
  if (!mainTables || translatedTables.some((table) => table === undefined)) return;
  const solution = exercise.solution ?? definition.solution;
  // One after the other, with time to spare: a slow or busy PC must not turn into a false report.
  const expectedRun = await runSqlQueries(mainTables, [definition.solution], { timeLimitMs: CHECK_TIME_LIMIT_MS });
  const actualRun = await runSqlQueries(translatedTables as SqlTableSource[], [solution], { timeLimitMs: CHECK_TIME_LIMIT_MS });
  if (expectedRun.timedOut || actualRun.timedOut) {
    exercise.say(`the solution query did not finish in ${CHECK_TIME_LIMIT_MS / 1000} seconds on the translated tables`);
    return;
  }
  const [expected] = expectedRun.results;
  const [actual] = actualRun.results;
  if (!expected?.ok) return; // The main solution's own problem is reported by the main check.
  const which = exercise.solution === undefined ? "the main language's solution" : 'the solution';
  if (!actual?.ok) {
    exercise.say(
      `${which} fails on the translated tables: ${actual?.reason === 'error' ? actual.message : 'it returns too many rows'}`,
    );
    return;
  }
  const maps = tableFiles.flatMap(([, file]) => {
    const map = valueMaps.get(file);
    return map ? [map] : [];
  });
  const mapped = { columns: expected.columns, rows: translateResult(expected.rows, maps) };
  if (compareResults(mapped, actual, definition.orderMatters).correct) return;
  const hint = exercise.solution === undefined ? ': give the translation its own solution: naming the translated values' : '';
  exercise.say(
    `${which} gives another result on the translated tables than the main solution on the main tables ` +
      `(${actual.rows.length} rows of ${actual.columns.length} columns, where ${expected.rows.length} rows of ` +
      `${expected.columns.length} columns with the values translated were expected)${hint}`,
  );
}
