import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../electron/db/migrations.js';
import { migration0001Initial } from '../../../electron/db/migrations/0001-initial.js';
import { migration0002LearnersAndAttempts } from '../../../electron/db/migrations/0002-learners-and-attempts.js';
import { migration0003ExercisesAndCanvas } from '../../../electron/db/migrations/0003-exercises-and-canvas.js';
import { migration0004Certificates } from '../../../electron/db/migrations/0004-certificates.js';
import { closeDatabase, DATABASE_FILE_NAME, openDatabase, type Db } from '../../../electron/db/open-database.js';
import { readFirstPasses } from '../../../electron/db/quiz-attempts.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const LEARNER = '5b0e8c1e-7a4f-4d2b-9a57-2f1c3d4e5f60';
const OTHER = '6c1f9d2f-8b5a-4e3c-8b68-3a2d4e5f6a71';

/** A data folder as Aula wrote it with schema 4, with passed, failed and open attempts. */
function writeSchema4Database(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migration0001Initial(db);
  migration0002LearnersAndAttempts(db);
  migration0003ExercisesAndCanvas(db);
  migration0004Certificates(db);
  db.pragma('user_version = 4');
  const learner = db.prepare(
    "INSERT INTO learners (id, display_name, language, created_at) VALUES (?, ?, 'en', '2026-01-01T09:00:00.000Z')",
  );
  learner.run(LEARNER, 'Jordi');
  learner.run(OTHER, 'Anna');
  const attempt = db.prepare(
    `INSERT INTO quiz_attempts (id, learner_id, course_id, course_version, quiz_id, started_at, seed, finished_at, score, max_score, pass_mark, passed)
     VALUES (?, ?, ?, '1.0.0', ?, ?, 'seed', ?, ?, 3, 60, ?)`,
  );
  const rows: [string, string, string, string, string, string | null, number | null, number | null][] = [
    [
      '0c9d7e6f-1a2b-4c3d-8e4f-5a6b7c8d9e01',
      LEARNER,
      'sample',
      'quiz-a',
      '2026-01-02T09:00:00.000Z',
      '2026-01-02T09:05:00.000Z',
      1,
      0,
    ],
    [
      '0c9d7e6f-1a2b-4c3d-8e4f-5a6b7c8d9e02',
      LEARNER,
      'sample',
      'quiz-a',
      '2026-01-03T09:00:00.000Z',
      '2026-01-03T09:05:00.000Z',
      3,
      1,
    ],
    [
      '0c9d7e6f-1a2b-4c3d-8e4f-5a6b7c8d9e03',
      LEARNER,
      'sample',
      'quiz-a',
      '2026-01-04T09:00:00.000Z',
      '2026-01-04T09:05:00.000Z',
      2,
      1,
    ],
    [
      '0c9d7e6f-1a2b-4c3d-8e4f-5a6b7c8d9e04',
      LEARNER,
      'other',
      'quiz-b',
      '2026-01-05T09:00:00.000Z',
      '2026-01-05T09:05:00.000Z',
      2,
      1,
    ],
    ['0c9d7e6f-1a2b-4c3d-8e4f-5a6b7c8d9e05', LEARNER, 'sample', 'quiz-c', '2026-01-06T09:00:00.000Z', null, null, null],
    [
      '0c9d7e6f-1a2b-4c3d-8e4f-5a6b7c8d9e06',
      OTHER,
      'sample',
      'quiz-a',
      '2026-01-01T10:00:00.000Z',
      '2026-01-01T10:05:00.000Z',
      3,
      1,
    ],
  ];
  for (const [id, learnerId, courseId, quizId, started, finished, score, passed] of rows) {
    attempt.run(id, learnerId, courseId, quizId, started, finished, score, passed);
  }
  db.close();
}

/** A handle that records the SQL it prepares, to ask SQLite for its plan. */
function recordingDb(db: Db, statements: string[]): Db {
  return {
    prepare: (sql: string) => {
      statements.push(sql);
      return db.prepare(sql);
    },
  } as unknown as Db;
}

describe('migration 5: the first-passes index', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
    writeSchema4Database(path.join(temp.dir, DATABASE_FILE_NAME));
  });
  afterEach(() => temp.remove());

  it('adds a partial index of passed attempts and keeps every record', () => {
    const before = new Database(path.join(temp.dir, DATABASE_FILE_NAME), { readonly: true });
    const rowsBefore = before.prepare('SELECT * FROM quiz_attempts ORDER BY rowid').all();
    const passesBefore = readFirstPasses(before, LEARNER);
    before.close();

    const db = openDatabase(temp.dir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      const index = db
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'quiz_attempts_first_passes'")
        .get() as { sql: string } | undefined;
      expect(index?.sql).toMatch(/WHERE passed = 1/);
      expect(db.prepare('SELECT * FROM quiz_attempts ORDER BY rowid').all()).toEqual(rowsBefore);
      expect(readFirstPasses(db, LEARNER)).toEqual(passesBefore);
      expect(passesBefore).toEqual([
        { courseId: 'sample', quizId: 'quiz-a', passedAt: '2026-01-03T09:05:00.000Z' },
        { courseId: 'other', quizId: 'quiz-b', passedAt: '2026-01-05T09:05:00.000Z' },
      ]);
      expect(readFirstPasses(db, LEARNER, 'other')).toEqual([
        { courseId: 'other', quizId: 'quiz-b', passedAt: '2026-01-05T09:05:00.000Z' },
      ]);
    } finally {
      closeDatabase(db);
    }
  });

  it("is what reading a learner's first passes uses, without visiting the table", () => {
    const db = openDatabase(temp.dir);
    try {
      const statements: string[] = [];
      readFirstPasses(recordingDb(db, statements), LEARNER, 'sample');
      expect(statements).toHaveLength(1);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${statements[0]}`).all(LEARNER, 'sample', 'sample') as { detail: string }[])
        .map((step) => step.detail)
        .join('\n');
      expect(plan).toMatch(/USING COVERING INDEX quiz_attempts_first_passes/);
    } finally {
      closeDatabase(db);
    }
  });
});
