import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../electron/db/migrations.js';
import { closeDatabase, DATABASE_FILE_NAME, openDatabase } from '../../../electron/db/open-database.js';
import { markLessonCompleted } from '../../../electron/db/progress.js';
import { countWaitingStatements, readWaitingStatements } from '../../../electron/db/xapi-outbox.js';
import { openAtSchemaVersion } from '../../helpers/older-database.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const LEARNER = '5b0e8c1e-7a4f-4d2b-9a57-2f1c3d4e5f61';

describe('migration 9: the xAPI outbox', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('upgrades a schema-7 data folder: its work stays, and only work from now on makes statements', () => {
    const old = openAtSchemaVersion(path.join(temp.dir, DATABASE_FILE_NAME), 7);
    old.pragma('journal_mode = WAL');
    old
      .prepare(
        "INSERT INTO learners (id, display_name, language, created_at) VALUES (?, 'Ana', 'ca', '2026-01-01T09:00:00.000Z')",
      )
      .run(LEARNER);
    old
      .prepare(
        `INSERT INTO lesson_progress (learner_id, course_id, lesson_id, status, first_opened_at, updated_at, last_opened_at)
         VALUES (?, 'c', 'l1', 'in-progress', '2026-01-02T09:00:00.000Z', '2026-01-02T09:00:00.000Z', '2026-01-02T09:00:00.000Z')`,
      )
      .run(LEARNER);
    old.close();

    const db = openDatabase(temp.dir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(countWaitingStatements(db)).toBe(0);
      markLessonCompleted(db, LEARNER, 'c', 'l1');
      const waiting = readWaitingStatements(db, 10);
      expect(waiting.map((row) => (JSON.parse(row.json) as { verb: { id: string } }).verb.id)).toEqual([
        'http://adlnet.gov/expapi/verbs/completed',
      ]);
      // Statement ids are unique: the same id can never be recorded twice.
      expect(() =>
        db
          .prepare("INSERT INTO xapi_outbox (id, learner_id, statement_json, created_at) VALUES (?, ?, '{}', 'now')")
          .run(waiting[0]?.id, LEARNER),
      ).toThrow(/UNIQUE/);
      // Item analysis reads one quiz's attempts through the index made for it, not the whole course's.
      const plan = db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT count(*) FROM quiz_attempts
           WHERE course_id = 'c' AND quiz_id = 'q' AND finished_at IS NOT NULL AND started_at >= '2026' AND started_at < '2027'`,
        )
        .all() as { detail: string }[];
      expect(plan.map((step) => step.detail).join('\n')).toMatch(/quiz_attempts_by_quiz \(course_id=\? AND quiz_id=\?/);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      closeDatabase(db);
    }
  });
});
