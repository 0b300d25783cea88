import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResponse, Learner } from '../../../electron/contract/channels.js';
import { dispatch } from '../../../electron/core/dispatch.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { makeTempDir, REPO_ROOT } from '../../helpers/temp-dir.js';

const COURSES = path.join(REPO_ROOT, 'courses');

function okResult<T>(response: ApiResponse<unknown>): T {
  if (!response.ok) throw new Error(`expected ok, got ${JSON.stringify(response.error)}`);
  return response.result as T;
}

describe('the core behind the contract', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  let learner: Learner;
  let session: string;
  const call = (channel: string, args: unknown) => dispatch(core.handlers, channel, args);
  const openFirstLearner = async () => {
    learner = okResult<Learner[]>(await call('learners.list', {}))[0]!;
    session = okResult<{ session: string }>(await call('learners.open', { learnerId: learner.id })).session;
  };

  beforeEach(async () => {
    temp = makeTempDir();
    core = await startCore({ dataDir: temp.dir, courseRoots: [COURSES], appVersion: '0.0.0-test' });
    await openFirstLearner();
  });
  afterEach(() => {
    core.close();
    temp.remove();
  });

  it('creates one default learner on first run', async () => {
    expect(okResult<Learner[]>(await call('learners.list', {}))).toHaveLength(1);
    expect(learner.displayName).toBe('Learner');
  });

  it('grades an answer, stores it, and still has it after the database is closed and reopened', async () => {
    const graded = okResult<{ correct: boolean; feedback: string; savedAt: string }>(
      await call('quiz.submitAnswer', {
        session,
        courseId: 'sample',
        quizId: 'data-sources-check',
        questionId: 'personal-data',
        answer: { type: 'single-choice', choiceId: 'member-rents' },
      }),
    );
    expect(graded.correct).toBe(true);
    expect(graded.feedback).toMatch(/names people/);
    okResult(await call('lesson.complete', { session, courseId: 'sample', lessonId: 'data-you-already-have' }));

    core.close();
    core = await startCore({ dataDir: temp.dir, courseRoots: [COURSES], appVersion: '0.0.0-test' });
    // Sessions do not outlive a launch: the old one is refused until the profile is opened again.
    const stale = await call('catalog.list', { session });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('forbidden');
    await openFirstLearner();
    const quiz = okResult<{ answers: { questionId: string; correct: boolean; answer: unknown }[] }>(
      await call('quiz.get', { session, courseId: 'sample', quizId: 'data-sources-check' }),
    );
    expect(quiz.answers).toEqual([
      expect.objectContaining({
        questionId: 'personal-data',
        correct: true,
        answer: { type: 'single-choice', choiceId: 'member-rents' },
      }),
    ]);
    const catalog = okResult<{ id: string; percentComplete: number; lessons: { status: string }[] }[]>(
      await call('catalog.list', { session }),
    );
    expect(catalog[0]).toMatchObject({ id: 'sample', percentComplete: 50 });
    expect(catalog[0]!.lessons.map((lesson) => lesson.status)).toEqual(['completed', 'not-started']);
  });

  it('never sends answer keys to the renderer', async () => {
    const quiz = okResult(await call('quiz.get', { session, courseId: 'sample', quizId: 'data-sources-check' }));
    expect(JSON.stringify(quiz)).not.toMatch(/"correct"|names people|identifiable people/);
  });

  it('persists the language setting', async () => {
    okResult(await call('settings.setLanguage', { language: 'ca' }));
    core.close();
    core = await startCore({ dataDir: temp.dir, courseRoots: [COURSES], appVersion: '0.0.0-test' });
    expect(okResult<{ language: string }>(await call('app.info', {})).language).toBe('ca');
  });

  describe('refuses bad calls with a structured error and changes nothing', () => {
    const countAnswers = () => core.db.prepare('SELECT COUNT(*) FROM quiz_answers').pluck().get();
    const submit = (overrides: Record<string, unknown>) =>
      call('quiz.submitAnswer', {
        session,
        courseId: 'sample',
        quizId: 'data-sources-check',
        questionId: 'personal-data',
        answer: { type: 'single-choice', choiceId: 'member-rents' },
        ...overrides,
      });

    it.each([
      ['an unknown channel', () => call('quiz.deleteEverything', {}), 'unknown-channel'],
      ['arguments that are not an object', () => call('catalog.list', 'learner'), 'invalid-arguments'],
      ['a session that is not a string', () => submit({ session: 42 }), 'invalid-arguments'],
      [
        'a bare learner id instead of a session',
        () => submit({ session: undefined, learnerId: learner.id }),
        'invalid-arguments',
      ],
      ['an extra, unexpected argument', () => submit({ admin: true }), 'invalid-arguments'],
      ['an answer of the wrong shape', () => submit({ answer: { type: 'single-choice', choice: 3 } }), 'invalid-arguments'],
      [
        'a 10 MB string',
        () => submit({ answer: { type: 'single-choice', choiceId: 'x'.repeat(10 * 1024 * 1024) } }),
        'invalid-arguments',
      ],
      [
        'an out-of-range choice',
        () => submit({ answer: { type: 'single-choice', choiceId: 'not-a-choice' } }),
        'invalid-arguments',
      ],
      ['a quiz that does not exist', () => submit({ quizId: 'no-such-quiz' }), 'not-found'],
      ['a course that does not exist', () => submit({ courseId: 'no-such-course' }), 'not-found'],
      ['a session that was never opened', () => submit({ session: 'x'.repeat(32) }), 'forbidden'],
      [
        'opening a learner that does not exist',
        () => call('learners.open', { learnerId: '00000000-0000-4000-8000-000000000000' }),
        'not-found',
      ],
      ['a lesson that does not exist', () => call('lesson.open', { session, courseId: 'sample', lessonId: 'nope' }), 'not-found'],
    ])('%s', async (_name, run, code) => {
      const before = countAnswers();
      const response = await run();
      expect(response.ok).toBe(false);
      if (!response.ok) {
        expect(response.error.code).toBe(code);
        expect(response.error.message.length).toBeGreaterThan(10);
        expect(JSON.stringify(response.error).length).toBeLessThan(4000);
      }
      expect(countAnswers()).toBe(before);
    });
  });
});
