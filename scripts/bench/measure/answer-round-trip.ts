/**
 * 3. Answer round trip: `quiz.submitAnswer` over browser mode's real HTTP API (secret header,
 * session from `learners.open`), from sending the answer to the reply that it is saved (the core
 * replies only after the durable commit, with `saved.savedAt`). One after another, as a learner
 * answers.
 *
 * Every submission is a real first answer to a question of an open attempt: with per-question
 * feedback an answer is final, so the learner goes through the bundled quizzes attempt by
 * attempt (the last answer of a per-question quiz finishes its attempt, inside the timed call, as
 * in the app), finishing `feedback: end` attempts and retaking quizzes between them, untimed
 * (scripts/bench/lib/quiz-turns.ts). Once a quiz's attempt limit is used up, the quizzes without
 * a limit carry on.
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

async function openFirstLearner(server: ServerProcess): Promise<string> {
  const learners = await callChannel<Learner[]>(server, 'learners.list', {});
  const learner = learners[0];
  if (!learner) throw new Error('the new data folder has no learner profile');
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
  try {
    const session = await openFirstLearner(server);
    const call = <T>(channel: string, args: unknown) => callChannel<T>(server, channel, args);
    const turns = new QuizTurns(call, context.catalog, session, seededRandom(ANSWER_SEED));
    let next: Submission | null = null;
    const samples = await timeAlternating(
      count,
      {
        prepare: async () => {
          next = await turns.next();
        },
        run: async () => {
          if (!next) throw new Error('no answer prepared');
          const submission: Submission = next;
          next = null;
          const reply = await callChannel<{ saved?: { savedAt?: string } }>(server, 'quiz.submitAnswer', {
            session,
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
