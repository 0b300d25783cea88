import type Database from 'better-sqlite3';

/**
 * 4: an index for the first passes of a learner (quiz-attempts.ts `readFirstPasses`), which the
 * learner home, the catalog and course mastery read on every visit. Without it that read visits
 * every attempt the learner ever made, row by row across the table: at a million attempts on a
 * shared PC, tens of milliseconds per call. Partial (passed attempts only) and covering, so the
 * read stays inside a small index.
 */
export function migration0005FirstPassesIndex(db: Database.Database): void {
  db.exec(`
      CREATE INDEX quiz_attempts_first_passes ON quiz_attempts (learner_id, course_id, quiz_id, finished_at)
        WHERE passed = 1;
    `);
}
