import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { writeFixtureCourse } from '../../helpers/fixture-course.js';
import { ok } from '../../helpers/typed-core.js';
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
    expect((await open('check')).standing.done).toBe(true);
  });
});
