import { describe, expect, it } from 'vitest';
import type { SqlTableSource } from '../../../electron/sql-runner/sql-tables.js';
import { checkSqlSolution, compareResults, gradeSql, SqlSolutionError } from '../../../electron/exercises/grade-sql.js';
import { runSqlQueries } from '../../../electron/exercises/run-sql.js';

const parcels: SqlTableSource = {
  name: 'parcels',
  columns: [
    { name: 'month', type: 'text' },
    { name: 'parcels', type: 'number' },
    { name: 'households', type: 'number' },
    { name: 'kg_per_parcel', type: 'number' },
  ],
  rows: [
    ['January', 380, 121, 7.5],
    ['February', 395, 126, 7.25],
    ['March', 412, 131, 7.8],
  ],
};
const households: SqlTableSource = {
  name: 'households',
  columns: [
    { name: 'district', type: 'text' },
    { name: 'members', type: 'number' },
  ],
  rows: [
    ['Centre', 3],
    ['Centre', 1],
    ['North', 4],
    ['South', null],
  ],
};
const tables = [parcels, households];
const ORDERED = 'SELECT month, households FROM parcels ORDER BY households DESC';
const NEVER_ENDS = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c';

describe('grading an SQL exercise in sql.js', () => {
  it('accepts the same rows in the same order where the order matters', async () => {
    const graded = await gradeSql(tables, ORDERED, 'select MONTH as m, households from parcels order by 2 desc', true);
    expect(graded.correct).toBe(true);
    expect(graded.outcome).toMatchObject({ kind: 'sql-result', expectedRows: 3, actualRows: 3, wrongOrder: false });
  });

  it('refuses the right rows in the wrong order where the order matters, and says so', async () => {
    const graded = await gradeSql(tables, ORDERED, 'SELECT month, households FROM parcels ORDER BY households', true);
    expect(graded.correct).toBe(false);
    expect(graded.outcome).toMatchObject({ kind: 'sql-result', wrongOrder: true });
  });

  it('accepts rows in any order, and columns in any order, where the order does not matter', async () => {
    const solution = 'SELECT district, COUNT(*) FROM households GROUP BY district';
    const graded = await gradeSql(
      tables,
      solution,
      'SELECT COUNT(*) AS n, district FROM households GROUP BY 2 ORDER BY n DESC',
      false,
    );
    expect(graded.correct).toBe(true);
  });

  it('tells how the result differs: columns, rows, values', async () => {
    const fewerColumns = await gradeSql(tables, ORDERED, 'SELECT month FROM parcels', false);
    expect(fewerColumns.outcome).toMatchObject({ expectedColumns: 2, actualColumns: 1 });
    const fewerRows = await gradeSql(tables, ORDERED, 'SELECT month, households FROM parcels LIMIT 2', false);
    expect(fewerRows.outcome).toMatchObject({ expectedRows: 3, actualRows: 2 });
    const otherValues = await gradeSql(tables, ORDERED, 'SELECT month, parcels FROM parcels', false);
    expect(otherValues).toMatchObject({
      correct: false,
      outcome: { kind: 'sql-result', expectedRows: 3, actualRows: 3, wrongOrder: false },
    });
  });

  it('compares numbers by value (5 equals 5.0, averages to 9 digits) and NULL with NULL', async () => {
    const average = await gradeSql(
      tables,
      'SELECT AVG(parcels) FROM parcels',
      'SELECT SUM(parcels) * 1.0 / COUNT(*) FROM parcels',
      false,
    );
    expect(average.correct).toBe(true);
    const nulls = await gradeSql(tables, 'SELECT members FROM households', 'SELECT members * 1.0 FROM households', false);
    expect(nulls.correct).toBe(true);
    const text = await gradeSql(tables, "SELECT '5'", 'SELECT 5', false);
    expect(text.correct).toBe(false);
  });

  it('counts repeated rows: the same set with another number of repeats is wrong', () => {
    const expected = { columns: ['a'], rows: [[1], [1], [2]] };
    expect(compareResults(expected, { columns: ['a'], rows: [[1], [2], [2]] }, false).correct).toBe(false);
    expect(compareResults(expected, { columns: ['x'], rows: [[2], [1], [1]] }, false).correct).toBe(true);
  });

  it("reports SQLite's message for a query that does not run", async () => {
    const graded = await gradeSql(tables, ORDERED, 'SELECT month FROM parcel', false);
    expect(graded).toEqual({ correct: false, outcome: { kind: 'sql-error', message: 'no such table: parcel' } });
    const syntax = await gradeSql(tables, ORDERED, 'SELEC month FROM parcels', false);
    expect(syntax.outcome).toEqual({ kind: 'sql-error', message: 'near "SELEC": syntax error' });
  });

  it('stops a query that never ends, and says it was the time limit it was given', async () => {
    // The outcome names the limit passed in, so the stop came from the runner's own timer (a
    // query that never ends cannot finish any other way); no clock is read here.
    const graded = await gradeSql(tables, ORDERED, NEVER_ENDS, false, { timeLimitMs: 1500 });
    expect(graded).toEqual({ correct: false, outcome: { kind: 'sql-timeout', seconds: 1.5 } });
  });

  it('cuts off a result with too many rows', async () => {
    const endless = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c';
    const graded = await gradeSql(tables, ORDERED, endless, false, { maxRows: 50 });
    expect(graded.outcome).toEqual({ kind: 'sql-too-many-rows', limit: 50 });
  });

  it("gives each query fresh tables: the learner's changes cannot touch the reference", async () => {
    const run = await runSqlQueries(tables, [
      'DELETE FROM parcels; SELECT COUNT(*) FROM parcels',
      'SELECT COUNT(*) FROM parcels',
    ]);
    expect(run.timedOut).toBe(false);
    if (!run.timedOut) expect(run.results.map((result) => (result.ok ? result.rows : null))).toEqual([[[0]], [[3]]]);
  });

  it("throws SqlSolutionError when the course's own reference query fails", async () => {
    await expect(gradeSql(tables, 'SELECT missing FROM parcels', 'SELECT 1', false)).rejects.toThrow(SqlSolutionError);
  });

  it("checks a course's reference query for `course check`", async () => {
    expect(await checkSqlSolution(tables, ORDERED)).toBeNull();
    expect(await checkSqlSolution(tables, 'SELECT missing FROM parcels')).toBe(
      'the solution query fails: no such column: missing',
    );
    expect(await checkSqlSolution(tables, 'DELETE FROM parcels')).toMatch(/not a query that returns rows/);
  });
});
