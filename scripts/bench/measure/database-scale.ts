/**
 * 4. Database at scale: a synthetic data folder with 200 learners, every bundled course and about
 * a million quiz attempts over two years (scripts/bench/synthetic-data.ts), against the same
 * queries on a small folder (200 learners, 2,000 attempts) as the baseline: with the right
 * indexes, the figures hardly differ.
 *
 * The learner home page does not exist yet; until it does, what it will show is stood in for by
 * the core's present per-learner reads, called through `dispatch` as both shells call them:
 * `catalog.list` (progress in every course) and `quiz.get` for every quiz (latest answers).
 * Every SQL statement those calls prepare is captured and its query plan checked for full scans.
 */
import type { Catalog } from '../../../electron/courses/catalog.js';
import type { CoreHandlers } from '../../../electron/core/dispatch.js';
import { dispatch } from '../../../electron/core/dispatch.js';
import { createCoreHandlers } from '../../../electron/core/learn-core.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import type { Db } from '../../../electron/db/open-database.js';
import { readCourseProgress } from '../../../electron/db/progress.js';
import { readLatestAnswers } from '../../../electron/db/quiz-attempts.js';
import { BUNDLED_COURSES_DIR } from '../../lib/project-paths.js';
import { BUDGETS } from '../lib/budgets.js';
import { SECTIONS, type BenchContext, type Measurement } from '../lib/context.js';
import type { BenchRow } from '../lib/report.js';
import { seededRandom, shuffled } from '../lib/seeded-random.js';
import { summarize, type Summary } from '../lib/stats.js';
import { AT_SCALE, generateSyntheticDataFolder, type SyntheticSpec, type SyntheticSummary } from '../synthetic-data.js';

const HOME_ROUNDS = 2;
const SMALL_ATTEMPTS = 2_000;

interface QueryTimings {
  home: number[];
  courseSummary: number[];
  submit: number[];
}

