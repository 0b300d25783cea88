import type Database from 'better-sqlite3';

/**
 * 9: the xAPI outbox. Every learning event is also written here as an xAPI statement, in the same
 * transaction as the event, so a statement exists exactly when its event does. The statement id
 * is made once and kept: sending it again (after a crash, a lost answer, a USB export) can never
 * make a second record in an LRS.
 *
 * Sent statements stay (with `sent_at`), so an export can always hold a learner's whole record;
 * the partial index keeps finding the waiting ones cheap however many have been sent.
 *
 * Also an index for item analysis (reports.quiz), which reads one quiz's finished attempts: the
 * reports index of migration 7 leads with (course, learner), so without this one the read went
 * through every attempt at the course (EXPLAIN QUERY PLAN: "SEARCH ... (course_id=?)") to find
 * one quiz's; with it, only that quiz's attempts in the day range.
 *
 * (Migration 8 is the progress files' migration, made in parallel; this one comes after it.)
 */
export function migration0009XapiOutbox(db: Database.Database): void {
  db.exec(`
      CREATE TABLE xapi_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        learner_id TEXT NOT NULL,
        statement_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        sent_at TEXT
      ) STRICT;
      CREATE INDEX xapi_outbox_waiting ON xapi_outbox (seq) WHERE sent_at IS NULL;

      CREATE INDEX quiz_attempts_by_quiz ON quiz_attempts (course_id, quiz_id, started_at, finished_at, learner_id);
    `);
}
