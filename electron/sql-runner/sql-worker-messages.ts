/**
 * What the page or the core posts to an SQL worker, and what the worker answers. The worker side
 * is `answerSqlRun`; each worker (the lesson's Web Worker, grading's worker thread) only passes
 * messages between its own port and this function.
 */
import type { SqlJsStatic } from 'sql.js';
import { runQueryOnFreshTables, type SqlRunResult } from './run-query.js';
import type { SqlTableSetup } from './sql-tables.js';

export interface SqlRunRequest {
  id: number;
  tables: SqlTableSetup[];
  /** Run one after another, each on fresh tables (grading runs the reference and the learner's). */
  queries: string[];
  maxRows: number;
}

/**
 * A worker says when it starts a request's queries (its engine is ready), then gives the results.
 * The time limit counts from the start: a slow PC's first start of sql.js is not the learner's.
 */
export type SqlWorkerMessage = { id: number; kind: 'started' } | { id: number; kind: 'results'; results: SqlRunResult[] };

/** The worker's side of one request, posting through `post`. Never rejects: an engine that cannot start is an error result. */
export async function answerSqlRun(
  engine: Promise<SqlJsStatic>,
  request: SqlRunRequest,
  post: (message: SqlWorkerMessage) => void,
): Promise<void> {
  let SQL: SqlJsStatic;
  try {
    SQL = await engine;
  } catch (error) {
    const message = `the SQL engine could not start: ${error instanceof Error ? error.message : String(error)}`;
    post({ id: request.id, kind: 'results', results: request.queries.map(() => ({ ok: false, reason: 'error', message })) });
    return;
  }
  post({ id: request.id, kind: 'started' });
  const results = request.queries.map((query) => runQueryOnFreshTables(SQL, request.tables, query, request.maxRows));
  post({ id: request.id, kind: 'results', results });
}
