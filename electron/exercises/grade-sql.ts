import type { ExerciseOutcome } from '../contract/channels.js';
import type { CellValue } from '../contract/data-values.js';
import type { SqlRunResult } from '../sql-runner/run-query.js';
import type { SqlTableSource } from '../sql-runner/sql-tables.js';
import { runSqlQueries, type RunSqlOptions } from './run-sql.js';

/** The exercise's reference query does not run: a fault in the course, not in the learner's answer. */
export class SqlSolutionError extends Error {}

// Columns may come in any order; beyond this many columns only the given order is tried.
const MAX_COLUMNS_TO_PERMUTE = 6;

/** A cell as compared: numbers to 9 significant digits (so 5 equals 5.0 and AVG rounding does not matter). */
function cellKey(value: CellValue): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return `n:${Number(value.toPrecision(9))}`;
  return `s:${value}`;
}

function rowKeys(rows: CellValue[][], order: number[]): string[] {
  return rows.map((row) => JSON.stringify(order.map((index) => cellKey(row[index] ?? null))));
}

function* permutations(items: number[]): Generator<number[]> {
  if (items.length <= 1) {
    yield items;
    return;
  }
  for (let i = 0; i < items.length; i += 1) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const tail of permutations(rest)) yield [items[i] as number, ...tail];
  }
}

function sameMultiset(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const sortedA = [...a].sort();
  const sortedB = [...b].sort();
  return sortedA.every((key, index) => key === sortedB[index]);
}

/**
 * Compares the learner's result with the reference result. Column names do not matter and
 * columns may come in any order; rows are compared as a set (with repeats) unless the order
 * matters, in which case the same rows in another order are reported as such.
 */
export function compareResults(
  expected: { columns: string[]; rows: CellValue[][] },
  actual: { columns: string[]; rows: CellValue[][] },
  orderMatters: boolean,
): { correct: boolean; outcome: ExerciseOutcome } {
  const base = {
    kind: 'sql-result' as const,
    expectedRows: expected.rows.length,
    actualRows: actual.rows.length,
    expectedColumns: expected.columns.length,
    actualColumns: actual.columns.length,
  };
  if (expected.columns.length !== actual.columns.length || expected.rows.length !== actual.rows.length) {
    return { correct: false, outcome: { ...base, wrongOrder: false } };
  }
  const identity = expected.columns.map((_, index) => index);
  const expectedKeys = rowKeys(expected.rows, identity);
  const orders = identity.length <= MAX_COLUMNS_TO_PERMUTE ? permutations(identity) : [identity][Symbol.iterator]();
  let sameRowsOtherOrder = false;
  for (const order of orders) {
    const actualKeys = rowKeys(actual.rows, order);
    if (!sameMultiset(expectedKeys, actualKeys)) continue;
    if (!orderMatters || actualKeys.every((key, index) => key === expectedKeys[index])) {
      return { correct: true, outcome: { ...base, wrongOrder: false } };
    }
    sameRowsOtherOrder = true;
  }
  return { correct: false, outcome: { ...base, wrongOrder: sameRowsOtherOrder } };
}

/** Runs the reference query and the learner's on the exercise's tables and compares the results. */
export async function gradeSql(
  tables: SqlTableSource[],
  solution: string,
  query: string,
  orderMatters: boolean,
  options: RunSqlOptions = {},
): Promise<{ correct: boolean; outcome: ExerciseOutcome }> {
  const run = await runSqlQueries(tables, [solution, query], options);
  if (run.timedOut) return { correct: false, outcome: { kind: 'sql-timeout', seconds: run.seconds } };
  const [reference, learner] = run.results as [SqlRunResult, SqlRunResult];
  if (!reference.ok) {
    const reason = reference.reason === 'error' ? reference.message : `it returns more than ${reference.limit} rows`;
    throw new SqlSolutionError(reason);
  }
  if (!learner.ok) {
    if (learner.reason === 'too-many-rows')
      return { correct: false, outcome: { kind: 'sql-too-many-rows', limit: learner.limit } };
    return { correct: false, outcome: { kind: 'sql-error', message: learner.message } };
  }
  return compareResults(reference, learner, orderMatters);
}

/**
 * For `course check`: runs an exercise's reference query on its tables and says what is wrong
 * with it, or null when it runs and returns rows a learner can match.
 */
export async function checkSqlSolution(
  tables: SqlTableSource[],
  solution: string,
  options: RunSqlOptions = {},
): Promise<string | null> {
  const run = await runSqlQueries(tables, [solution], options);
  if (run.timedOut) return `the solution query did not finish in ${run.seconds} seconds`;
  const [result] = run.results;
  if (!result) return 'the solution query gave no result';
  if (!result.ok) {
    return result.reason === 'error'
      ? `the solution query fails: ${result.message}`
      : `the solution query returns more than ${result.limit} rows`;
  }
  if (result.columns.length === 0) return 'the solution is not a query that returns rows (SELECT ...)';
  return null;
}
