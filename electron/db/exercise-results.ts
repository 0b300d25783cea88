import { randomUUID } from 'node:crypto';
import type { Db } from './open-database.js';
import { recordLearningEvent } from './xapi-outbox.js';

export interface ExerciseRef {
  learnerId: string;
  courseId: string;
  exerciseId: string;
}

export interface StoredSubmission {
  submissionId: string;
  exerciseType: string;
  answerJson: string;
  correct: boolean;
  score: number;
  maxScore: number;
  outcomeJson: string;
  submittedAt: string;
}

interface SubmissionRow {
  id: string;
  exercise_type: string;
  answer_json: string;
  correct: number;
  score: number;
  max_score: number;
  outcome_json: string;
  submitted_at: string;
}

function toStored(row: SubmissionRow): StoredSubmission {
  return {
    submissionId: row.id,
    exerciseType: row.exercise_type,
    answerJson: row.answer_json,
    correct: row.correct === 1,
    score: row.score,
    maxScore: row.max_score,
    outcomeJson: row.outcome_json,
    submittedAt: row.submitted_at,
  };
}

/** Records one graded submission as a new, immutable row. When this returns, it is durably on disk. */
export function recordSubmission(
  db: Db,
  ref: ExerciseRef & { courseVersion: string },
  submission: Omit<StoredSubmission, 'submissionId' | 'submittedAt'>,
  now = new Date(),
): StoredSubmission {
  const stored: StoredSubmission = { ...submission, submissionId: randomUUID(), submittedAt: now.toISOString() };
  db.transaction(() => {
    insertSubmissionRow(db, ref, stored);
    recordLearningEvent(
      db,
      ref.learnerId,
      {
        kind: 'exercise-submitted',
        courseId: ref.courseId,
        exerciseId: ref.exerciseId,
        response: stored.answerJson,
        success: stored.correct,
        score: stored.score,
        maxScore: stored.maxScore,
      },
      now,
    );
  })();
  return stored;
}

function insertSubmissionRow(db: Db, ref: ExerciseRef & { courseVersion: string }, stored: StoredSubmission): void {
  db.prepare(
    `INSERT INTO exercise_submissions
       (id, learner_id, course_id, course_version, exercise_id, exercise_type, answer_json, correct, score, max_score,
        outcome_json, submitted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    stored.submissionId,
    ref.learnerId,
    ref.courseId,
    ref.courseVersion,
    ref.exerciseId,
    stored.exerciseType,
    stored.answerJson,
    stored.correct ? 1 : 0,
    stored.score,
    stored.maxScore,
    stored.outcomeJson,
    stored.submittedAt,
  );
}

/** The learner's most recent submission for an exercise, if any. */
export function readLatestSubmission(db: Db, ref: ExerciseRef): StoredSubmission | undefined {
  const row = db
    .prepare(
      `SELECT * FROM exercise_submissions WHERE learner_id = ? AND course_id = ? AND exercise_id = ?
       ORDER BY submitted_at DESC, rowid DESC LIMIT 1`,
    )
    .get(ref.learnerId, ref.courseId, ref.exerciseId) as SubmissionRow | undefined;
  return row ? toStored(row) : undefined;
}

/** The learner's latest correct submission for an exercise, else their latest: a correct answer is never replaced. */
export function readBestSubmission(db: Db, ref: ExerciseRef): StoredSubmission | undefined {
  const row = db
    .prepare(
      `SELECT * FROM exercise_submissions WHERE learner_id = ? AND course_id = ? AND exercise_id = ?
       ORDER BY correct DESC, submitted_at DESC, rowid DESC LIMIT 1`,
    )
    .get(ref.learnerId, ref.courseId, ref.exerciseId) as SubmissionRow | undefined;
  return row ? toStored(row) : undefined;
}

/** How many submissions a learner has made for an exercise, and how many were correct. */
export function countSubmissions(db: Db, ref: ExerciseRef): { total: number; correct: number } {
  const row = db
    .prepare(
      `SELECT COUNT(*) AS total, COALESCE(SUM(correct), 0) AS correct FROM exercise_submissions
       WHERE learner_id = ? AND course_id = ? AND exercise_id = ?`,
    )
    .get(ref.learnerId, ref.courseId, ref.exerciseId) as { total: number; correct: number };
  return row;
}

/** When the learner first solved each exercise of a course they have solved, keyed by exercise id. */
export function readFirstSolved(db: Db, learnerId: string, courseId: string): Map<string, string> {
  const rows = db
    .prepare(
      `SELECT exercise_id AS exerciseId, MIN(submitted_at) AS solvedAt FROM exercise_submissions
       WHERE learner_id = ? AND course_id = ? AND correct = 1 GROUP BY exercise_id`,
    )
    .all(learnerId, courseId) as { exerciseId: string; solvedAt: string }[];
  return new Map(rows.map((row) => [row.exerciseId, row.solvedAt]));
}
