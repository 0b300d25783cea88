import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../electron/db/migrations.js';
import { migration0001Initial } from '../../../electron/db/migrations/0001-initial.js';
import { closeDatabase, DATABASE_FILE_NAME, openDatabase } from '../../../electron/db/open-database.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const LEARNER = '5b0e8c1e-7a4f-4d2b-9a57-2f1c3d4e5f60';
const ATTEMPT = '0c9d7e6f-1a2b-4c3d-8e4f-5a6b7c8d9e0f';

/** A data folder as Aula wrote it with schema 1 only, with some progress in it. */
function writeSchema1Database(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migration0001Initial(db);
  db.pragma('user_version = 1');
  db.prepare("INSERT INTO learners VALUES (?, 'Jordi', 'ca', '2026-01-01T09:00:00.000Z')").run(LEARNER);
  db.prepare(
    "INSERT INTO lesson_progress VALUES (?, 'sample', 'reading-a-table', 'in-progress', '2026-01-02T09:00:00.000Z', NULL, '2026-01-03T09:00:00.000Z')",
  ).run(LEARNER);
  db.prepare("INSERT INTO quiz_attempts VALUES (?, ?, 'sample', '1.0.0', 'data-sources-check', '2026-01-02T09:05:00.000Z')").run(
    ATTEMPT,
    LEARNER,
  );
  db.prepare(
    `INSERT INTO quiz_answers VALUES ('1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d', ?, 'personal-data',
     '{"type":"single-choice","choiceId":"member-rents"}', 1, 1, 1, '2026-01-02T09:06:00.000Z')`,
  ).run(ATTEMPT);
  db.close();
}

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((column) => column.name);
}

describe('migration 2: learners and attempts', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('adds PIN, attempt and reading columns to a schema-1 database and keeps every record', () => {
    writeSchema1Database(path.join(temp.dir, DATABASE_FILE_NAME));
    const db = openDatabase(temp.dir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(columnsOf(db, 'learners')).toEqual(expect.arrayContaining(['pin_hash', 'failed_pin_tries', 'pin_locked_until']));
      expect(columnsOf(db, 'quiz_attempts')).toEqual(
        expect.arrayContaining(['seed', 'finished_at', 'score', 'max_score', 'pass_mark', 'passed']),
      );
      expect(columnsOf(db, 'lesson_progress')).toEqual(
        expect.arrayContaining(['time_spent_seconds', 'scroll_fraction', 'last_opened_at']),
      );

      expect(db.prepare('SELECT display_name, pin_hash, failed_pin_tries FROM learners').get()).toEqual({
        display_name: 'Jordi',
        pin_hash: null,
        failed_pin_tries: 0,
      });
      // An earlier attempt stays open (not finished) and keeps its answer.
      expect(db.prepare('SELECT finished_at, seed FROM quiz_attempts WHERE id = ?').get(ATTEMPT)).toEqual({
        finished_at: null,
        seed: null,
      });
      expect(db.prepare('SELECT COUNT(*) FROM quiz_answers').pluck().get()).toBe(1);
      // The last visit is filled from the row's last update, so "resume" works for old progress too.
      expect(db.prepare('SELECT time_spent_seconds, scroll_fraction, last_opened_at FROM lesson_progress').get()).toEqual({
        time_spent_seconds: 0,
        scroll_fraction: 0,
        last_opened_at: '2026-01-03T09:00:00.000Z',
      });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      closeDatabase(db);
    }
  });

  it('refuses values outside the new columns’ ranges', () => {
    const db = openDatabase(temp.dir);
    try {
      db.prepare("INSERT INTO learners (id, display_name, language, created_at) VALUES (?, 'A', 'en', 'now')").run(LEARNER);
      expect(() => db.prepare('UPDATE learners SET failed_pin_tries = -1').run()).toThrow(/CHECK/);
      db.prepare(
        "INSERT INTO lesson_progress (learner_id, course_id, lesson_id, status, first_opened_at, updated_at) VALUES (?, 'c', 'l', 'in-progress', 'x', 'x')",
      ).run(LEARNER);
      expect(() => db.prepare('UPDATE lesson_progress SET scroll_fraction = 1.5').run()).toThrow(/CHECK/);
      db.prepare(
        "INSERT INTO quiz_attempts (id, learner_id, course_id, course_version, quiz_id, started_at) VALUES (?, ?, 'c', '1.0.0', 'q', 'x')",
      ).run(ATTEMPT, LEARNER);
      expect(() => db.prepare('UPDATE quiz_attempts SET passed = 2').run()).toThrow(/CHECK/);
    } finally {
      closeDatabase(db);
    }
  });
});
