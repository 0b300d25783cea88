import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../../electron/contract/channels.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { writeFixtureCourse } from '../../helpers/fixture-course.js';
import { failure, ok } from '../../helpers/typed-core.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const choice = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'single-choice',
  prompt: `Pick for ${id}`,
  hint: `HINT-${id}`,
  explanation: `SECRET-EXPLANATION-${id}`,
  choices: [
    { id: 'right', text: 'Right', correct: true, feedback: 'SECRET-RIGHT' },
    { id: 'wrong', text: 'Wrong', feedback: 'Not this one' },
    { id: 'other', text: 'Other' },
    { id: 'more', text: 'More' },
  ],
  ...extra,
});
const cloze = {
  id: 'fill',
  type: 'cloze',
  prompt: 'Fill in',
  text: 'The {a} and the {b}.',
  blanks: { a: { accepted: ['mean'] }, b: { accepted: ['median'] } },
};

const QUIZZES = [
  // Per-question feedback with the default tries (2).
  { id: 'tries', title: 'Tries', passMark: 100, questions: [choice('q1'), choice('q2'), cloze] },
  // One question allows one try only; a choice between two has one try whatever the quiz says.
  {
    id: 'strict',
    title: 'Strict',
    triesBeforeSolution: 3,
    questions: [
      choice('once', { triesBeforeSolution: 1 }),
      {
        id: 'two',
        type: 'single-choice',
        prompt: 'Two choices',
        choices: [
          { id: 'yes', text: 'Yes', correct: true },
          { id: 'no', text: 'No' },
        ],
      },
      choice('three'),
    ],
  },
];

describe('try again before the answer, for quiz questions', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  let session: string;

  beforeEach(async () => {
    temp = makeTempDir();
    writeFixtureCourse(path.join(temp.dir, 'courses'), { id: 'fixture', lessons: ['only'], quizzes: QUIZZES });
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      courseRoots: [path.join(temp.dir, 'courses')],
      appVersion: 't',
    });
    const learner = await ok(core, 'learners.create', { displayName: 'Tester', language: 'en' });
    session = (await ok(core, 'learners.open', { learnerId: learner.id })).session;
  });
  afterEach(() => {
    core.close();
    temp.remove();
  });

  const args = (quizId: string) => ({ session, courseId: 'fixture', quizId });
  const pick = (choiceId: string): Answer => ({ type: 'single-choice', choiceId });
  /** The raw reply, to check that nothing of the key is in it. */
  const submitRaw = async (quizId: string, questionId: string, answer: Answer) => {
    const result = await ok(core, 'quiz.submitAnswer', { ...args(quizId), questionId, answer });
    return { text: JSON.stringify(result), result };
  };

  it('after a wrong try, keeps the question open with the verdict only; the right option and explanation come after the last try', async () => {
    const first = await submitRaw('tries', 'q1', pick('wrong'));
    expect(first.result.saved).toMatchObject({
      triesLeft: 1,
      solution: null,
      result: { correct: false, explanation: null, parts: [], feedback: 'Not this one' },
    });
    expect(first.text).not.toContain('SECRET');
    // The same while reopening the quiz: nothing of the key before the tries are used.
    const reopened = await ok(core, 'quiz.get', args('tries'));
    expect(JSON.stringify(reopened)).not.toContain('SECRET');
    expect(reopened.answers[0]).toMatchObject({ triesLeft: 1, solution: null });

    const second = await submitRaw('tries', 'q1', pick('other'));
    expect(second.result.saved).toMatchObject({
      triesLeft: 0,
      solution: { type: 'single-choice', choiceId: 'right' },
      result: { correct: false, explanation: 'SECRET-EXPLANATION-q1' },
    });
    const third = await failure(core, 'quiz.submitAnswer', { ...args('tries'), questionId: 'q1', answer: pick('right') });
    expect(third.reason).toBe('quiz.already-answered');
  });

  it('counts a right second try, and finishes the attempt once every question is closed', async () => {
    await submitRaw('tries', 'q1', pick('wrong'));
    await submitRaw('tries', 'q1', pick('wrong'));
    await submitRaw('tries', 'q2', pick('more'));
    const right = await submitRaw('tries', 'q2', pick('right'));
    expect(right.result.saved).toMatchObject({ triesLeft: 0, solution: null, result: { correct: true } });
    expect(right.result.attempt.finishedAt).toBeNull();
    const blanks = (a: string, b: string): Answer => ({
      type: 'cloze',
      blanks: [
        { name: 'a', text: a },
        { name: 'b', text: b },
      ],
    });
    const wrongCloze = await submitRaw('tries', 'fill', blanks('mean', 'mode'));
    // Which blank was right would give half the answer away: no part marks before the last try.
    expect(wrongCloze.result.saved.result?.parts).toEqual([]);
    const last = await submitRaw('tries', 'fill', blanks('mode', 'mode'));
    expect(last.result.saved.solution).toEqual(blanks('mean', 'median'));
    expect(last.result.saved.result?.parts.length).toBe(2);
    // q2 right at the second try; q1 and the cloze wrong after all tries.
    expect(last.result.attempt).toMatchObject({ score: 1, maxScore: 3, passed: false });
    expect(last.result.attempt.finishedAt).not.toBeNull();
  });

  it("takes a question's own tries, and gives a choice between two one try", async () => {
    const once = await submitRaw('strict', 'once', pick('wrong'));
    expect(once.result.saved).toMatchObject({ triesLeft: 0, solution: { choiceId: 'right' } });
    const two = await submitRaw('strict', 'two', pick('no'));
    expect(two.result.saved).toMatchObject({ triesLeft: 0, solution: { choiceId: 'yes' } });
    // The quiz's 3 tries, but a choice among four has at most 3 (never only the right one left).
    for (const [index, wrong] of ['wrong', 'other'].entries()) {
      const outcome = await submitRaw('strict', 'three', pick(wrong));
      expect(outcome.result.saved.triesLeft).toBe(2 - index);
    }
    const lastTry = await submitRaw('strict', 'three', pick('right'));
    expect(lastTry.result.saved).toMatchObject({ triesLeft: 0, result: { correct: true } });
  });
});
