/**
 * Reports at scale: a manager's course report (`reports.course`) for every bundled course on the
 * synthetic data folder of "Database at scale" (200 learners, about a million attempts), against
 * the same calls on a small folder (2,000 attempts). The budget: under 200 ms per course.
 * The same report over the last 90 days is reported beside it, without a budget of its own: it
 * reads the tallies of whole months and of the days at the range's ends (migration 13).
 * Item analysis (`reports.quiz`) of every quiz and an XLSX export are reported alongside, without
 * a budget of their own: a trainer opens them one at a time. The query plans of the report
 * statements are checked for full scans.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { dispatch } from '../../../electron/core/dispatch.js';
import { createCoreHandlers } from '../../../electron/core/learn-core.js';
import { startCore } from '../../../electron/core/start-core.js';
import { DATABASE_FILE_NAME } from '../../../electron/db/open-database.js';
import { BUNDLED_COURSES_DIR } from '../../lib/project-paths.js';
import { BUDGETS } from '../lib/budgets.js';
import { capturingDb, explainCaptured, type PlannedStatement } from '../lib/query-plans.js';
import { SECTIONS, type BenchContext, type Measurement } from '../lib/context.js';
import type { BenchRow } from '../lib/report.js';
import { summarize } from '../lib/stats.js';
import { AT_SCALE, generateSyntheticDataFolder } from '../synthetic-data.js';

const ROUNDS = 5;
/**
 * Tables a report may read whole: the learners (the table lists them all) and lesson progress
 * (one row per learner and lesson opened, 3,700 at scale: it grows with learners, not with
 * attempts, and reading it whole costs about a millisecond, so no index by course for it).
 */
const WHOLE_TABLES_READ = /^SCAN (learners|lesson_progress)\b/;
const SMALL_ATTEMPTS = 2_000;

/** The ranged course report: the last days of the synthetic data, as a trainer looks back over a term. */
const RANGE_DAYS = 90;

interface ReportTimings {
  course: number[];
  courseRanged: number[];
  quiz: number[];
  xlsx: number[];
}

async function timeReports(dataDir: string, managerId: string): Promise<ReportTimings> {
  const core = await startCore({ dataDir, courseRoots: [BUNDLED_COURSES_DIR], appVersion: 'bench', firstBackupDelayMs: false });
  try {
    // The synthetic profiles have no manager: the first one is made one, as on a real PC.
    core.db.prepare('UPDATE learners SET is_manager = 1 WHERE id = ?').run(managerId);
    const call = async (channel: string, args: unknown, into?: number[]) => {
      const started = performance.now();
      const outcome = await dispatch(core.handlers, channel, args);
      if (into) into.push(performance.now() - started);
      if (!outcome.ok) throw new Error(`${channel} failed: ${outcome.error.message}`);
      return outcome.result;
    };
    const { session } = (await call('learners.open', { learnerId: managerId })) as { session: string };
    const timings: ReportTimings = { course: [], courseRanged: [], quiz: [], xlsx: [] };
    // The synthetic attempts end an hour before now: the range is the last RANGE_DAYS days up to today.
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const range = { from: day(Date.now() - (RANGE_DAYS - 1) * 86_400_000), to: day(Date.now()) };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const courseId of core.catalog.current().courses.keys()) {
        await call('reports.course', { session, courseId }, timings.course);
        await call('reports.course', { session, courseId, ...range }, timings.courseRanged);
      }
    }
    for (const [courseId, course] of core.catalog.current().courses) {
      for (const quizId of course.quizzes.keys()) await call('reports.quiz', { session, courseId, quizId }, timings.quiz);
      await call('reports.export', { session, courseId, format: 'xlsx', language: 'en', decimalComma: false }, timings.xlsx);
    }
    return timings;
  } finally {
    core.close();
  }
}

/**
 * The query plan of every statement that the course report and item analysis of every bundled
 * course and quiz prepare. A full scan is allowed only of the tables in WHOLE_TABLES_READ.
 */
async function explainReports(dataDir: string, managerId: string): Promise<PlannedStatement[]> {
  const core = await startCore({ dataDir, courseRoots: [BUNDLED_COURSES_DIR], appVersion: 'bench', firstBackupDelayMs: false });
  try {
    const captured = new Map<string, unknown[]>();
    const handlers = createCoreHandlers({ ...core.deps, db: capturingDb(core.db, captured), sessions: new Map() });
    const call = async (channel: string, args: unknown) => {
      const outcome = await dispatch(handlers, channel, args);
      if (!outcome.ok) throw new Error(`${channel} failed: ${outcome.error.message}`);
      return outcome.result;
    };
    const { session } = (await call('learners.open', { learnerId: managerId })) as { session: string };
    captured.clear();
    for (const [courseId, course] of core.catalog.current().courses) {
      await call('reports.course', { session, courseId });
      for (const quizId of course.quizzes.keys()) await call('reports.quiz', { session, courseId, quizId });
    }
    return explainCaptured(core.db, captured);
  } finally {
    core.close();
  }
}

/**
 * The all-time tallies the course report reads (migration 13) against the same figures grouped
 * from the attempts themselves: learner and quiz pairs whose figures differ, out of all pairs.
 */
