import type Database from 'better-sqlite3';

/**
 * 10: when the learner first reached the end of a lesson (its last block on screen). A lesson
 * with work now completes when it has been read to the end and its work is done; before, opening
 * it was enough. Set once and never cleared, like `first_opened_at`.
 *
 * Lessons opened before this version count as read from when they were first opened: that was
 * the rule they were studied under, and a lesson the learner already saw as done must not become
 * undone by an upgrade.
 */
export function migration0010LessonReachedEnd(db: Database.Database): void {
  db.exec(`
      ALTER TABLE lesson_progress ADD COLUMN reached_end_at TEXT;
      UPDATE lesson_progress SET reached_end_at = first_opened_at;
    `);
}
