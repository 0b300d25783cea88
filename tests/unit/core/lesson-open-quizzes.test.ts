import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResponse, Learner, OpenedLesson, PublicQuiz } from '../../../electron/contract/channels.js';
import { dispatch } from '../../../electron/core/dispatch.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { makeTempDir, sampleOnlyCourseRoot } from '../../helpers/temp-dir.js';

function okResult<T>(response: ApiResponse<unknown>): T {
  if (!response.ok) throw new Error(`expected ok, got ${JSON.stringify(response.error)}`);
  return response.result as T;
}

describe('lesson.open sends the quizzes the lesson shows', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  let session: string;
  const call = (channel: string, args: unknown) => dispatch(core.handlers, channel, args);
  const open = async (lessonId: string) =>
    okResult<OpenedLesson>(await call('lesson.open', { session, courseId: 'sample', lessonId }));
  const get = async (quizId: string) => okResult<PublicQuiz>(await call('quiz.get', { session, courseId: 'sample', quizId }));

  beforeEach(async () => {
    temp = makeTempDir();
    core = await startCore({ dataDir: temp.dir, courseRoots: [sampleOnlyCourseRoot(temp.dir)], appVersion: '0.0.0-test' });
    const learner = okResult<Learner>(await call('learners.create', { displayName: 'Åsa Lindqvist', language: 'en' }));
    session = okResult<{ session: string }>(await call('learners.open', { learnerId: learner.id })).session;
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
    okResult(
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
