import { Worker } from 'node:worker_threads';
import {
  MAX_QUERY_RESULT_ROWS,
  SQL_HEAP_LIMIT_BYTES,
  sqlTableSetup,
  type SqlRunResult,
  type SqlTableSource,
} from '../contract/sql-tables.js';

/** How long grading waits for the queries of one submission before it ends them. */
export const DEFAULT_SQL_TIME_LIMIT_MS = 5_000;

export interface RunSqlOptions {
  timeLimitMs?: number;
  maxRows?: number;
}

export type SqlBatchOutcome = { timedOut: false; results: SqlRunResult[] } | { timedOut: true; seconds: number };

// From source (tsx, vitest) this is the file beside this one; the desktop build copies it beside
// its bundle (scripts/lib/electron-build.ts).
const WORKER_URL = new URL('./sql-worker.mjs', import.meta.url);

/**
 * Runs queries on fresh in-memory copies of the tables, in sql.js inside a worker thread. A
 * query that does not finish in time is stopped by ending the thread; results are cut off at
 * `maxRows`. The core's own thread never runs learner SQL, so it stays responsive.
 */
export function runSqlQueries(
  tables: SqlTableSource[],
  queries: string[],
  options: RunSqlOptions = {},
): Promise<SqlBatchOutcome> {
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_SQL_TIME_LIMIT_MS;
  const worker = new Worker(WORKER_URL, {
    workerData: {
      tables: tables.map(sqlTableSetup),
      queries,
      maxRows: options.maxRows ?? MAX_QUERY_RESULT_ROWS,
      heapLimit: SQL_HEAP_LIMIT_BYTES,
    },
    // The JavaScript side holds at most the capped results; SQLite's own memory is capped by the heap limit.
    resourceLimits: { maxOldGenerationSizeMb: 256 },
  });
  return new Promise<SqlBatchOutcome>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => resolve({ timedOut: true, seconds: timeLimitMs / 1000 })), timeLimitMs);
    worker.once('message', (results: SqlRunResult[]) => finish(() => resolve({ timedOut: false, results })));
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) => finish(() => reject(new Error(`the SQL worker stopped unexpectedly (exit code ${code})`))));
  });
}
