import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../../electron/contract/channels.js';
import { call as callCore, resultOf, type ChannelInput } from '../../helpers/typed-core.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { makeTempDir, sampleOnlyCourseRoot } from '../../helpers/temp-dir.js';

describe('lesson.open sends the quizzes the lesson shows', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  let session: string;
  const call = <C extends ChannelName>(channel: C, args: ChannelInput<C>) => callCore(core, channel, args);
  const open = async (lessonId: string) => resultOf(await call('lesson.open', { session, courseId: 'sample', lessonId }));
  const get = async (quizId: string) => resultOf(await call('quiz.get', { session, courseId: 'sample', quizId }));

  beforeEach(async () => {
    temp = makeTempDir();
    core = await startCore({ dataDir: temp.dir, courseRoots: [sampleOnlyCourseRoot(temp.dir)], appVersion: '0.0.0-test' });
    const learner = resultOf(await call('learners.create', { displayName: 'Åsa Lindqvist', language: 'en' }));
    session = resultOf(await call('learners.open', { learnerId: learner.id })).session;
  });
  afterEach(() => {
    core.close();
    temp.remove();
  });

  it('as quiz.get answers for them, read from the lesson itself', async () => {
    const lesson = await open('reading-a-table');
    expect(lesson.quizzes.map((quiz) => quiz.quizId)).toEqual(['reading-a-table-check']);
    expect(lesson.quizzes[0]).toEqual(await get('reading-a-table-check'));
  });

  it('with the answers already given, so a reopened lesson shows them at once', async () => {
    const quiz = await get('data-sources-check');
    const question = quiz.questions.find((candidate) => candidate.type === 'single-choice');
    if (!question || question.type !== 'single-choice') throw new Error('the sample quiz should have a single-choice question');
    resultOf(
      await call('quiz.submitAnswer', {
        session,
        courseId: 'sample',
        quizId: 'data-sources-check',
        questionId: question.id,
        answer: { type: 'single-choice', choiceId: question.choices[0]!.id },
      }),
    );
    const lesson = await open('data-you-already-have');
    expect(lesson.quizzes[0]?.answers.map((answer) => answer.questionId)).toEqual([question.id]);
    expect(lesson.quizzes[0]).toEqual(await get('data-sources-check'));
  });
});
