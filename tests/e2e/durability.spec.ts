/**
 * No acknowledged answer is ever lost: browser mode is killed with SIGKILL while answers are
 * being submitted (several requests in flight), at several points; after a restart every answer
 * the core acknowledged is in the database, and SQLite's integrity check says ok.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFixtureCourse } from '../helpers/fixture-course.js';
import { callChannel, expect, startAula, test } from './fixtures/aula-server.js';
import { placeCourseInDataDir } from './fixtures/install-course-folder.js';

const QUESTIONS = ['q1', 'q2', 'q3', 'q4', 'q5'];
/** Feedback at the end, so the same questions can be answered again and again: each answer is a new row. */
const DURABILITY_QUIZ = {
  id: 'durability',
  title: 'Durability',
  feedback: 'end',
  questions: QUESTIONS.map((id) => ({ id, type: 'true-false', prompt: `Statement ${id}`, answer: true })),
};
const IN_FLIGHT = 4;
const MAX_SUBMISSIONS = 400;

/** Calls a channel over HTTP as any client of browser mode must: with the per-launch secret. */
/** Reads the database file in a separate process (as another program would), after Aula recovered it. */
function readDatabase(dataDir: string): { integrity: string; answerIds: string[] } {
  const file = path.join(dataDir, 'aula.sqlite');
  const script = `const D=require('better-sqlite3');const d=new D(${JSON.stringify(file)},{readonly:true});
    console.log(JSON.stringify({integrity:d.pragma('integrity_check',{simple:true}),answerIds:d.prepare('SELECT id FROM quiz_answers').pluck().all()}));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script]).toString()) as { integrity: string; answerIds: string[] };
}

/**
 * When to kill, counted from the answers themselves (never from a clock): on the reply that makes
 * N acknowledged, or the moment the Nth submission goes out, with others still in flight.
 */
type KillPoint = { afterAcknowledged: number } | { afterSent: number };

async function submitUntilKilled(dataDir: string, killPoint: KillPoint): Promise<{ acknowledged: string[]; sent: number }> {
  const aula = await startAula(dataDir, { learners: [] });
  const learner = await callChannel(aula, 'learners.create', { displayName: 'Durable', language: 'en' });
  const { session } = await callChannel(aula, 'learners.open', { learnerId: learner.id });
  const acknowledged: string[] = [];
  let sent = 0;
  let killed = false;
  const kill = () => {
    if (killed) return;
    killed = true;
    aula.child.kill('SIGKILL');
  };
  const worker = async () => {
    while (!killed && sent < MAX_SUBMISSIONS) {
      const index = sent;
      sent += 1;
      try {
        const submitting = callChannel(aula, 'quiz.submitAnswer', {
          session,
          courseId: 'durable-course',
          quizId: 'durability',
          questionId: QUESTIONS[index % QUESTIONS.length]!,
          answer: { type: 'true-false', value: index % 2 === 0 },
        });
        if ('afterSent' in killPoint && sent >= killPoint.afterSent) kill();
        const reply = await submitting;
        // Only a reply counts as acknowledged: that is when the UI shows "saved".
        acknowledged.push(reply.saved.answerId);
        if ('afterAcknowledged' in killPoint && acknowledged.length >= killPoint.afterAcknowledged) kill();
      } catch {
        if (!killed) throw new Error(`a submission failed before the kill:\n${aula.output()}`);
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  kill();
  // Killed, not stopped: no exit code, so nothing was closed or checkpointed.
  expect(await aula.stop()).toBeNull();
  expect(aula.child.signalCode).toBe('SIGKILL');
  return { acknowledged, sent };
}

const KILL_POINTS: KillPoint[] = [
  { afterAcknowledged: 1 },
  { afterAcknowledged: 7 },
  { afterAcknowledged: 33 },
  // Each of the IN_FLIGHT workers sends only after its last reply, so at least 96 are acknowledged.
  { afterSent: 100 },
];

test.describe('answers survive a killed process', () => {
  for (const killPoint of KILL_POINTS) {
    const name =
      'afterAcknowledged' in killPoint
        ? `after ${killPoint.afterAcknowledged} acknowledged`
        : `as submission ${killPoint.afterSent} goes out`;
    test(`SIGKILL ${name}`, async ({ dataDir }) => {
      const courseRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-durable-course-'));
      try {
        placeCourseInDataDir(
          dataDir,
          writeFixtureCourse(courseRoot, { id: 'durable-course', lessons: ['only'], quizzes: [DURABILITY_QUIZ] }),
        );
      } finally {
        fs.rmSync(courseRoot, { recursive: true, force: true });
      }

      const { acknowledged, sent } = await submitUntilKilled(dataDir, killPoint);
      expect(acknowledged.length).toBeGreaterThan(0);

      // Restart on the same data folder: Aula opens it (recovering the WAL) and works.
      const restarted = await startAula(dataDir);
      try {
        const learners = await callChannel(restarted, 'learners.list', {});
        const durable = learners.find((learner) => learner.displayName === 'Durable')!;
        const { session } = await callChannel(restarted, 'learners.open', { learnerId: durable.id });
        const quiz = await callChannel(restarted, 'quiz.get', {
          session,
          courseId: 'durable-course',
          quizId: 'durability',
        });
        expect(quiz.answers.length).toBeGreaterThan(0);

        const stored = readDatabase(dataDir);
        expect(stored.integrity).toBe('ok');
        const storedIds = new Set(stored.answerIds);
        expect(
          acknowledged.filter((id) => !storedIds.has(id)),
          'acknowledged answers missing after the kill',
        ).toEqual([]);
        // Nothing appears that was never sent; answers in flight at the kill may or may not be there.
        expect(stored.answerIds.length).toBeLessThanOrEqual(sent);
        test.info().annotations.push({
          type: 'durability',
          description: `${sent} sent, ${acknowledged.length} acknowledged, ${stored.answerIds.length} stored`,
        });
      } finally {
        expect(await restarted.stop()).toBe(0);
      }
      expect(readDatabase(dataDir).integrity).toBe('ok');
    });
  }
});
