/**
 * How a course's CSV tables become SQL tables, for the core (grading) and the renderer (the
 * learner's own runs) alike, so both run the learner's query on exactly the same tables.
 * Pure functions, no imports, like the rest of the contract.
 */
import type { CellValue, ColumnType } from './data-values.js';

/** A query's result is cut off here: enough to check any exercise, small enough for any PC. */
export const MAX_QUERY_RESULT_ROWS = 1000;
/** SQLite's memory limit per run, so one query cannot take all of a 4 GB PC's memory. */
export const SQL_HEAP_LIMIT_BYTES = 128 * 1024 * 1024;

export interface SqlTableSource {
  name: string;
  columns: { name: string; type: ColumnType }[];
  rows: CellValue[][];
}

export interface SqlTableSetup {
  create: string;
  insert: string;
  rows: CellValue[][];
}

export function quoteSqlIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The statements that create and fill one table; values are bound as parameters, never pasted. */
export function sqlTableSetup(table: SqlTableSource): SqlTableSetup {
  const definitions = table.columns.map((column, index) => {
    let type = 'TEXT';
    if (column.type === 'number') {
      const whole = table.rows.every((row) => {
        const value = row[index];
        return value === null || value === undefined || Number.isInteger(value);
      });
      type = whole ? 'INTEGER' : 'REAL';
    }
    return `${quoteSqlIdentifier(column.name)} ${type}`;
  });
  const name = quoteSqlIdentifier(table.name);
  const placeholders = table.columns.map(() => '?').join(', ');
  return {
    create: `CREATE TABLE ${name} (${definitions.join(', ')})`,
    insert: `INSERT INTO ${name} VALUES (${placeholders})`,
    rows: table.rows.map((row) => table.columns.map((_, index) => row[index] ?? null)),
  };
}

/** What one query gave: its columns and rows, or SQLite's error, or a cut-off. */
export type SqlRunResult =
  | { ok: true; columns: string[]; rows: CellValue[][] }
  | { ok: false; reason: 'error'; message: string }
  | { ok: false; reason: 'too-many-rows'; limit: number };
