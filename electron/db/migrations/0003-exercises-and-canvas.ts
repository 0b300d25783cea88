import type Database from 'better-sqlite3';

/** Exercise submissions and social business model canvases. */
export function migration0003ExercisesAndCanvas(db: Database.Database): void {
  db.exec(`
      -- Like quiz answers, submissions are immutable records with globally unique ids, so that
      -- progress can later be exchanged between PCs without duplicates. The outcome is what the
      -- learner was shown when they submitted.
      CREATE TABLE exercise_submissions (
        id TEXT PRIMARY KEY,
        learner_id TEXT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
        course_id TEXT NOT NULL,
        course_version TEXT NOT NULL,
        exercise_id TEXT NOT NULL,
        exercise_type TEXT NOT NULL CHECK (exercise_type IN ('number', 'sql', 'process')),
        answer_json TEXT NOT NULL,
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        score REAL NOT NULL,
        max_score REAL NOT NULL,
        outcome_json TEXT NOT NULL,
        submitted_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX exercise_submissions_by_learner
        ON exercise_submissions (learner_id, course_id, exercise_id, submitted_at);

      -- Every save of a canvas is a new revision; the latest is the canvas. Nothing is overwritten.
      CREATE TABLE canvas_revisions (
        id TEXT PRIMARY KEY,
        learner_id TEXT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
        course_id TEXT NOT NULL,
        canvas_id TEXT NOT NULL,
        content_json TEXT NOT NULL,
        saved_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX canvas_revisions_by_learner ON canvas_revisions (learner_id, course_id, canvas_id, saved_at);
    `);
}
