/**
 * 4. Database at scale: a synthetic data folder with 200 learners, every bundled course and about
 * a million quiz attempts over two years (scripts/bench/synthetic-data.ts), against the same
 * calls on a small folder (200 learners, 2,000 attempts) as the baseline: with the right
 * indexes, the figures hardly differ.
 *
 * Measured through `dispatch`, as both shells call the core, for every learner in turn:
 * - `progress.home`: the learner home page (electron/core/learner-home.ts), THE learner-home figure;
 * - `catalog.list`: the per-course summary (progress and mastery in every course);
 * - `quiz.get` for every quiz: what a lesson with a quiz asks for (the current attempt and its answers);
 * - one `quiz.submitAnswer` (durable commit), prepared untimed as a learner would reach it
 *   (scripts/bench/lib/quiz-turns.ts).
 * Every SQL statement those calls prepare is captured and its query plan checked for full scans.
 */
import type { Catalog } from '../../../electron/courses/catalog.js';
import type { CoreHandlers } from '../../../electron/core/dispatch.js';
import { dispatch } from '../../../electron/core/dispatch.js';
import { createCoreHandlers } from '../../../electron/core/learn-core.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { BUNDLED_COURSES_DIR } from '../../lib/project-paths.js';
import { BUDGETS } from '../lib/budgets.js';
import { capturingDb, explainCaptured, type PlannedStatement } from '../lib/query-plans.js';
import { SECTIONS, type BenchContext, type Measurement } from '../lib/context.js';
import { QuizTurns, quizRefsOf, type ChannelCaller } from '../lib/quiz-turns.js';
import type { BenchRow } from '../lib/report.js';
import { seededRandom, shuffled } from '../lib/seeded-random.js';
import { summarize, type Summary } from '../lib/stats.js';
import { AT_SCALE, generateSyntheticDataFolder, type SyntheticSpec, type SyntheticSummary } from '../synthetic-data.js';

const ROUNDS = 2;
const SMALL_ATTEMPTS = 2_000;
/** Answers one learner gives for the query plans: enough to finish and retake every bundled quiz. */
const EXPLAIN_ANSWERS = 30;

interface QueryTimings {
  home: number[];
  catalog: number[];
  quizGet: number[];
  submit: number[];
}

function callerOf(handlers: CoreHandlers): ChannelCaller {
  return async <T>(channel: string, args: unknown): Promise<T> => {
    const outcome = await dispatch(handlers, channel, args);
    if (!outcome.ok) throw new Error(`${channel} failed: ${outcome.error.message}`);
    return outcome.result as T;
  };
}

/** The core as both shells start it on a data folder, with the bundled courses. */
function startCoreOn(dataDir: string): Promise<RunningCore> {
  // No automatic backup: copying the synthetic gigabyte would run in the middle of the timed calls.
  return startCore({ dataDir, courseRoots: [BUNDLED_COURSES_DIR], appVersion: 'bench', firstBackupDelayMs: false });
}

async function timed(samples: number[], work: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await work();
  samples.push(performance.now() - started);
}

/** Opens every learner's profile (no PINs in the synthetic data), as the picker does. */
async function openProfiles(call: ChannelCaller, learnerIds: string[]): Promise<Map<string, string>> {
  const sessions = new Map<string, string>();
  for (const learnerId of learnerIds) {
    sessions.set(learnerId, (await call<{ session: string }>('learners.open', { learnerId })).session);
  }
  return sessions;
}

/** One submission per learner, each at a quiz picked at random and prepared untimed. */
async function timeSubmissions(
  call: ChannelCaller,
  catalog: Catalog,
  learnerIds: string[],
  sessions: Map<string, string>,
  random: () => number,
  into?: number[],
): Promise<void> {
  const quizzes = quizRefsOf(catalog);
  for (const learnerId of learnerIds) {
    const session = sessions.get(learnerId) as string;
    const turns = new QuizTurns(call, catalog, session, random, quizzes, Math.floor(random() * quizzes.length));
    const submission = await turns.next();
    if (!submission) throw new Error(`learner ${learnerId} has no quiz left to answer or retake`);
    const submit = () => call('quiz.submitAnswer', { session, ...submission });
    if (into) await timed(into, submit);
    else await submit();
  }
}

async function timeQueries(dataDir: string, learnerIds: string[], seed: number): Promise<QueryTimings> {
  const core = await startCoreOn(dataDir);
  try {
    const { handlers } = core;
    const catalog = core.catalog.current();
    const call = callerOf(handlers);
    const sessions = await openProfiles(call, learnerIds);
    const random = seededRandom(seed);
    const quizzes = quizRefsOf(catalog);
    const timings: QueryTimings = { home: [], catalog: [], quizGet: [], submit: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const learnerId of shuffled(learnerIds, random)) {
        const session = sessions.get(learnerId) as string;
        await timed(timings.home, () => call('progress.home', { session }));
      }
      for (const learnerId of shuffled(learnerIds, random)) {
        const session = sessions.get(learnerId) as string;
        await timed(timings.catalog, () => call('catalog.list', { session }));
      }
    }
    for (const learnerId of shuffled(learnerIds, random)) {
      const session = sessions.get(learnerId) as string;
      for (const quiz of quizzes) await timed(timings.quizGet, () => call('quiz.get', { session, ...quiz }));
    }
    await timeSubmissions(call, catalog, shuffled(learnerIds, random), sessions, random, timings.submit);
    return timings;
  } finally {
    core.close();
  }
}

