import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { writeFixtureCourse } from '../../helpers/fixture-course.js';
import { ok } from '../../helpers/typed-core.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

/** A course with no quiz: one lesson to read, one with a number exercise, one with a canvas. */
function writePracticalCourse(root: string): void {
  const dir = path.join(root, 'practical');
  fs.mkdirSync(path.join(dir, 'lessons'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'exercises'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  const lessons = [
    { id: 'read', body: 'Just text.' },
    { id: 'count', body: '<NumberExercise id="count-rows" />' },
    { id: 'canvas', body: '<Canvas id="my-canvas" />' },
  ];
  lessons.forEach((lesson, index) =>
    fs.writeFileSync(
      path.join(dir, 'lessons', `0${index + 1}-${lesson.id}.mdx`),
      `---\ntitle: ${lesson.id}\n---\n\n${lesson.body}\n`,
    ),
  );
  fs.writeFileSync(
    path.join(dir, 'exercises', 'count-rows.yaml'),
    stringify({ id: 'count-rows', type: 'number', prompt: 'How many?', answer: 42 }),
  );
  fs.writeFileSync(path.join(dir, 'assets', 'cover.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(
    path.join(dir, 'course.yaml'),
    stringify({
      id: 'practical',
      version: '1.0.0',
      title: 'Practical',
      language: 'en',
      cover: 'assets/cover.svg',
      introductory: true,
      lessons: lessons.map((lesson, index) => ({ id: lesson.id, file: `lessons/0${index + 1}-${lesson.id}.mdx` })),
    }),
  );
}

describe('progress counts practical work', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  let session: string;

  beforeEach(async () => {
    temp = makeTempDir();
    const root = path.join(temp.dir, 'courses');
    // Listed first, so only the manifest's `introductory` can make "practical" the suggestion.
    writeFixtureCourse(root, { id: 'aaa-first', lessons: ['one'], quizzes: [] });
    writePracticalCourse(root);
    core = await startCore({ dataDir: path.join(temp.dir, 'data'), courseRoots: [root], appVersion: 't' });
    const learner = await ok(core, 'learners.create', { displayName: 'Ona', language: 'en' });
    session = (await ok(core, 'learners.open', { learnerId: learner.id })).session;
  });
  afterEach(() => {
    core.close();
    temp.remove();
  });

  const summary = async () => (await ok(core, 'catalog.list', { session })).find((c) => c.id === 'practical')!;
  const open = (lessonId: string) => ok(core, 'lesson.open', { session, courseId: 'practical', lessonId });

  it('suggests the introductory course to a learner who has not started one', async () => {
    const home = await ok(core, 'progress.home', { session });
    expect(home.suggested).toMatchObject({ courseId: 'practical', cover: '/course-files/practical/assets/cover.svg' });
    await open('read');
    expect((await ok(core, 'progress.home', { session })).suggested).toBeNull();
  });

  it('an exercise solved and a canvas saved finish their lessons and move the percentage', async () => {
    const before = await summary();
    expect(before.progress).toMatchObject({ lessonCount: 3, exerciseCount: 1, canvasCount: 1, lessonsDone: 0 });
    expect(before.lessons.map((lesson) => [lesson.exerciseCount, lesson.canvasCount])).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
    ]);
    await open('count');
    await ok(core, 'exercise.submit', {
      session,
      courseId: 'practical',
      exerciseId: 'count-rows',
      answer: { type: 'number', value: '7' },
    });
    expect((await summary()).progress).toMatchObject({ exercisesSolved: 0, lessonsDone: 0 });
    await ok(core, 'exercise.submit', {
      session,
      courseId: 'practical',
      exerciseId: 'count-rows',
      answer: { type: 'number', value: '42' },
    });
    await open('canvas');
    await ok(core, 'canvas.save', { session, courseId: 'practical', canvasId: 'my-canvas', content: { channels: 'Markets' } });
    // Work done is not enough: the lessons are done once read to the end as well.
    expect((await summary()).progress).toMatchObject({ exercisesSolved: 1, canvasesSaved: 1, lessonsDone: 0 });
    for (const lessonId of ['count', 'canvas']) await ok(core, 'lesson.reachedEnd', { session, courseId: 'practical', lessonId });
    const after = await summary();
    // 5 steps (3 lessons, 1 exercise, 1 canvas): the exercise, the canvas and their two lessons are done.
    expect(after.progress).toMatchObject({ exercisesSolved: 1, canvasesSaved: 1, lessonsDone: 2 });
    expect(after.percentComplete).toBe(80);
    expect(after.lessons.map((lesson) => lesson.done)).toEqual([false, true, true]);
    expect(after.requirements.lessonsToOpen).toEqual([{ id: 'read', title: 'read' }]);

    const home = await ok(core, 'progress.home', { session });
    expect(home.timeline.at(-1)).toMatchObject({ lessonsCompleted: 2, quizzesPassed: 0, practicalDone: 2 });
  });

  it('a completed course counts every lesson as done, not "0 lessons"', async () => {
    for (const lesson of ['read', 'count', 'canvas']) await open(lesson);
    const done = await summary();
    expect(done).toMatchObject({ mastered: true, percentComplete: 100 });
    expect(done.progress.lessonsDone).toBe(3);
    const home = await ok(core, 'progress.home', { session });
    expect(home.courses[0]).toMatchObject({ courseId: 'practical', lessonsCompleted: 3, lessonCount: 3 });
    expect(home.timeline.at(-1)).toMatchObject({ lessonsCompleted: 3 });
  });
});
