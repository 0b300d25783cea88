/// <reference lib="webworker" />
/**
 * The learner's own runs of their query, in sql.js inside a Web Worker: a query that never ends
 * blocks only this worker, which the page then ends. The tables and limits are the core's
 * (electron/contract/sql-tables.ts), so what the learner sees here is what grading sees.
 */
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import type { CellValue } from '../../../../../electron/contract/data-values';
import {
  MAX_QUERY_RESULT_ROWS,
  SQL_HEAP_LIMIT_BYTES,
  type SqlRunResult,
  type SqlTableSetup,
} from '../../../../../electron/contract/sql-tables';

export interface RunRequest {
  id: number;
  tables: SqlTableSetup[];
  query: string;
}

export interface RunReply {
  id: number;
  result: SqlRunResult;
}

// The .wasm comes from the app's own origin, like every other file. Started from a blob: URL (see
// sql-runner.ts), the worker resolves it against the app's address rather than its own.
const appBase = (self as unknown as { aulaAppBase?: string }).aulaAppBase ?? self.location.href;
const engine = initSqlJs({ locateFile: () => new URL(wasmUrl, appBase).href });

function plainValue(value: unknown): CellValue {
  if (value instanceof Uint8Array) return `[${value.length} bytes]`;
  return value as CellValue;
}

async function run({ tables, query }: RunRequest): Promise<SqlRunResult> {
  const SQL = await engine;
  const db = new SQL.Database();
  try {
    db.run(`PRAGMA hard_heap_limit = ${SQL_HEAP_LIMIT_BYTES}`);
    for (const table of tables) {
      db.run(table.create);
      const insert = db.prepare(table.insert);
      for (const row of table.rows) insert.run(row);
      insert.free();
    }
    let last: SqlRunResult = { ok: true, columns: [], rows: [] };
    try {
      for (const statement of db.iterateStatements(query)) {
        const columns = statement.getColumnNames();
        const rows: CellValue[][] = [];
        while (statement.step()) {
          if (rows.length >= MAX_QUERY_RESULT_ROWS) return { ok: false, reason: 'too-many-rows', limit: MAX_QUERY_RESULT_ROWS };
          rows.push(statement.get().map(plainValue));
        }
        if (columns.length > 0) last = { ok: true, columns, rows };
      }
    } catch (error) {
      return { ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    return last;
  } finally {
    db.close();
  }
}

self.onmessage = (event: MessageEvent<RunRequest>) => {
  void run(event.data).then(
    (result) => self.postMessage({ id: event.data.id, result } satisfies RunReply),
    (error: unknown) =>
      self.postMessage({
        id: event.data.id,
        result: { ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) },
      } satisfies RunReply),
  );
};