/** The query plan of every statement that the learner home, catalog, quiz and answer paths prepare. */
async function explainStatements(dataDir: string, learnerIds: string[], seed: number): Promise<PlannedStatement[]> {
  const core = await startCoreOn(dataDir);
  try {
    const { db } = core;
    const catalog = core.catalog.current();
    const captured = new Map<string, unknown[]>();
    const spy = capturingDb(db, captured);
    const call = callerOf(createCoreHandlers({ ...core.deps, db: spy, sessions: new Map() }));
    const learners = learnerIds.slice(0, 3);
    const sessions = await openProfiles(call, learners);
    for (const session of sessions.values()) {
      await call('progress.home', { session });
      await call('catalog.list', { session });
      for (const quiz of quizRefsOf(catalog)) await call('quiz.get', { session, ...quiz });
    }
    const random = seededRandom(seed);
    await timeSubmissions(call, catalog, learners, sessions, random);
    // One learner answers on through whole attempts, so that finishing and retaking are planned too.
    const session = sessions.get(learners[0] as string) as string;
    const turns = new QuizTurns(call, catalog, session, random);
    for (let i = 0; i < EXPLAIN_ANSWERS; i += 1) {
      const submission = await turns.next();
      if (!submission) break; // every quiz of this learner is used up: what ran is planned
      await call('quiz.submitAnswer', { session, ...submission });
    }
    return explainCaptured(db, captured);
  } finally {
    core.close();
  }
}

function generate(context: BenchContext, name: string, spec: SyntheticSpec): { dir: string; summary: SyntheticSummary } {
  const dir = context.resources.folder(name);
  context.log(`database: generating ${spec.attempts.toLocaleString('en-US')} attempts for ${spec.learners} learners`);
  return { dir, summary: generateSyntheticDataFolder(dir, context.catalog, spec) };
}

function summarizeAll(timings: QueryTimings): Record<keyof QueryTimings, Summary> {
  return {
    home: summarize(timings.home),
    catalog: summarize(timings.catalog),
    quizGet: summarize(timings.quizGet),
    submit: summarize(timings.submit),
  };
}

async function measureDatabase(context: BenchContext): Promise<BenchRow[]> {
  const big = generate(context, 'db-at-scale', { ...AT_SCALE, attempts: context.sizes.attempts });
  const small = generate(context, 'db-small', { ...AT_SCALE, attempts: SMALL_ATTEMPTS });
  const atScale = await timeQueries(big.dir, big.summary.learnerIds, AT_SCALE.seed);
  const baseline = await timeQueries(small.dir, small.summary.learnerIds, AT_SCALE.seed);
  const plans = await explainStatements(big.dir, big.summary.learnerIds, AT_SCALE.seed);

  const scale = summarizeAll(atScale);
  const small2k = summarizeAll(baseline);
  context.details.database = {
    generated: big.summary.rows,
    attempts: big.summary.attempts,
    atScale: scale,
    small: small2k,
    plans,
  };
  const attempts = big.summary.rows.quiz_attempts ?? 0;
  const scaleName = `${(attempts / 1e6).toFixed(attempts >= 1e6 ? 0 : 2)}M attempts`;
  const smallLabel = `${SMALL_ATTEMPTS.toLocaleString('en-US')} attempts`;
  const scans = plans.flatMap((statement) => statement.fullScans.map((scan) => `${scan} in: ${statement.sql.slice(0, 80)}`));
  context.notes.push(
    'Query plans at scale (every statement that progress.home, catalog.list, quiz.get and the answer path prepare):',
    ...plans.flatMap((statement) => [`  ${statement.sql}`, ...statement.plan.map((step) => `      ${step}`)]),
  );
  const counts = Object.entries(big.summary.rows)
    .map(([table, count]) => `${count.toLocaleString('en-US')} ${table}`)
    .join(', ');
  const { finished, passed, open } = big.summary.attempts;
  const shares = `${finished.toLocaleString('en-US')} finished (${passed.toLocaleString('en-US')} passed), ${open.toLocaleString('en-US')} open`;
  return [
    {
      kind: 'measured',
      section: SECTIONS.database,
      name: `Setup: generate a synthetic data folder with ${counts}; attempts ${shares}`,
      value: big.summary.elapsedMs / 1000,
      unit: 's',
    },
    {
      kind: 'measured',
      section: SECTIONS.database,
      name: `Learner home (progress.home) at ${scaleName}: p95 of ${scale.home.count}`,
      value: scale.home.p95,
      unit: 'ms',
      baseline: { label: smallLabel, value: small2k.home.p95 },
      budget: BUDGETS.learnerHomeP95Ms,
    },
    {
      kind: 'measured',
      section: SECTIONS.database,
      name: `Per-course summary (catalog.list: progress and mastery in every course) at ${scaleName}: p95 of ${scale.catalog.count}`,
      value: scale.catalog.p95,
      unit: 'ms',
      baseline: { label: smallLabel, value: small2k.catalog.p95 },
    },
    {
      kind: 'measured',
      section: SECTIONS.database,
      name: `quiz.get (current attempt and its answers) at ${scaleName}: p95 of ${scale.quizGet.count}`,
      value: scale.quizGet.p95,
      unit: 'ms',
      baseline: { label: smallLabel, value: small2k.quizGet.p95 },
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
