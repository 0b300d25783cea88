import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { writeFixtureCourse } from '../../helpers/fixture-course.js';
import { call, ok } from '../../helpers/typed-core.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

/** Two lessons: one to read only, one that ends with a quiz (and the course's only quiz). */
function writeCourse(root: string): void {
  const dir = path.join(root, 'guided');
  fs.mkdirSync(path.join(dir, 'lessons'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'quizzes'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'lessons', '01-read.mdx'), '---\ntitle: Reading only\n---\n\nJust text.\n');
  fs.writeFileSync(path.join(dir, 'lessons', '02-check.mdx'), '---\ntitle: Check yourself\n---\n\n<Quiz id="check" />\n');
  fs.writeFileSync(
    path.join(dir, 'quizzes', 'check.yaml'),
    stringify({
      id: 'check',
      title: 'Check',
      passMark: 100,
      questions: [{ id: 'only', type: 'true-false', prompt: 'True?', answer: true }],
    }),
  );
  fs.writeFileSync(
    path.join(dir, 'course.yaml'),
    stringify({
      id: 'guided',
      version: '1.0.0',
      title: 'Guided course',
      language: 'en',
      lessons: [
        { id: 'read', file: 'lessons/01-read.mdx' },
        { id: 'check', file: 'lessons/02-check.mdx' },
      ],
    }),
  );
}

describe("a lesson's standing in its course", () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  let session: string;

  beforeEach(async () => {
    temp = makeTempDir();
    const root = path.join(temp.dir, 'courses');
    writeCourse(root);
    writeFixtureCourse(root, { id: 'later', lessons: ['one'], quizzes: [] });
    core = await startCore({ dataDir: path.join(temp.dir, 'data'), courseRoots: [root], appVersion: 't' });
    const learner = await ok(core, 'learners.create', { displayName: 'Ona', language: 'en' });
    session = (await ok(core, 'learners.open', { learnerId: learner.id })).session;
  });
  afterEach(() => {
    core.close();
    temp.remove();
  });

  const open = (lessonId: string) => ok(core, 'lesson.open', { session, courseId: 'guided', lessonId });
  const standing = (lessonId: string) => ok(core, 'lesson.standing', { session, courseId: 'guided', lessonId });
  const reachEnd = (lessonId: string) => ok(core, 'lesson.reachedEnd', { session, courseId: 'guided', lessonId });
  const answer = (value: boolean) =>
    ok(core, 'quiz.submitAnswer', {
      session,
      courseId: 'guided',
      quizId: 'check',
      questionId: 'only',
      answer: { type: 'true-false', value },
    });

  it('opens a lesson with its place in the course: course title, number, neighbours', async () => {
    const first = await open('read');
    expect(first).toMatchObject({
      courseTitle: 'Guided course',
      lessonNumber: 1,
      previousLesson: null,
      nextLesson: { id: 'check', title: 'Check yourself' },
    });
    expect(first.standing).toMatchObject({ completesBy: 'button', done: false, lessonsDone: 0, lessonCount: 2 });
    const second = await open('check');
    expect(second).toMatchObject({ lessonNumber: 2, previousLesson: { id: 'read', title: 'Reading only' }, nextLesson: null });
    expect(second.standing.completesBy).toBe('work');
  });

  it('completes a lesson with a quiz when the quiz is passed, with no button, and says when the course is complete', async () => {
    await open('read');
    await ok(core, 'lesson.complete', { session, courseId: 'guided', lessonId: 'read' });
    await open('check');
    await answer(false);
    expect(await standing('check')).toMatchObject({ done: false, courseMastered: false, nextCourse: null });
    await ok(core, 'quiz.retake', { session, courseId: 'guided', quizId: 'check' });
    await answer(true);
    expect(await standing('check')).toMatchObject({
      done: true,
      lessonsDone: 2,
      percentComplete: 100,
      courseMastered: true,
      certificate: true,
      nextCourse: { id: 'later', title: 'Course later' },
    });
  });

  it('does not count a passed quiz for a lesson the learner never opened', async () => {
    await answer(true);
    expect((await standing('check')).done).toBe(false);
    expect(await call(core, 'lesson.reachedEnd', { session, courseId: 'guided', lessonId: 'check' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: 'lesson.not-opened' },
    });
    expect((await open('check')).standing).toMatchObject({ done: false, reachedEnd: false });
    expect(await reachEnd('check')).toMatchObject({ done: true, reachedEnd: true });
  });

  it('completes a lesson with a quiz only once it has been read to the end and its quiz passed, in either order', async () => {
    // The reading-only lesson stays unopened, so the course is not complete and cannot complete this lesson.
    await open('check');
    await answer(true);
    expect(await standing('check')).toMatchObject({ done: false, reachedEnd: false, courseMastered: false, lessonsDone: 0 });
    expect(await reachEnd('check')).toMatchObject({ done: true, reachedEnd: true, courseMastered: false, lessonsDone: 1 });

    // The other order: the end first, then the quiz.
    const other = await ok(core, 'learners.create', { displayName: 'Pau', language: 'en' });
    session = (await ok(core, 'learners.open', { learnerId: other.id })).session;
    await open('check');
    expect(await reachEnd('check')).toMatchObject({ done: false, reachedEnd: true });
    await answer(true);
    expect(await standing('check')).toMatchObject({ done: true, lessonsDone: 1 });
  });

  it('a lesson without work is completed by its button, not by reaching its end', async () => {
    await open('read');
    expect(await reachEnd('read')).toMatchObject({ done: false, reachedEnd: true, completesBy: 'button' });
    await ok(core, 'lesson.complete', { session, courseId: 'guided', lessonId: 'read' });
    expect(await standing('read')).toMatchObject({ done: true, reachedEnd: true });
  });

  it("records reaching the end only for the session's learner, and only for a lesson of the course", async () => {
    await open('check');
    await reachEnd('check');
    const other = await ok(core, 'learners.create', { displayName: 'Pau', language: 'en' });
    const otherSession = (await ok(core, 'learners.open', { learnerId: other.id })).session;
    await ok(core, 'lesson.open', { session: otherSession, courseId: 'guided', lessonId: 'check' });
    expect(await ok(core, 'lesson.standing', { session: otherSession, courseId: 'guided', lessonId: 'check' })).toMatchObject({
      reachedEnd: false,
    });
    // A lesson of another course named with this course: there is none.
    expect(await call(core, 'lesson.reachedEnd', { session, courseId: 'guided', lessonId: 'one' })).toMatchObject({ ok: false });
    expect(
      await call(core, 'lesson.reachedEnd', { session: 'not-a-session', courseId: 'guided', lessonId: 'check' }),
    ).toMatchObject({
      ok: false,
    });
  });
});
