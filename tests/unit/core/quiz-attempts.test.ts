import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer, PublicQuiz } from '../../../electron/contract/channels.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { writeFixtureCourse } from '../../helpers/fixture-course.js';
import { failure, ok } from '../../helpers/typed-core.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const tf = (id: string, answer: boolean) => ({
  id,
  type: 'true-false',
  prompt: `Statement ${id}`,
  answer,
  explanation: `Why ${id}`,
});
const choice = (id: string) => ({
  id,
  type: 'single-choice',
  prompt: `Pick for ${id}`,
  feedback: { incorrect: 'SECRET-GENERAL' },
  choices: [
    { id: 'right', text: 'Right', correct: true, feedback: 'SECRET-RIGHT' },
    { id: 'wrong', text: 'Wrong' },
    { id: 'other', text: 'Other' },
    { id: 'more', text: 'More' },
  ],
});

const QUIZZES = [
  // Per-question feedback, at most two attempts, 2 of 3 to pass (67 % >= 60).
  { id: 'practice', title: 'Practice', passMark: 60, attemptLimit: 2, questions: [tf('a', true), tf('b', false), tf('c', true)] },
  // Verdicts only at the end; shuffled.
  {
    id: 'final',
    title: 'Final',
    passMark: 100,
    feedback: 'end',
    shuffle: true,
    questions: [choice('p1'), choice('p2'), choice('p3'), choice('p4'), choice('p5')],
  },
];

