// Runs SQL queries for grading in a worker thread, so that a query that never ends (a recursive
// CTE, a huge cross join) can be stopped by ending the thread. Plain JavaScript: a worker file
// must run as it is, both from source (tsx, vitest) and in the bundled desktop build.
// In: workerData { tables: SqlTableSetup[], queries: string[], maxRows, heapLimit }.
// Out: one message with an array of SqlRunResult, one per query (see electron/contract/sql-tables.ts).
import { parentPort, workerData } from 'node:worker_threads';
import initSqlJs from 'sql.js';

/** Blobs are shown, not compared byte by byte: courses work with numbers and text. */
function plainValue(value) {
  return value instanceof Uint8Array ? `[${value.length} bytes]` : value;
}

function runQuery(db, sql, maxRows) {
  let last = { ok: true, columns: [], rows: [] };
  try {
    // The iterator frees each statement itself, also when the loop is left early.
    for (const statement of db.iterateStatements(sql)) {
      const columns = statement.getColumnNames();
      const rows = [];
      while (statement.step()) {
        if (rows.length >= maxRows) return { ok: false, reason: 'too-many-rows', limit: maxRows };
        rows.push(statement.get().map(plainValue));
      }
      // The result is the last statement that returns columns (a SELECT), as in any SQL console.
      if (columns.length > 0) last = { ok: true, columns, rows };
    }
  } catch (error) {
    return { ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  return last;
}

const SQL = await initSqlJs();
const results = [];
for (const query of workerData.queries) {
  // Each query gets fresh tables: what one query changes cannot affect the next.
  const db = new SQL.Database();
  try {
    db.run(`PRAGMA hard_heap_limit = ${Number(workerData.heapLimit)}`);
    for (const table of workerData.tables) {
      db.run(table.create);
      const insert = db.prepare(table.insert);
      for (const row of table.rows) insert.run(row);
      insert.free();
    }
    results.push(runQuery(db, query, workerData.maxRows));
  } finally {
    db.close();
  }
}
parentPort.postMessage(results);
