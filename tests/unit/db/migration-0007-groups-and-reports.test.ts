import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../electron/db/migrations.js';
import { closeDatabase, DATABASE_FILE_NAME, openDatabase } from '../../../electron/db/open-database.js';
import { buildCourseReport } from '../../../electron/reports/course-report.js';
import { reportScope } from '../../../electron/reports/report-scope.js';
import { openAtSchemaVersion } from '../../helpers/older-database.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { COURSE } from '../reports/reports-fixture.js';

describe('migration 7: groups and the report index', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('upgrades a schema-6 data folder: its work shows in reports, groups start empty, deleting a profile leaves its groups', () => {
    const file = path.join(temp.dir, DATABASE_FILE_NAME);
    const old = openAtSchemaVersion(file, 6);
    old
      .prepare(
        "INSERT INTO learners (id, display_name, language, created_at) VALUES ('11111111-1111-4111-8111-111111111111', 'Eva', 'en', '2026-01-01T00:00:00.000Z')",
      )
      .run();
    old
      .prepare(
        `INSERT INTO quiz_attempts (id, learner_id, course_id, course_version, quiz_id, started_at, finished_at, score, max_score, passed)
       VALUES ('22222222-2222-4222-8222-222222222222', '11111111-1111-4111-8111-111111111111', ?, '1.0.0', 'check',
         '2026-01-02T10:00:00.000Z', '2026-01-02T10:01:00.000Z', 3, 3, 1)`,
      )
      .run(COURSE.id);
    old.close();

    const db = openDatabase(temp.dir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(db.prepare('SELECT count(*) FROM learner_groups').pluck().get()).toBe(0);
      const report = buildCourseReport(db, COURSE, reportScope({ courseId: COURSE.id }));
      expect(report.rows[0]?.cells[1]).toMatchObject({
        status: 'passed',
        bestScorePercent: 100,
        attempts: 1,
        timeSpentSeconds: 60,
      });
      // The course report reads attempts from the covering index alone, not the table.
      const plan = db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT learner_id, quiz_id, count(*), max(passed) FROM quiz_attempts INDEXED BY quiz_attempts_for_reports
           WHERE course_id = 'x' GROUP BY learner_id, quiz_id`,
        )
        .all() as { detail: string }[];
      expect(plan.map((row) => row.detail).join('\n')).toContain('USING COVERING INDEX quiz_attempts_for_reports');

      db.prepare(
        "INSERT INTO learner_groups VALUES ('33333333-3333-4333-8333-333333333333', 'Teixit', '2026-01-03T00:00:00.000Z')",
      ).run();
      db.prepare(
        "INSERT INTO learner_group_members VALUES ('33333333-3333-4333-8333-333333333333', '11111111-1111-4111-8111-111111111111')",
      ).run();
      db.prepare("DELETE FROM learners WHERE id = '11111111-1111-4111-8111-111111111111'").run();
      expect([
        db.prepare('SELECT count(*) FROM learner_groups').pluck().get(),
        db.prepare('SELECT count(*) FROM learner_group_members').pluck().get(),
      ]).toEqual([1, 0]);
    } finally {
      closeDatabase(db);
    }
  });
});
