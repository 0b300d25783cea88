import type Database from 'better-sqlite3';

/**
 * 7: named groups of learners that a manager keeps (a workshop, a cooperative), which reports
 * filter by; and an index for the course report, which reads every attempt at a course at once.
 *
 * Without the index the course report reads the whole attempts table (a million rows on a busy
 * shared PC) to find one course's; with it, only that course's rows, in the order the report
 * groups them, and from the index alone (it covers every column the report reads).
 */
export function migration0007GroupsAndReports(db: Database.Database): void {
  db.exec(`
      CREATE TABLE learner_groups (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX learner_groups_by_name ON learner_groups (lower(name));

      CREATE TABLE learner_group_members (
        group_id TEXT NOT NULL REFERENCES learner_groups(id) ON DELETE CASCADE,
        learner_id TEXT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
        PRIMARY KEY (group_id, learner_id)
      ) STRICT;
      CREATE INDEX learner_group_members_by_learner ON learner_group_members (learner_id);

      CREATE INDEX quiz_attempts_for_reports
        ON quiz_attempts (course_id, learner_id, quiz_id, started_at, finished_at, score, max_score, passed);
    `);
}