function talliesAgainstAttempts(dataDir: string): { pairs: number; differing: number } {
  const db = new Database(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    const figures = `count(*), count(finished_at), max(passed),
      max(CASE WHEN finished_at IS NOT NULL AND max_score > 0 THEN score / max_score END),
      coalesce(sum(CASE WHEN finished_at IS NOT NULL
        THEN CAST(round((julianday(finished_at) - julianday(started_at)) * 86400000) AS INTEGER) END), 0),
      max(coalesce(finished_at, started_at))`;
    const fromAttempts = `SELECT course_id, learner_id, quiz_id, ${figures} FROM quiz_attempts GROUP BY course_id, learner_id, quiz_id`;
    const fromTallies = `SELECT course_id, learner_id, quiz_id, attempts, finished, passed, best, finished_ms, last_at
      FROM quiz_tallies WHERE span = 0`;
    const count = (sql: string) => db.prepare(`SELECT count(*) FROM (${sql})`).pluck().get() as number;
    return {
      pairs: count(fromAttempts),
      differing: count(`${fromAttempts} EXCEPT ${fromTallies}`) + count(`${fromTallies} EXCEPT ${fromAttempts}`),
    };
  } finally {
    db.close();
  }
}

async function measureReports(context: BenchContext): Promise<BenchRow[]> {
  context.log('reports: generating the synthetic data folders');
  const bigDir = context.resources.folder('reports-at-scale');
  const big = generateSyntheticDataFolder(bigDir, context.catalog, { ...AT_SCALE, attempts: context.sizes.attempts });
  const smallDir = context.resources.folder('reports-small');
  const small = generateSyntheticDataFolder(smallDir, context.catalog, { ...AT_SCALE, attempts: SMALL_ATTEMPTS });
  const atScale = await timeReports(bigDir, big.learnerIds[0] as string);
  const baseline = await timeReports(smallDir, small.learnerIds[0] as string);
  const plans = await explainReports(bigDir, big.learnerIds[0] as string);
  const tallies = talliesAgainstAttempts(bigDir);
  const scans = plans.flatMap((statement) =>
    statement.fullScans
      .filter((scan) => !WHOLE_TABLES_READ.test(scan))
      .map((scan) => `${scan} in: ${statement.sql.slice(0, 80)}`),
  );
  context.notes.push(
    'Query plans at scale (every statement that reports.course and reports.quiz prepare):',
    ...plans.flatMap((statement) => [`  ${statement.sql}`, ...statement.plan.map((step) => `      ${step}`)]),
  );

  const attempts = big.rows.quiz_attempts ?? 0;
  const scaleName = `${(attempts / 1e6).toFixed(attempts >= 1e6 ? 0 : 2)}M attempts, ${big.learnerIds.length} learners`;
  const smallLabel = `${SMALL_ATTEMPTS.toLocaleString('en-US')} attempts`;
  const course = summarize(atScale.course);
  const courseRanged = summarize(atScale.courseRanged);
  const quiz = summarize(atScale.quiz);
  const xlsx = summarize(atScale.xlsx);
  context.details.reports = {
    atScale: { course, courseRanged, quiz, xlsx },
    small: { course: summarize(baseline.course), courseRanged: summarize(baseline.courseRanged) },
    plans,
  };
  return [
    {
      kind: 'measured',
      section: SECTIONS.database,
      name: `Course report (reports.course, every bundled course) at ${scaleName}: p95 of ${course.count} (p50 ${course.p50.toFixed(0)} ms)`,
      value: course.p95,
      unit: 'ms',
      baseline: { label: smallLabel, value: summarize(baseline.course).p95 },
      budget: BUDGETS.courseReportP95Ms,
    },
    {
      kind: 'measured',
      section: SECTIONS.database,
      name: `Course report of the last ${RANGE_DAYS} days (reports.course with a date range) at ${scaleName}: p95 of ${courseRanged.count} (p50 ${courseRanged.p50.toFixed(0)} ms)`,
      value: courseRanged.p95,
      unit: 'ms',
      baseline: { label: smallLabel, value: summarize(baseline.courseRanged).p95 },
    },
    {
      kind: 'measured',
      section: SECTIONS.database,
      name: `Item analysis (reports.quiz, every bundled quiz) at ${scaleName}: p95 of ${quiz.count} (p50 ${quiz.p50.toFixed(0)} ms)`,
      value: quiz.p95,
      unit: 'ms',
      baseline: { label: smallLabel, value: summarize(baseline.quiz).p95 },
    },
    {
      kind: 'measured',
      section: SECTIONS.database,
      name: `Course report as XLSX (reports.export) at ${scaleName}: p95 of ${xlsx.count} (p50 ${xlsx.p50.toFixed(0)} ms)`,
      value: xlsx.p95,
      unit: 'ms',
      baseline: { label: smallLabel, value: summarize(baseline.xlsx).p95 },
    },
    {
      kind: 'check',
      section: SECTIONS.database,
      name: 'Course report tallies (migration 13) hold the figures of the attempts at scale',
      ok: tallies.differing === 0 && tallies.pairs > 0,
      detail: `${tallies.differing} of ${tallies.pairs} learner and quiz pairs differ from their attempts`,
    },
    {
      kind: 'check',
      section: SECTIONS.database,
      name: 'Report query plans use indexes (no full scan but of learners and lesson progress)',
      ok: scans.length === 0,
      detail: scans.length === 0 ? `${plans.length} statements, every growing table reached through an index` : scans.join('; '),
    },
  ];
}

export const reportsMeasurement: Measurement = { id: 'reports', section: SECTIONS.database, run: measureReports };
