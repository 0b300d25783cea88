import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { LATEST_SCHEMA_VERSION } from '../../../electron/db/migrations.js';
import { DATABASE_FILE_NAME } from '../../../electron/db/open-database.js';
import { writeFixtureCourse } from '../../helpers/fixture-course.js';
import { openAtSchemaVersion } from '../../helpers/older-database.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { ok } from '../../helpers/typed-core.js';

const LEARNER = '5b0e8c1e-7a4f-4d2b-9a57-2f1c3d4e5f61';
const OPENED = '2026-01-02T09:00:00.000Z';
const PASSED = '2026-01-02T09:20:00.000Z';

describe('migration 10: when a lesson was read to the end', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore | undefined;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => {
    core?.close();
    temp.remove();
  });

  it('upgrades a schema-9 data folder without un-completing a lesson done under the old rule ("opened it")', async () => {
    const root = path.join(temp.dir, 'courses');
    const quiz = {
      id: 'check',
      title: 'Check',
      passMark: 100,
      questions: [{ id: 'only', type: 'true-false', prompt: 'True?', answer: true }],
    };
    // The course is complete only with its final quiz, so no lesson counts as done for that reason.
    const courseDir = writeFixtureCourse(root, {
      id: 'old',
      lessons: ['quizzed', 'unopened'],
      quizzes: [quiz, { ...quiz, id: 'final', title: 'Final' }],
      completion: { rule: 'final-assessment', quiz: 'final' },
    });
    // Both lessons show the first quiz; only the first was opened (and its quiz passed) before the upgrade.
    for (const file of fs.readdirSync(path.join(courseDir, 'lessons'))) {
      fs.appendFileSync(path.join(courseDir, 'lessons', file), '\n<Quiz id="check" />\n');
    }
    const dataDir = path.join(temp.dir, 'data');
    fs.mkdirSync(dataDir);
    const old = openAtSchemaVersion(path.join(dataDir, DATABASE_FILE_NAME), 9);
    old.pragma('journal_mode = WAL');
    old
      .prepare(
        "INSERT INTO learners (id, display_name, language, created_at) VALUES (?, 'Ana', 'en', '2026-01-01T09:00:00.000Z')",
      )
      .run(LEARNER);
    old
      .prepare(
        `INSERT INTO lesson_progress (learner_id, course_id, lesson_id, status, first_opened_at, updated_at, last_opened_at)
         VALUES (?, 'old', 'quizzed', 'in-progress', ?, ?, ?)`,
      )
      .run(LEARNER, OPENED, OPENED, OPENED);
    old
      .prepare(
        `INSERT INTO quiz_attempts (id, learner_id, course_id, course_version, quiz_id, started_at, finished_at, score, max_score, pass_mark, passed)
         VALUES ('0f6a1b2c-3d4e-4f50-8a61-72839405a6b7', ?, 'old', '1.0.0', 'check', ?, ?, 1, 1, 100, 1)`,
      )
      .run(LEARNER, OPENED, PASSED);
    old.close();

    core = await startCore({ dataDir, courseRoots: [root], appVersion: 't' });
    expect(core.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const row = core.db.prepare("SELECT reached_end_at FROM lesson_progress WHERE lesson_id = 'quizzed'").get() as {
      reached_end_at: string | null;
    };
    // Read from when it was first opened: the rule it was studied under.
    expect(row.reached_end_at).toBe(OPENED);

    const { session } = await ok(core, 'learners.open', { learnerId: LEARNER });
    const quizzed = await ok(core, 'lesson.standing', { session, courseId: 'old', lessonId: 'quizzed' });
    expect(quizzed).toMatchObject({ done: true, reachedEnd: true, lessonsDone: 1 });
    // A lesson first opened after the upgrade is read only once its end has been on screen.
    const unopened = await ok(core, 'lesson.open', { session, courseId: 'old', lessonId: 'unopened' });
    expect(unopened.standing).toMatchObject({ done: false, reachedEnd: false, lessonsDone: 1 });
    const read = await ok(core, 'lesson.reachedEnd', { session, courseId: 'old', lessonId: 'unopened' });
    expect(read).toMatchObject({ done: true, reachedEnd: true, lessonsDone: 2 });
    // Reaching the end again later keeps the first time.
    const again = await ok(core, 'lesson.reachedEnd', { session, courseId: 'old', lessonId: 'quizzed' });
    expect(again.reachedEnd).toBe(true);
    expect(
      (
        core.db.prepare("SELECT reached_end_at FROM lesson_progress WHERE lesson_id = 'quizzed'").get() as {
          reached_end_at: string;
        }
      ).reached_end_at,
    ).toBe(OPENED);
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
