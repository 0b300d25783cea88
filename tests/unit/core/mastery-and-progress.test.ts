import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateMastery } from '../../../electron/courses/course-mastery.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { writeFixtureCourse } from '../../helpers/fixture-course.js';
import { failure, ok } from '../../helpers/typed-core.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const quiz = (id: string) => ({
  id,
  title: `Quiz ${id}`,
  passMark: 100,
  questions: [{ id: 'only', type: 'true-false', prompt: `Is ${id} true?`, answer: true }],
});
const LESSONS = ['one', 'two', 'three'];
const QUIZZES = [quiz('q1'), quiz('q2'), quiz('q3')];

describe('course mastery and learner progress', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  let learnerId: string;
  let session: string;

  beforeEach(async () => {
    temp = makeTempDir();
    const root = path.join(temp.dir, 'courses');
    writeFixtureCourse(root, { id: 'all', lessons: LESSONS, quizzes: QUIZZES });
    writeFixtureCourse(root, {
      id: 'some',
      lessons: LESSONS,
      quizzes: QUIZZES,
      completion: { rule: 'some-quizzes', count: 2, lessonsVisited: false },
    });
    writeFixtureCourse(root, {
      id: 'final',
      lessons: LESSONS,
      quizzes: QUIZZES,
      completion: { rule: 'final-assessment', quiz: 'q3' },
    });
    core = await startCore({ dataDir: path.join(temp.dir, 'data'), courseRoots: [root], appVersion: 't' });
    const learner = await ok(core, 'learners.create', { displayName: 'Pau', language: 'ca' });
    learnerId = learner.id;
    session = (await ok(core, 'learners.open', { learnerId })).session;
  });
  afterEach(() => {
    core.close();
    temp.remove();
  });

  const course = (id: string) => core.catalog.current().courses.get(id)!;
  const visit = (courseId: string, lessonId: string, who = session) =>
    ok(core, 'lesson.open', { session: who, courseId, lessonId });
  const pass = (courseId: string, quizId: string, value = true, who = session) =>
    ok(core, 'quiz.submitAnswer', { session: who, courseId, quizId, questionId: 'only', answer: { type: 'true-false', value } });

  it('all-quizzes: every quiz at its pass mark and every lesson opened', async () => {
    await pass('all', 'q1');
    await pass('all', 'q2');
    await pass('all', 'q3', false); // failed: not passed
    for (const lesson of LESSONS) await visit('all', lesson);
    let mastery = evaluateMastery(core.db, learnerId, course('all'));
    expect(mastery).toMatchObject({ mastered: false, masteredAt: null, quizzesRequired: 3, quizzesPassed: 2, lessonsVisited: 3 });
    await ok(core, 'quiz.retake', { session, courseId: 'all', quizId: 'q3' });
    await pass('all', 'q3');
    mastery = evaluateMastery(core.db, learnerId, course('all'));
    expect(mastery).toMatchObject({ mastered: true, quizzesPassed: 3, percentComplete: 100 });
    expect(mastery.masteredAt).toBe(mastery.quizzes.find((q) => q.quizId === 'q3')!.passedAt);
  });

  it('all-quizzes with lessonsVisited: passing every quiz is not enough while a lesson is unopened', async () => {
    for (const id of ['q1', 'q2', 'q3']) await pass('all', id);
    await visit('all', 'one');
    expect(evaluateMastery(core.db, learnerId, course('all')).mastered).toBe(false);
    await visit('all', 'two');
    await visit('all', 'three');
    const mastery = evaluateMastery(core.db, learnerId, course('all'));
    expect(mastery.mastered).toBe(true);
    // Completed when the last requirement was met: here, opening the last lesson.
    const lastVisit = core.db
      .prepare("SELECT first_opened_at FROM lesson_progress WHERE course_id = 'all' AND lesson_id = 'three'")
      .pluck()
      .get();
    expect(mastery.masteredAt).toBe(lastVisit);
  });

  it('some-quizzes: m of n, without lessons when lessonsVisited is false', async () => {
    await pass('some', 'q2');
    expect(evaluateMastery(core.db, learnerId, course('some'))).toMatchObject({
      mastered: false,
      quizzesPassed: 1,
      quizzesRequired: 2,
    });
    await pass('some', 'q3');
    expect(evaluateMastery(core.db, learnerId, course('some'))).toMatchObject({ mastered: true, quizzesPassed: 2 });
  });

  it('final-assessment: only the named quiz counts', async () => {
    for (const lesson of LESSONS) await visit('final', lesson);
    await pass('final', 'q1');
    await pass('final', 'q2');
    expect(evaluateMastery(core.db, learnerId, course('final'))).toMatchObject({
      mastered: false,
      quizzesRequired: 1,
      quizzesPassed: 0,
    });
    await pass('final', 'q3');
    expect(evaluateMastery(core.db, learnerId, course('final')).mastered).toBe(true);
  });

  it('catalog results carry the percentage, mastery, time spent and where to resume', async () => {
    await visit('all', 'one');
    await ok(core, 'lesson.complete', { session, courseId: 'all', lessonId: 'one' });
    await pass('all', 'q1');
    await visit('all', 'two');
    await ok(core, 'progress.recordReading', {
      session,
      courseId: 'all',
      lessonId: 'two',
      activeSeconds: 45,
      scrollFraction: 0.4,
    });
    const summary = (await ok(core, 'catalog.list', { session })).find((c) => c.id === 'all')!;
    // 6 steps (3 lessons + 3 quizzes), 2 done.
    expect(summary).toMatchObject({ percentComplete: 33, mastered: false, timeSpentSeconds: 45, resumeLessonId: 'two' });
    expect(summary.lessons.map((lesson) => lesson.status)).toEqual(['completed', 'in-progress', 'not-started']);
  });

  it('records reading time in bounded steps, keeps the scroll position, and resumes at the last lesson', async () => {
    await visit('all', 'one');
    await visit('all', 'two');
    await ok(core, 'progress.recordReading', {
      session,
      courseId: 'all',
      lessonId: 'two',
      activeSeconds: 30,
      scrollFraction: 0.25,
    });
    // One report cannot add more than two minutes, however long the page says it was open.
    const capped = await ok(core, 'progress.recordReading', {
      session,
      courseId: 'all',
      lessonId: 'two',
      activeSeconds: 600,
      scrollFraction: 0.6,
    });
    expect(capped.timeSpentSeconds).toBe(150);
    const reopened = await visit('all', 'two');
    expect(reopened).toMatchObject({ scrollFraction: 0.6, timeSpentSeconds: 150, status: 'in-progress' });

    const home = await ok(core, 'progress.home', { session });
    expect(home.resume).toMatchObject({ courseId: 'all', lessonId: 'two', scrollFraction: 0.6, lessonTitle: 'Lesson two' });
    expect(home.courses).toEqual([
      expect.objectContaining({ courseId: 'all', timeSpentSeconds: 150, mastered: false, percentComplete: 0 }),
    ]);

    for (const bad of [
      { activeSeconds: -1, scrollFraction: 0.5 },
      { activeSeconds: 10, scrollFraction: 2 },
      { activeSeconds: 1.5, scrollFraction: 0.5 },
      { activeSeconds: 10_000, scrollFraction: 0.5 },
    ]) {
      expect((await failure(core, 'progress.recordReading', { session, courseId: 'all', lessonId: 'two', ...bad })).code).toBe(
        'invalid-arguments',
      );
    }
    expect(
      (
        await failure(core, 'progress.recordReading', {
          session,
          courseId: 'all',
          lessonId: 'three',
          activeSeconds: 5,
          scrollFraction: 0,
        })
      ).code,
    ).toBe('conflict');
    expect((await visit('all', 'two')).timeSpentSeconds).toBe(150);
  });

  it('builds a timeline of lessons completed and quizzes passed', async () => {
    await visit('all', 'one');
    await ok(core, 'lesson.complete', { session, courseId: 'all', lessonId: 'one' });
    await pass('all', 'q1');
    await pass('some', 'q1');
    // Move the first events to an earlier day, as if they happened last week.
    core.db.prepare("UPDATE lesson_progress SET completed_at = '2026-01-05T10:00:00.000Z'").run();
    core.db.prepare("UPDATE quiz_attempts SET finished_at = '2026-01-05T11:00:00.000Z' WHERE course_id = 'some'").run();
    const home = await ok(core, 'progress.home', { session });
    expect(home.timeline).toHaveLength(2);
    expect(home.timeline[0]).toMatchObject({ lessonsCompleted: 1, quizzesPassed: 1 });
    expect(home.timeline[1]).toMatchObject({ lessonsCompleted: 1, quizzesPassed: 2 });
    expect(home.timeline[0]!.date < home.timeline[1]!.date).toBe(true);
  });

  it('shows each learner only their own progress', async () => {
    const other = await ok(core, 'learners.create', { displayName: 'Quim', language: 'en' });
    const otherSession = (await ok(core, 'learners.open', { learnerId: other.id })).session;
    for (const lesson of LESSONS) await visit('all', lesson);
    for (const id of ['q1', 'q2', 'q3']) await pass('all', id);
    const mine = (await ok(core, 'catalog.list', { session })).find((c) => c.id === 'all')!;
    const theirs = (await ok(core, 'catalog.list', { session: otherSession })).find((c) => c.id === 'all')!;
    expect(mine).toMatchObject({ mastered: true, percentComplete: 100 });
    expect(theirs).toMatchObject({ mastered: false, percentComplete: 0, resumeLessonId: null });
    expect(theirs.lessons.every((lesson) => lesson.status === 'not-started')).toBe(true);
    const theirHome = await ok(core, 'progress.home', { session: otherSession });
    expect(theirHome).toMatchObject({ resume: null, courses: [], timeline: [] });
    expect(theirHome.learner.displayName).toBe('Quim');
  });
});
