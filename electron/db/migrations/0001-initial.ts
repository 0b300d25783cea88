import type Database from 'better-sqlite3';

/** 1: learners, lesson progress, quiz attempts and answers, settings. */
export function migration0001Initial(db: Database.Database): void {
  db.exec(`
      CREATE TABLE learners (
        id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        language TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE lesson_progress (
        learner_id TEXT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
        course_id TEXT NOT NULL,
        lesson_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('in-progress', 'completed')),
        first_opened_at TEXT NOT NULL,
        completed_at TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (learner_id, course_id, lesson_id)
      ) STRICT;

      -- Attempts and answers are immutable records with globally unique ids, so that progress
      -- can later be exchanged between PCs (and sent as xAPI statements) without duplicates.
      CREATE TABLE quiz_attempts (
        id TEXT PRIMARY KEY,
        learner_id TEXT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
        course_id TEXT NOT NULL,
        course_version TEXT NOT NULL,
        quiz_id TEXT NOT NULL,
        started_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX quiz_attempts_by_learner ON quiz_attempts (learner_id, course_id, quiz_id, started_at);

      CREATE TABLE quiz_answers (
        id TEXT PRIMARY KEY,
        attempt_id TEXT NOT NULL REFERENCES quiz_attempts(id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        answer_json TEXT NOT NULL,
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        score REAL NOT NULL,
        max_score REAL NOT NULL,
        answered_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX quiz_answers_by_attempt ON quiz_answers (attempt_id, question_id, answered_at);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
}
