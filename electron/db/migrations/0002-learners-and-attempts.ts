import type Database from 'better-sqlite3';

/**
 * 2: profile PINs with persisted throttling; finished quiz attempts with their shuffle seed and
 * score; reading time, scroll position and the last visit for lesson progress.
 */
export function migration0002LearnersAndAttempts(db: Database.Database): void {
  db.exec(`
      -- Only a salted scrypt hash, as 'scrypt$N$r$p$salt$hash', never the PIN itself.
      ALTER TABLE learners ADD COLUMN pin_hash TEXT;
      -- Kept in the database, not in memory, so restarting Aula does not reset the wait.
      ALTER TABLE learners ADD COLUMN failed_pin_tries INTEGER NOT NULL DEFAULT 0 CHECK (failed_pin_tries >= 0);
      ALTER TABLE learners ADD COLUMN pin_locked_until TEXT;

      -- The order of questions and choices derives from the seed, so it is the same after a reload.
      ALTER TABLE quiz_attempts ADD COLUMN seed TEXT;
      ALTER TABLE quiz_attempts ADD COLUMN finished_at TEXT;
      ALTER TABLE quiz_attempts ADD COLUMN score REAL;
      ALTER TABLE quiz_attempts ADD COLUMN max_score REAL;
      ALTER TABLE quiz_attempts ADD COLUMN pass_mark REAL;
      ALTER TABLE quiz_attempts ADD COLUMN passed INTEGER CHECK (passed IN (0, 1));

      ALTER TABLE lesson_progress ADD COLUMN time_spent_seconds INTEGER NOT NULL DEFAULT 0 CHECK (time_spent_seconds >= 0);
      ALTER TABLE lesson_progress ADD COLUMN scroll_fraction REAL NOT NULL DEFAULT 0 CHECK (scroll_fraction BETWEEN 0 AND 1);
      ALTER TABLE lesson_progress ADD COLUMN last_opened_at TEXT;
      UPDATE lesson_progress SET last_opened_at = updated_at;
      CREATE INDEX lesson_progress_by_last_opened ON lesson_progress (learner_id, last_opened_at);
    `);
}
