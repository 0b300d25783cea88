import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelName, Learner } from '../../../electron/contract/channels.js';
import { call as callCore, callUnchecked, resultOf, type ChannelInput } from '../../helpers/typed-core.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { makeTempDir, sampleOnlyCourseRoot } from '../../helpers/temp-dir.js';

describe('the core behind the contract', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  let learner: Learner;
  let session: string;
  const call = <C extends ChannelName>(channel: C, args: ChannelInput<C>) => callCore(core, channel, args);
  const openFirstLearner = async () => {
    learner = resultOf(await call('learners.list', {}))[0]!;
    if (!learner) throw new Error('no learner to open');
    session = resultOf(await call('learners.open', { learnerId: learner.id })).session;
  };

  beforeEach(async () => {
    temp = makeTempDir();
    core = await startCore({ dataDir: temp.dir, courseRoots: [sampleOnlyCourseRoot(temp.dir)], appVersion: '0.0.0-test' });
    // The core makes no profile by itself (the first person creates theirs): make one to study as.
    resultOf(await call('learners.create', { displayName: 'Maria Soler', language: 'en' }));
    await openFirstLearner();
  });
  afterEach(() => {
    core.close();
    temp.remove();
  });

  it('makes no profile of its own: a new data folder has none, and a restart keeps the ones people made', async () => {
    const fresh = makeTempDir();
    const empty = await startCore({
      dataDir: fresh.dir,
      courseRoots: [sampleOnlyCourseRoot(fresh.dir)],
      appVersion: '0.0.0-test',
    });
    try {
      expect(resultOf(await callCore(empty, 'learners.list', {}))).toEqual([]);
    } finally {
      empty.close();
      fresh.remove();
    }

    core.close();
    core = await startCore({ dataDir: temp.dir, courseRoots: [sampleOnlyCourseRoot(temp.dir)], appVersion: '0.0.0-test' });
    const afterRestart = resultOf(await call('learners.list', {}));
    expect(afterRestart.map((one) => [one.id, one.displayName])).toEqual([[learner.id, 'Maria Soler']]);
  });

  it('grades an answer, stores it, and still has it after the database is closed and reopened', async () => {
    const graded = resultOf(
      await call('quiz.submitAnswer', {
        session,
        courseId: 'sample',
        quizId: 'data-sources-check',
        questionId: 'personal-data',
        answer: { type: 'single-choice', choiceId: 'member-rents' },
      }),
    );
    expect(graded.saved.result?.correct).toBe(true);
    expect(graded.saved.result?.feedback).toMatch(/names people/);
    resultOf(await call('lesson.complete', { session, courseId: 'sample', lessonId: 'data-you-already-have' }));

    core.close();
    core = await startCore({ dataDir: temp.dir, courseRoots: [sampleOnlyCourseRoot(temp.dir)], appVersion: '0.0.0-test' });
    // Sessions do not outlive a launch: the old one is refused until the profile is opened again.
    const stale = await call('catalog.list', { session });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('forbidden');
    await openFirstLearner();
    const quiz = resultOf(await call('quiz.get', { session, courseId: 'sample', quizId: 'data-sources-check' }));
    expect(quiz.answers).toEqual([
      expect.objectContaining({
        questionId: 'personal-data',
        result: expect.objectContaining({ correct: true }),
        answer: { type: 'single-choice', choiceId: 'member-rents' },
      }),
    ]);
    const catalog = resultOf(await call('catalog.list', { session }));
    // Three lessons and three quizzes: one lesson completed is one step of six.
    expect(catalog[0]).toMatchObject({ id: 'sample', percentComplete: 16 });
    expect(catalog[0]!.lessons.map((lesson) => lesson.status)).toEqual(['completed', 'not-started', 'not-started']);
  });

  it('never sends answer keys to the renderer', async () => {
    const quiz = resultOf(await call('quiz.get', { session, courseId: 'sample', quizId: 'data-sources-check' }));
    expect(JSON.stringify(quiz)).not.toMatch(/"correct"|names people|identifiable people|special category/);
  });

  it('persists the language setting', async () => {
    resultOf(await call('settings.setLanguage', { language: 'ca' }));
    core.close();
    core = await startCore({ dataDir: temp.dir, courseRoots: [sampleOnlyCourseRoot(temp.dir)], appVersion: '0.0.0-test' });
    expect(resultOf(await call('app.info', {})).language).toBe('ca');
  });

  describe('refuses bad calls with a structured error and changes nothing', () => {
    const countAnswers = () =>
      core.db.prepare("SELECT (SELECT COUNT(*) FROM quiz_answers) || '/' || (SELECT COUNT(*) FROM quiz_attempts)").pluck().get();
    /** An answer to another question of the sample course. */
    const answerTo = (quizId: string, questionId: string, answer: unknown) => submit({ quizId, questionId, answer });
    /** The good answer with some arguments changed, often to ones the contract refuses. */
    const submit = (overrides: Record<string, unknown>) =>
      callUnchecked(core, 'quiz.submitAnswer', {
        session,
        courseId: 'sample',
        quizId: 'data-sources-check',
        questionId: 'personal-data',
        answer: { type: 'single-choice', choiceId: 'member-rents' },
        ...overrides,
      });

    it.each([
      ['an unknown channel', () => callUnchecked(core, 'quiz.deleteEverything', {}), 'unknown-channel'],
      ['arguments that are not an object', () => callUnchecked(core, 'catalog.list', 'learner'), 'invalid-arguments'],
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
      [
        'an out-of-range choice among several',
        () => answerTo('data-sources-check', 'special-categories', { type: 'multiple-choice', choiceIds: ['health', 'nope'] }),
        'invalid-arguments',
      ],
      [
        'a true/false answer that is not a boolean',
        () => answerTo('data-sources-check', 'names-removed', { type: 'true-false', value: 'no' }),
        'invalid-arguments',
      ],
      [
        'an answer of another question type',
        () => answerTo('data-sources-check', 'names-removed', { type: 'single-choice', choiceId: 'member-rents' }),
        'invalid-arguments',
      ],
      [
        'a number Aula cannot read',
        () => answerTo('reading-a-table-check', 'parcel-change', { type: 'numeric', value: '8,4,2' }),
        'invalid-arguments',
      ],
      [
        'a 10 MB number',
        () => answerTo('reading-a-table-check', 'parcel-change', { type: 'numeric', value: '9'.repeat(10 * 1024 * 1024) }),
        'invalid-arguments',
      ],
      [
        'a 10 MB short text',
        () => answerTo('reading-a-table-check', 'households-column', { type: 'short-text', text: 'x'.repeat(10 * 1024 * 1024) }),
        'invalid-arguments',
      ],
      [
        'an ordering that leaves items out',
        () => answerTo('reading-a-table-check', 'comparing-steps', { type: 'ordering', itemIds: ['difference', 'divide'] }),
        'invalid-arguments',
      ],
      [
        'a match to an option that does not exist',
        () =>
          answerTo('describing-figures-check', 'measures', {
            type: 'matching',
            matches: [
              { leftId: 'mean', optionId: 'r1' },
              { leftId: 'median', optionId: 'r2' },
              { leftId: 'range', optionId: 'r99' },
            ],
          }),
        'invalid-arguments',
      ],
      [
        'a cloze answer with a blank missing',
        () => answerTo('describing-figures-check', 'definition', { type: 'cloze', blanks: [{ name: 'measure', text: 'mean' }] }),
        'invalid-arguments',
      ],
      [
        'ten thousand list entries',
        () =>
          answerTo('reading-a-table-check', 'comparing-steps', {
            type: 'ordering',
            itemIds: Array.from({ length: 10_000 }, () => 'divide'),
          }),
        'invalid-arguments',
      ],
      ['a question that does not exist', () => submit({ questionId: 'no-such-question' }), 'not-found'],
      [
        'a learner that no longer exists',
        () => {
          core.db.prepare('DELETE FROM learners WHERE id = ?').run(learner.id);
          return submit({});
        },
        'not-found',
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
