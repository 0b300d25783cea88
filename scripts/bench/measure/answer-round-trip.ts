/**
 * 3. Answer round trip: `quiz.submitAnswer` over browser mode's real HTTP API (secret header,
 * session from `learners.open`), from sending the answer to the reply that it is saved (the core
 * replies only after the durable commit, with `saved.savedAt`). One after another, as a learner
 * answers.
 *
 * Every submission is a real first answer to a question of an open attempt: with per-question
 * feedback an answer is final, so a learner goes through the bundled quizzes attempt by attempt
 * (the last answer of a per-question quiz finishes its attempt, inside the timed call, as in the
 * app), finishing `feedback: end` attempts and retaking quizzes between them, untimed
 * (scripts/bench/lib/quiz-turns.ts). A learner takes each quiz at most three times (the sample
 * course's attempt limit); then a new profile, created untimed, carries on. So the data folder
 * grows as on a PC shared by a few dozen learners, not as one learner with hundreds of retakes.
 *
 * Baselines, measured in the same run on the same PC:
 * - `app.info` over the same server, called in turn with each answer: the HTTP and dispatch cost
 *   without a write;
 * - a bare durable SQLite commit (one-row insert, WAL, synchronous = FULL, as Aula opens its
 *   database) in a scratch file in the same temp folder: the disk's floor for "saved".
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Learner } from '../../../electron/contract/channels.js';
import { BUDGETS } from '../lib/budgets.js';
import { SECTIONS, type BenchContext, type Measurement } from '../lib/context.js';
import { QuizTurns, type Submission } from '../lib/quiz-turns.js';
import type { BenchRow } from '../lib/report.js';
import { seededRandom } from '../lib/seeded-random.js';
import { callChannel, startAula, type ServerProcess } from '../lib/server-process.js';
import { summarize } from '../lib/stats.js';

const WARM_UP_CALLS = 20;
const ANSWER_SEED = 7;
/** A learner's attempts at each quiz before the next learner takes over. */
const ATTEMPTS_PER_QUIZ = 3;

interface TimedStep {
  /** Untimed preparation (finding the next question, finishing, retaking). */
  prepare(): Promise<void>;
  /** The timed call. */
  run(): Promise<void>;
}

/**
 * Times `count` sequential calls of `measured` and of `baseline`, alternating, so that a burst of
 * other work on the PC falls on both alike. Each call must succeed, or its time would mean nothing.
 */
async function timeAlternating(
  count: number,
  measured: TimedStep,
  baseline: () => Promise<void>,
): Promise<{ measured: number[]; baseline: number[] }> {
  for (let i = 0; i < WARM_UP_CALLS; i += 1) {
    await measured.prepare();
    await measured.run();
    await baseline();
  }
  const samples = { measured: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < count; i += 1) {
    await measured.prepare();
    let started = performance.now();
    await measured.run();
    samples.measured.push(performance.now() - started);
    started = performance.now();
    await baseline();
    samples.baseline.push(performance.now() - started);
  }
  return samples;
}

function timeDurableCommits(dir: string, count: number): number[] {
  const db = new Database(path.join(dir, 'commit-floor.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE answers (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO answers (body) VALUES (?)');
    const samples: number[] = [];
    for (let i = 0; i < WARM_UP_CALLS + count; i += 1) {
      const started = performance.now();
      insert.run(`{"type":"single-choice","choiceId":"choice-${i}"}`);
      if (i >= WARM_UP_CALLS) samples.push(performance.now() - started);
    }
    return samples;
  } finally {
    db.close();
  }
}

/** Creates and opens the next learner's profile, as on the picker. */
async function openNewLearner(server: ServerProcess, number: number): Promise<string> {
  const learner = await callChannel<Learner>(server, 'learners.create', { displayName: `Learner ${number}`, language: 'en' });
  const opened = await callChannel<{ session: string }>(server, 'learners.open', { learnerId: learner.id });
  return opened.session;
}

async function measureAnswerRoundTrip(context: BenchContext): Promise<BenchRow[]> {
  const count = context.sizes.answers;
  const dataDir = context.resources.folder('answer-data');
  const server = await startAula(context.resources, dataDir);
  let answers: number[];
  let infos: number[];
  const submittedTypes = new Map<string, number>();
  let learners = 0;
  try {
    const call = <T>(channel: string, args: unknown) => callChannel<T>(server, channel, args);
    const random = seededRandom(ANSWER_SEED);
    const learnerTurns = async () => {
      learners += 1;
      const session = await openNewLearner(server, learners);
      return { session, turns: new QuizTurns(call, context.catalog, session, random, undefined, 0, ATTEMPTS_PER_QUIZ) };
    };
    let learner = await learnerTurns();
    let next: Submission | null = null;
    const samples = await timeAlternating(
      count,
      {
        prepare: async () => {
          next = await learner.turns.next();
          if (!next) {
            learner = await learnerTurns();
            next = await learner.turns.next();
          }
          if (!next) throw new Error('a new learner has no quiz to answer');
        },
        run: async () => {
          if (!next) throw new Error('no answer prepared');
          const submission: Submission = next;
          next = null;
          const reply = await callChannel<{ saved?: { savedAt?: string } }>(server, 'quiz.submitAnswer', {
            session: learner.session,
            ...submission,
          });
          if (!reply.saved?.savedAt) throw new Error('quiz.submitAnswer replied without saved.savedAt');
          submittedTypes.set(submission.answer.type, (submittedTypes.get(submission.answer.type) ?? 0) + 1);
        },
      },
      async () => {
        await callChannel(server, 'app.info', {});
      },
    );
    answers = samples.measured;
    infos = samples.baseline;
  } finally {
    await server.stop();
  }
  const commits = timeDurableCommits(context.resources.folder('commit-floor'), count);

  const answer = summarize(answers);
  const info = summarize(infos);
  const commit = summarize(commits);
  context.details.answerRoundTrip = {
    answers: answer,
    appInfo: info,
    durableCommit: commit,
    answerTypes: Object.fromEntries(submittedTypes),
    learners,
  };
  const name = `quiz.submitAnswer over HTTP to saved`;
  const httpLabel = 'app.info over the same HTTP API, no write';
  return [
    {
      kind: 'measured',
      section: SECTIONS.answer,
      name: `${name}: p50 of ${count}`,
      value: answer.p50,
      unit: 'ms',
      baseline: { label: httpLabel, value: info.p50 },
    },
    {
      kind: 'measured',
      section: SECTIONS.answer,
      name: `${name}: p99 of ${count}`,
      value: answer.p99,
      unit: 'ms',
      baseline: { label: httpLabel, value: info.p99 },
      budget: BUDGETS.answerRoundTripP99Ms,
    },
    {
      kind: 'measured',
      section: SECTIONS.answer,
      name: `- for comparison: bare durable SQLite commit, p99 of ${count}`,
      value: commit.p99,
      unit: 'ms',
      baseline: { label: 'p50 of the same commits', value: commit.p50 },
    },
  ];
}

export const answerRoundTripMeasurement: Measurement = {
  id: 'answer',
  section: SECTIONS.answer,
  run: measureAnswerRoundTrip,
};
