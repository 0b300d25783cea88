/**
 * Runs one query on fresh copies of an exercise's tables in sql.js and shapes what it gave. The
 * engine is passed in: the lesson's worker loads sql.js's browser build from the app's files,
 * grading's worker the Node build; everything after that is this one function.
 */
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import type { CellValue } from '../contract/data-values.js';
import { SQL_HEAP_LIMIT_BYTES } from './sql-limits.js';
import type { SqlTableSetup } from './sql-tables.js';

/** What one query gave: its columns and rows, or SQLite's error, or a cut-off. */
export type SqlRunResult =
  | { ok: true; columns: string[]; rows: CellValue[][] }
  | { ok: false; reason: 'error'; message: string }
  | { ok: false; reason: 'too-many-rows'; limit: number };

/** Blobs are shown, not compared byte by byte: courses work with numbers and text. */
function plainValue(value: SqlValue): CellValue {
  return value instanceof Uint8Array ? `[${value.length} bytes]` : value;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function loadTables(db: Database, tables: SqlTableSetup[]): void {
  db.run(`PRAGMA hard_heap_limit = ${SQL_HEAP_LIMIT_BYTES}`);
  for (const table of tables) {
    db.run(table.create);
    const insert = db.prepare(table.insert);
    try {
      for (const row of table.rows) insert.run(row);
    } finally {
      insert.free();
    }
  }
}

function runStatements(db: Database, query: string, maxRows: number): SqlRunResult {
  let last: SqlRunResult = { ok: true, columns: [], rows: [] };
  // The iterator frees each statement itself, also when the loop is left early.
  for (const statement of db.iterateStatements(query)) {
    const columns = statement.getColumnNames();
    const rows: CellValue[][] = [];
    while (statement.step()) {
      if (rows.length >= maxRows) return { ok: false, reason: 'too-many-rows', limit: maxRows };
      rows.push(statement.get().map(plainValue));
    }
    // The result is the last statement that returns columns (a SELECT), as in any SQL console.
    if (columns.length > 0) last = { ok: true, columns, rows };
  }
  return last;
}

/**
 * Each query gets its own in-memory database with the tables freshly loaded, so what one query
 * changes cannot affect the next. SQLite's errors become results; nothing here throws.
 */
export function runQueryOnFreshTables(
  engine: SqlJsStatic,
  tables: SqlTableSetup[],
  query: string,
  maxRows: number,
): SqlRunResult {
  let db: Database | null = null;
  try {
    db = new engine.Database();
    loadTables(db, tables);
    return runStatements(db, query, maxRows);
  } catch (error) {
    return { ok: false, reason: 'error', message: errorMessage(error) };
  } finally {
    db?.close();
  }
}
