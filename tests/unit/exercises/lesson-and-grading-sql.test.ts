/**
 * "What the learner sees is what grading sees": the same query on the same exercise tables,
 * once through the lesson's runner (the renderer's SqlRunner with the browser build of sql.js, as
 * in the lesson frame) and once through grading's (the core's worker thread with the Node build),
 * must give the same result, including the row cap and the time limit they share.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { gradeSql } from '../../../electron/exercises/grade-sql.js';
import { runSqlQueries } from '../../../electron/exercises/run-sql.js';
import { MAX_QUERY_RESULT_ROWS, SQL_TIME_LIMIT_MS } from '../../../electron/sql-runner/sql-limits.js';
import type { StartSqlWorker } from '../../../electron/sql-runner/sql-run-client.js';
import type { SqlTableSource } from '../../../electron/sql-runner/sql-tables.js';
import { SqlRunner, type RunOutcome } from '../../../renderer/src/lesson/components/sql/sql-runner.js';

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** The lesson's worker, started as a thread where the frame starts a Web Worker. */
const startLessonWorkerInNode: StartSqlWorker = (onMessage, onFailure) => {
  const worker = new Worker(new URL('../../helpers/lesson-sql-worker.ts', import.meta.url), { execArgv: ['--import', tsx] });
  worker.on('message', onMessage);
  worker.once('error', (error) => onFailure(error.message));
  worker.once('exit', (code) => onFailure(`the lesson's SQL worker stopped (exit code ${code})`));
  return { send: (request) => worker.postMessage(request), terminate: () => void worker.terminate() };
};

const donations: SqlTableSource = {
  name: 'donations',
  columns: [
    { name: 'donor', type: 'text' },
    { name: 'district', type: 'text' },
    { name: 'kg', type: 'number' },
    { name: 'received', type: 'text' },
  ],
  rows: [
    ['Bakery Sol', 'Centre', 12.5, '2026-01-09'],
    ['Market Nord', 'North', 40, '2026-01-10'],
    ['Bakery Sol', 'Centre', 7.25, '2026-02-02'],
    ['Parish', 'South', null, '2026-02-14'],
    ['Òmnium Coop', 'North', 18, '2026-03-01'],
  ],
};
const tables = [donations];

/** Grading's result for one query, in the lesson's shape. */
async function gradingSees(query: string): Promise<RunOutcome> {
  const run = await runSqlQueries(tables, [query]);
  if (run.timedOut) return { ok: false, reason: 'timeout', seconds: run.seconds };
  return run.results[0]!;
}

const lesson = new SqlRunner(startLessonWorkerInNode);
afterAll(() => lesson.stop());

describe("the lesson's SQL runs and grading's give the same results", () => {
  const rows = { ok: true };
  it.each([
    [
      'a grouped query with text, whole and decimal numbers and NULL',
      'SELECT district, SUM(kg) AS kg, COUNT(*) FROM donations GROUP BY district ORDER BY district',
      {
        ok: true,
        columns: ['district', 'kg', 'COUNT(*)'],
        rows: [
          ['Centre', 19.75, 2],
          ['North', 58, 2],
          ['South', null, 1],
        ],
      },
    ],
    ['averages and computed columns', "SELECT donor, kg * 1.0 / 3, AVG(kg) OVER (), received > '2026-02' FROM donations", rows],
    [
      'a blob, shown as its size',
      "SELECT X'00FF10' AS raw, typeof(kg) FROM donations LIMIT 1",
      { ok: true, rows: [['[3 bytes]', 'real']] },
    ],
    [
      'several statements: the last one that returns rows',
      'DELETE FROM donations WHERE kg IS NULL; SELECT COUNT(*) FROM donations; UPDATE donations SET kg = 0',
      { ok: true, rows: [[4]] },
    ],
    ['a statement that returns no rows', 'UPDATE donations SET kg = kg + 1', { ok: true, columns: [], rows: [] }],
    [
      "SQLite's error for a missing column",
      'SELECT weight FROM donations',
      { ok: false, reason: 'error', message: 'no such column: weight' },
    ],
    [
      "SQLite's error for a syntax error",
      'SELEC donor FROM donations',
      { ok: false, reason: 'error', message: 'near "SELEC": syntax error' },
    ],
  ])('%s', async (_what, query, expected) => {
    const seen = await lesson.run(tables, query);
    expect(seen).toMatchObject(expected);
    expect(await gradingSees(query)).toEqual(seen);
  });

  it('cuts a result off at the same row cap', async () => {
    const rows = `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT ${MAX_QUERY_RESULT_ROWS + 1}) SELECT x FROM c`;
    const seen = await lesson.run(tables, rows);
    expect(seen).toEqual({ ok: false, reason: 'too-many-rows', limit: MAX_QUERY_RESULT_ROWS });
    expect(await gradingSees(rows)).toEqual(seen);
    const justUnder = rows.replace(`LIMIT ${MAX_QUERY_RESULT_ROWS + 1}`, `LIMIT ${MAX_QUERY_RESULT_ROWS}`);
    const allRows = await lesson.run(tables, justUnder);
    expect(allRows.ok && allRows.rows.length).toBe(MAX_QUERY_RESULT_ROWS);
    expect(await gradingSees(justUnder)).toEqual(allRows);
  });

  it('stops a query that never ends at the same time limit, and the lesson runs again after it', async () => {
    const neverEnds = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c';
    const seen = await lesson.run(tables, neverEnds);
    expect(seen).toEqual({ ok: false, reason: 'timeout', seconds: SQL_TIME_LIMIT_MS / 1000 });
    expect(await gradingSees(neverEnds)).toEqual(seen);
    expect(await gradeSql(tables, 'SELECT 1', neverEnds, false)).toEqual({
      correct: false,
      outcome: { kind: 'sql-timeout', seconds: SQL_TIME_LIMIT_MS / 1000 },
    });
    // The ended worker is replaced by a fresh one on the next run.
    expect(await lesson.run(tables, 'SELECT COUNT(*) FROM donations')).toEqual({ ok: true, columns: ['COUNT(*)'], rows: [[5]] });
  });
});