/** Every SQL text prepared through the returned handle, with the arguments of its first run. */
function capturingDb(db: Db, captured: Map<string, unknown[]>): Db {
  const runners = new Set(['get', 'all', 'run', 'iterate']);
  return new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') {
        return (sql: string) => {
          const statement = target.prepare(sql);
          return new Proxy(statement, {
            get(inner, key) {
              const value = Reflect.get(inner, key, inner) as unknown;
              if (typeof value !== 'function') return value;
              if (typeof key === 'string' && runners.has(key)) {
                return (...args: unknown[]) => {
                  if (!captured.has(sql)) captured.set(sql, args);
                  return (value as (...a: unknown[]) => unknown).apply(inner, args);
                };
              }
              return (value as (...a: unknown[]) => unknown).bind(inner);
            },
          });
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

async function call<T>(handlers: CoreHandlers, channel: string, args: unknown): Promise<T> {
  const outcome = await dispatch(handlers, channel, args);
  if (!outcome.ok) throw new Error(`${channel} failed: ${outcome.error.message}`);
  return outcome.result as T;
}

function quizzesOf(catalog: Catalog) {
  return [...catalog.courses.values()].flatMap((course) =>
    [...course.quizzes.values()].map((quiz) => ({
      courseId: course.manifest.id,
      quizId: quiz.id,
      question: quiz.questions[0],
    })),
  );
}

/** One learner's home (stand-in): progress in every course and the latest answers of every quiz. */
async function learnerHome(handlers: CoreHandlers, catalog: Catalog, session: string): Promise<void> {
  await call(handlers, 'catalog.list', { session });
  for (const quiz of quizzesOf(catalog))
    await call(handlers, 'quiz.get', { session, courseId: quiz.courseId, quizId: quiz.quizId });
}

/** One learner's summary of one course, straight from the db layer. */
function courseSummary(db: Db, catalog: Catalog, learnerId: string, courseId: string): void {
  readCourseProgress(db, learnerId, courseId);
  for (const quizId of catalog.courses.get(courseId)?.quizzes.keys() ?? [])
    readLatestAnswers(db, { learnerId, courseId, quizId });
}

async function submitOne(handlers: CoreHandlers, catalog: Catalog, session: string): Promise<void> {
  const quiz = quizzesOf(catalog)[0];
  const choice = quiz?.question?.choices[0];
  if (!quiz?.question || !choice) throw new Error('no quiz question to answer');
  await call(handlers, 'quiz.submitAnswer', {
    session,
    courseId: quiz.courseId,
    quizId: quiz.quizId,
    questionId: quiz.question.id,
    answer: { type: 'single-choice', choiceId: choice.id },
  });
}

/** The core as both shells start it on a data folder, with the bundled courses. */
function startCoreOn(dataDir: string): Promise<RunningCore> {
  return startCore({ dataDir, courseRoots: [BUNDLED_COURSES_DIR], appVersion: 'bench' });
}

async function timeQueries(dataDir: string, learnerIds: string[], seed: number): Promise<QueryTimings> {
  const core = await startCoreOn(dataDir);
  try {
    const { db, catalog, handlers } = core;
    const sessions = new Map<string, string>();
    for (const learnerId of learnerIds) {
      sessions.set(learnerId, (await call<{ session: string }>(handlers, 'learners.open', { learnerId })).session);
    }
    const random = seededRandom(seed);
    const timings: QueryTimings = { home: [], courseSummary: [], submit: [] };
    for (let round = 0; round < HOME_ROUNDS; round += 1) {
      for (const learnerId of shuffled(learnerIds, random)) {
        const started = performance.now();
        await learnerHome(handlers, catalog, sessions.get(learnerId) as string);
        timings.home.push(performance.now() - started);
      }
    }
    for (const learnerId of shuffled(learnerIds, random)) {
      for (const courseId of catalog.courses.keys()) {
        const started = performance.now();
        courseSummary(db, catalog, learnerId, courseId);
        timings.courseSummary.push(performance.now() - started);
      }
    }
    for (const learnerId of shuffled(learnerIds, random)) {
      const started = performance.now();
      await submitOne(handlers, catalog, sessions.get(learnerId) as string);
      timings.submit.push(performance.now() - started);
    }
    return timings;
  } finally {
    core.close();
  }
}

interface PlannedStatement {
  sql: string;
  plan: string[];
  fullScans: string[];
}

/** The query plan of every statement the learner home, course summary and answer paths prepare. */
async function explainStatements(dataDir: string, learnerId: string): Promise<PlannedStatement[]> {
  const core = await startCoreOn(dataDir);
  try {
    const { db, catalog } = core;
    const captured = new Map<string, unknown[]>();
    const spy = capturingDb(db, captured);
    const handlers = createCoreHandlers({ ...core.deps, db: spy, sessions: new Map() });
    const { session } = await call<{ session: string }>(handlers, 'learners.open', { learnerId });
    await learnerHome(handlers, catalog, session);
    for (const courseId of catalog.courses.keys()) courseSummary(spy, catalog, learnerId, courseId);
    await submitOne(handlers, catalog, session);
    return [...captured].map(([sql, args]) => {
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[];
      const plan = rows.map((row) => row.detail);
      // A SCAN reads a whole table (or a whole index): fine for a handful of rows, not for a million.
      const fullScans = plan.filter((step) => /^SCAN /.test(step) && !/^SCAN CONSTANT ROW/.test(step));
      return { sql: sql.replace(/\s+/g, ' ').trim(), plan, fullScans };
    });
  } finally {
    core.close();
  }
}

function generate(context: BenchContext, name: string, spec: SyntheticSpec): { dir: string; summary: SyntheticSummary } {
  const dir = context.resources.folder(name);
  context.log(`database: generating ${spec.attempts.toLocaleString('en-US')} attempts for ${spec.learners} learners`);
  return { dir, summary: generateSyntheticDataFolder(dir, context.catalog, spec) };
}

async function measureDatabase(context: BenchContext): Promise<BenchRow[]> {
  const big = generate(context, 'db-at-scale', { ...AT_SCALE, attempts: context.sizes.attempts });
  const small = generate(context, 'db-small', { ...AT_SCALE, attempts: SMALL_ATTEMPTS });
  const atScale = await timeQueries(big.dir, big.summary.learnerIds, AT_SCALE.seed);
  const baseline = await timeQueries(small.dir, small.summary.learnerIds, AT_SCALE.seed);
  const plans = await explainStatements(big.dir, big.summary.learnerIds[0] as string);

  const scale: Record<keyof QueryTimings, Summary> = {
    home: summarize(atScale.home),
    courseSummary: summarize(atScale.courseSummary),
    submit: summarize(atScale.submit),
  };
  const small2k: Record<keyof QueryTimings, Summary> = {
    home: summarize(baseline.home),
    courseSummary: summarize(baseline.courseSummary),
    submit: summarize(baseline.submit),
  };
  context.details.database = { generated: big.summary.rows, atScale: scale, small: small2k, plans };
  const attempts = big.summary.rows.quiz_attempts ?? 0;
  const scaleName = `${(attempts / 1e6).toFixed(attempts >= 1e6 ? 0 : 2)}M attempts`;
  const smallLabel = `${SMALL_ATTEMPTS.toLocaleString('en-US')} attempts`;
  const scans = plans.flatMap((statement) => statement.fullScans.map((scan) => `${scan} in: ${statement.sql.slice(0, 80)}`));
  context.notes.push(
    'Query plans at scale (every statement the learner-home stand-in, course summary and answer paths prepare):',
    ...plans.flatMap((statement) => [`  ${statement.sql}`, ...statement.plan.map((step) => `      ${step}`)]),
  );
  const counts = Object.entries(big.summary.rows)
    .map(([table, count]) => `${count.toLocaleString('en-US')} ${table}`)
    .join(', ');
  return [
    {
      kind: 'measured',
      section: SECTIONS.database,
      name: `Setup: generate a synthetic data folder with ${counts}`,
      value: big.summary.elapsedMs / 1000,
      unit: 's',
    },
    {
      kind: 'not-measured',
      section: SECTIONS.database,
      name: 'Learner home page queries',
      reason: 'the learner home is being built; the stand-in below measures the present per-learner reads',
    },
    {
      kind: 'measured',
      section: SECTIONS.database,
      name: `Learner home stand-in (catalog.list + quiz.get for each quiz) at ${scaleName}: p95 of ${scale.home.count}`,
      value: scale.home.p95,
      unit: 'ms',
      baseline: { label: smallLabel, value: small2k.home.p95 },
      budget: BUDGETS.learnerHomeP95Ms,
    },
    {
      kind: 'measured',
      section: SECTIONS.database,
      name: `Per-course summary for a learner (progress + latest answers) at ${scaleName}: p95 of ${scale.courseSummary.count}`,
      value: scale.courseSummary.p95,
      unit: 'ms',
      baseline: { label: smallLabel, value: small2k.courseSummary.p95 },
    },
    {
      kind: 'measured',
      section: SECTIONS.database,
      name: `quiz.submitAnswer in the core (durable commit) at ${scaleName}: p99 of ${scale.submit.count}`,
      value: scale.submit.p99,
      unit: 'ms',
      baseline: { label: smallLabel, value: small2k.submit.p99 },
    },
    {
      kind: 'check',
      section: SECTIONS.database,
      name: 'Query plans use indexes (no full scan)',
      ok: scans.length === 0,
      detail: scans.length === 0 ? `${plans.length} statements, every table reached through an index` : scans.join('; '),
    },
  ];
}

export const databaseMeasurement: Measurement = { id: 'database', section: SECTIONS.database, run: measureDatabase };