describe('taking quizzes: attempts, limits, feedback and shuffling', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  let session: string;
  const start = async () => {
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      courseRoots: [path.join(temp.dir, 'courses')],
      appVersion: 't',
    });
  };
  const openLearner = async (name: string) => {
    const learner = await ok(core, 'learners.create', { displayName: name, language: 'en' });
    return (await ok(core, 'learners.open', { learnerId: learner.id })).session;
  };
  const quizArgs = (quizId: string, who = session) => ({ session: who, courseId: 'fixture', quizId });
  const get = (quizId: string, who = session) => ok(core, 'quiz.get', quizArgs(quizId, who));
  const submit = (quizId: string, questionId: string, answer: Answer, who = session) =>
    ok(core, 'quiz.submitAnswer', {
      ...quizArgs(quizId, who),
      questionId,
      answer,
    });
  const yes = (value: boolean): Answer => ({ type: 'true-false', value });
  const pick = (choiceId: string): Answer => ({ type: 'single-choice', choiceId });

  beforeEach(async () => {
    temp = makeTempDir();
    writeFixtureCourse(path.join(temp.dir, 'courses'), { id: 'fixture', lessons: ['only'], quizzes: QUIZZES });
    await start();
    session = await openLearner('Tester');
  });
  afterEach(() => {
    core.close();
    temp.remove();
  });

  it('shows verdicts per question, makes each answer final, and finishes the attempt with the last one', async () => {
    const fresh = await get('practice');
    expect(fresh.attempt).toMatchObject({ attemptId: null, number: 1, finishedAt: null });
    expect(fresh).toMatchObject({ passMark: 60, attemptLimit: 2, attemptsLeft: 2, canRetake: false, feedback: 'per-question' });

    const first = await submit('practice', 'a', yes(true));
    expect(first.saved.result).toMatchObject({ correct: true, score: 1, explanation: 'Why a' });
    expect(first.attempt).toMatchObject({ number: 1, finishedAt: null, passed: null });
    const again = await failure(core, 'quiz.submitAnswer', { ...quizArgs('practice'), questionId: 'a', answer: yes(false) });
    expect(again.code).toBe('conflict');
    expect(again.message).toMatch(/already answered/);
    expect(again.reason).toBe('quiz.already-answered');

    await submit('practice', 'b', yes(true)); // wrong
    const last = await submit('practice', 'c', yes(true));
    expect(last.attempt).toMatchObject({ score: 2, maxScore: 3, percent: 66, passed: true });
    expect(last.attempt.finishedAt).not.toBeNull();

    const view = await get('practice');
    expect(view).toMatchObject({ finishedAttempts: 1, attemptsLeft: 1, passedEver: true, canRetake: true });
    expect(view.answers.map((answer) => [answer.questionId, answer.result?.correct])).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
    ]);
    const closed = await failure(core, 'quiz.submitAnswer', { ...quizArgs('practice'), questionId: 'a', answer: yes(true) });
    expect(closed.message).toMatch(/finished\. Retake/);
    expect(closed).toMatchObject({ reason: 'quiz.attempt-finished', params: { title: view.title } });
  });

  it('stores every attempt with its answers, score and timestamps, and enforces the attempt limit', async () => {
    await submit('practice', 'a', yes(true));
    expect(
      (await failure(core, 'quiz.submitAnswer', { ...quizArgs('practice'), questionId: 'a', answer: yes(false) })).code,
    ).toBe('conflict');
    await submit('practice', 'b', yes(true));
    await submit('practice', 'c', yes(false)); // attempt 1: a right, b wrong, c wrong = 1/3
    const retaken = await ok(core, 'quiz.retake', quizArgs('practice'));
    expect(retaken).toMatchObject({ attempt: { number: 2, finishedAt: null }, answers: [], attemptsLeft: 1, canRetake: false });
    for (const [id, value] of [
      ['a', true],
      ['b', false],
      ['c', true],
    ] as const)
      await submit('practice', id, yes(value));
    const done = await get('practice');
    expect(done).toMatchObject({ attemptsLeft: 0, canRetake: false, passedEver: true, attempt: { number: 2, percent: 100 } });
    const refused = await failure(core, 'quiz.retake', quizArgs('practice'));
    expect(refused).toMatchObject({ code: 'conflict' });
    expect(refused.message).toMatch(/used all 2 attempts/);
    expect(refused).toMatchObject({ reason: 'quiz.attempts-used', params: { count: 2, title: done.title } });

    const attempts = core.db
      .prepare(
        "SELECT id, started_at, finished_at, score, max_score, pass_mark, passed, seed FROM quiz_attempts WHERE quiz_id = 'practice' ORDER BY rowid",
      )
      .all() as Record<string, unknown>[];
    expect(attempts).toHaveLength(2);
    expect(attempts.map((row) => [row.score, row.max_score, row.pass_mark, row.passed])).toEqual([
      [1, 3, 60, 0],
      [3, 3, 60, 1],
    ]);
    for (const row of attempts) {
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(row.started_at as string)).not.toBeNaN();
      expect(Date.parse(row.finished_at as string)).toBeGreaterThanOrEqual(Date.parse(row.started_at as string));
      expect(row.seed).toBeTruthy();
    }
    const answerCount = core.db
      .prepare('SELECT attempt_id, COUNT(*) AS n FROM quiz_answers GROUP BY attempt_id ORDER BY MIN(rowid)')
      .all() as { n: number }[];
    expect(answerCount.map((row) => row.n)).toEqual([3, 3]);
  });

  it('with feedback at the end, keeps every verdict inside the core until the attempt is finished', async () => {
    const quiz = await get('final');
    const [q1, q2] = quiz.questions;
    const saved = await submit('final', q1!.id, pick('wrong'));
    expect(saved.saved.result).toBeNull();
    expect(saved.attempt).toMatchObject({ score: null, passed: null, percent: null });
    // Answers may change until the end; the latest counts.
    await submit('final', q1!.id, pick('right'));
    await submit('final', q2!.id, pick('wrong'));
    const before = await get('final');
    expect(JSON.stringify(before)).not.toMatch(/SECRET|"correct"|"score":[0-9]/);
    expect(before.answers.every((answer) => answer.result === null)).toBe(true);
    expect(before.answers.map((answer) => answer.answer)).toEqual([pick('right'), pick('wrong')]);
    // Catalog and home page do not tell either.
    expect(JSON.stringify(await ok(core, 'progress.home', { session }))).not.toMatch(/"passed":true|quizzesPassed":[1-9]/);

    const finished = await ok(core, 'quiz.finish', quizArgs('final'));
    expect(finished.attempt).toMatchObject({ score: 1, maxScore: 5, percent: 20, passed: false });
    expect(finished.answers.map((answer) => answer.result?.correct)).toEqual([true, false]);
    expect(finished.answers[1]!.result?.feedback).toBe('SECRET-GENERAL');
    expect((await failure(core, 'quiz.finish', quizArgs('final'))).message).toMatch(/already finished/);
  });

  it('keeps the shuffled order of an attempt through reloads and restarts, and changes it for a retake', async () => {
    const order = (quiz: PublicQuiz) =>
      quiz.questions.map(
        (question) => `${question.id}:${question.type === 'single-choice' ? question.choices.map((c) => c.id).join(',') : ''}`,
      );
    const shown = order(await get('final'));
    expect(order(await get('final'))).toEqual(shown);
    const first = (await get('final')).questions[0]!.id;
    await submit('final', first, pick('right')); // the attempt is recorded with the order shown before
    expect(order(await get('final'))).toEqual(shown);

    core.close();
    await start();
    session = (
      await ok(core, 'learners.open', {
        learnerId: (await ok(core, 'learners.list', {})).find((learner) => learner.displayName === 'Tester')!.id,
      })
    ).session;
    expect(order(await get('final'))).toEqual(shown);

    const orders = new Set([shown.join('|')]);
    for (let i = 0; i < 4; i += 1) {
      await ok(core, 'quiz.finish', quizArgs('final'));
      orders.add(order(await ok(core, 'quiz.retake', quizArgs('final'))).join('|'));
      await submit('final', (await get('final')).questions[0]!.id, pick('right'));
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('keeps each learner’s attempts apart', async () => {
    const other = await openLearner('Other');
    await submit('practice', 'a', yes(true));
    expect((await get('practice', other)).answers).toEqual([]);
    await submit('practice', 'a', yes(false), other);
    expect((await get('practice')).answers.map((answer) => answer.result?.correct)).toEqual([true]);
    expect((await get('practice', other)).answers.map((answer) => answer.result?.correct)).toEqual([false]);
  });

  it('refuses to finish before any answer and to retake an open attempt', async () => {
    expect((await failure(core, 'quiz.finish', quizArgs('final'))).message).toMatch(/at least one question/);
    expect((await failure(core, 'quiz.retake', quizArgs('final'))).message).toMatch(/Finish this attempt/);
    expect(core.db.prepare('SELECT COUNT(*) FROM quiz_attempts').pluck().get()).toBe(0);
  });
});
