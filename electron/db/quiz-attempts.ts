import { randomUUID } from 'node:crypto';
import type { Db } from './open-database.js';
import { recordLearningEvent } from './xapi-outbox.js';

/**
 * Quiz attempts and answers. Both are records with UUIDs, kept for good (progress exchange and
 * xAPI come later): answers are only ever inserted, and an attempt is written twice, when it
 * starts and when it is finished.
 */

export interface QuizRef {
  learnerId: string;
  courseId: string;
  quizId: string;
}

export interface AttemptRecord {
  id: string;
  learnerId: string;
  courseId: string;
  courseVersion: string;
  quizId: string;
  startedAt: string;
  /** Null only for attempts recorded before seeds existed (schema 1). */
  seed: string | null;
  finishedAt: string | null;
  score: number | null;
  maxScore: number | null;
  passMark: number | null;
  passed: boolean | null;
}

interface AttemptRow {
  id: string;
  learner_id: string;
  course_id: string;
  course_version: string;
  quiz_id: string;
  started_at: string;
  seed: string | null;
  finished_at: string | null;
  score: number | null;
  max_score: number | null;
  pass_mark: number | null;
  passed: number | null;
}

function toAttempt(row: AttemptRow): AttemptRecord {
  return {
    id: row.id,
    learnerId: row.learner_id,
    courseId: row.course_id,
    courseVersion: row.course_version,
    quizId: row.quiz_id,
    startedAt: row.started_at,
    seed: row.seed,
    finishedAt: row.finished_at,
    score: row.score,
    maxScore: row.max_score,
    passMark: row.pass_mark,
    passed: row.passed === null ? null : row.passed === 1,
  };
}

export interface StoredAnswer {
  answerId: string;
  attemptId: string;
  questionId: string;
  answerJson: string;
  correct: boolean;
  score: number;
  maxScore: number;
  answeredAt: string;
}

interface AnswerRow {
  id: string;
  attempt_id: string;
  question_id: string;
  answer_json: string;
  correct: number;
  score: number;
  max_score: number;
  answered_at: string;
}

function toStoredAnswer(row: AnswerRow): StoredAnswer {
  return {
    answerId: row.id,
    attemptId: row.attempt_id,
    questionId: row.question_id,
    answerJson: row.answer_json,
    correct: row.correct === 1,
    score: row.score,
    maxScore: row.max_score,
    answeredAt: row.answered_at,
  };
}

/**
 * A learner's attempts at one quiz, oldest first. Ordered by insertion, not by clock: on a PC
 * whose clock jumped back, the attempt started last must still be the current one.
 */
export function listAttempts(db: Db, ref: QuizRef): AttemptRecord[] {
  const rows = db
    .prepare(
      `SELECT * FROM quiz_attempts WHERE learner_id = ? AND course_id = ? AND quiz_id = ?
       ORDER BY rowid`,
    )
    .all(ref.learnerId, ref.courseId, ref.quizId) as AttemptRow[];
  return rows.map(toAttempt);
}

export function insertAttempt(db: Db, ref: QuizRef & { courseVersion: string; seed: string }, now = new Date()): AttemptRecord {
  const id = randomUUID();
  return db.transaction(() => {
    db.prepare(
      `INSERT INTO quiz_attempts (id, learner_id, course_id, course_version, quiz_id, started_at, seed)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, ref.learnerId, ref.courseId, ref.courseVersion, ref.quizId, now.toISOString(), ref.seed);
    recordLearningEvent(
      db,
      ref.learnerId,
      { kind: 'quiz-started', courseId: ref.courseId, quizId: ref.quizId, attemptId: id },
      now,
    );
    return readAttempt(db, id) as AttemptRecord;
  })();
}

function readAttempt(db: Db, attemptId: string): AttemptRecord | undefined {
  const row = db.prepare('SELECT * FROM quiz_attempts WHERE id = ?').get(attemptId) as AttemptRow | undefined;
  return row ? toAttempt(row) : undefined;
}

export interface NewAnswer {
  questionId: string;
  answerJson: string;
  correct: boolean;
  score: number;
  maxScore: number;
}

export function insertAnswer(db: Db, attemptId: string, answer: NewAnswer, now = new Date()): StoredAnswer {
  const stored: StoredAnswer = { answerId: randomUUID(), attemptId, ...answer, answeredAt: now.toISOString() };
  db.transaction(() => {
    insertAnswerRow(db, stored);
    const attempt = readAttempt(db, attemptId);
    if (!attempt) return;
    recordLearningEvent(
      db,
      attempt.learnerId,
      {
        kind: 'question-answered',
        courseId: attempt.courseId,
        quizId: attempt.quizId,
        attemptId,
        questionId: stored.questionId,
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

function insertAnswerRow(db: Db, stored: StoredAnswer): void {
  db.prepare(
    `INSERT INTO quiz_answers (id, attempt_id, question_id, answer_json, correct, score, max_score, answered_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    stored.answerId,
    stored.attemptId,
    stored.questionId,
    stored.answerJson,
    stored.correct ? 1 : 0,
    stored.score,
    stored.maxScore,
    stored.answeredAt,
  );
}

/** The latest answer per question in one attempt (earlier answers stay stored); latest by insertion, as above. */
export function readLatestAnswers(db: Db, attemptId: string): StoredAnswer[] {
  const rows = db
    .prepare(
      `SELECT * FROM quiz_answers a WHERE attempt_id = ? AND rowid = (
         SELECT b.rowid FROM quiz_answers b WHERE b.attempt_id = a.attempt_id AND b.question_id = a.question_id
         ORDER BY b.rowid DESC LIMIT 1)
       ORDER BY rowid`,
    )
    .all(attemptId) as AnswerRow[];
  return rows.map(toStoredAnswer);
}

/** The tries at one question in one attempt: how many, whether one was right, and the best score. */
export interface QuestionTries {
  tries: number;
  correct: boolean;
  bestScore: number;
  maxScore: number;
}

/** Every question answered in an attempt, with its tries (each stored answer is one try). */
export function readQuestionTries(db: Db, attemptId: string): Map<string, QuestionTries> {
  const rows = db
    .prepare(
      `SELECT question_id, COUNT(*) AS tries, MAX(correct) AS correct, MAX(score) AS best_score, MAX(max_score) AS max_score
       FROM quiz_answers WHERE attempt_id = ? GROUP BY question_id`,
    )
    .all(attemptId) as { question_id: string; tries: number; correct: number; best_score: number; max_score: number }[];
  return new Map(
    rows.map((row) => [
      row.question_id,
      { tries: row.tries, correct: row.correct === 1, bestScore: row.best_score, maxScore: row.max_score },
    ]),
  );
}

/** Closes an attempt with its result; an attempt is finished once only. */
export function markAttemptFinished(
  db: Db,
  attemptId: string,
  result: { score: number; maxScore: number; passMark: number; passed: boolean },
  now = new Date(),
): boolean {
  return db.transaction(() => {
    const finished =
      db
        .prepare(
          `UPDATE quiz_attempts SET finished_at = ?, score = ?, max_score = ?, pass_mark = ?, passed = ?
           WHERE id = ? AND finished_at IS NULL`,
        )
        .run(now.toISOString(), result.score, result.maxScore, result.passMark, result.passed ? 1 : 0, attemptId).changes > 0;
    const attempt = finished ? readAttempt(db, attemptId) : undefined;
    if (attempt) {
      recordLearningEvent(
        db,
        attempt.learnerId,
        {
          kind: 'quiz-finished',
          courseId: attempt.courseId,
          quizId: attempt.quizId,
          attemptId,
          score: result.score,
          maxScore: result.maxScore,
          passed: result.passed,
          durationSeconds: Math.max(0, (now.getTime() - Date.parse(attempt.startedAt)) / 1000),
        },
        now,
      );
    }
    return finished;
  })();
}

/** For each quiz of a course the learner has passed: when they first passed it. */
export function readFirstPasses(
  db: Db,
  learnerId: string,
  courseId?: string,
): { courseId: string; quizId: string; passedAt: string }[] {
  return db
    .prepare(
      `SELECT course_id AS courseId, quiz_id AS quizId, MIN(finished_at) AS passedAt FROM quiz_attempts
       WHERE learner_id = ? AND (? IS NULL OR course_id = ?) AND passed = 1
       GROUP BY course_id, quiz_id ORDER BY passedAt`,
    )
    .all(learnerId, courseId ?? null, courseId ?? null) as { courseId: string; quizId: string; passedAt: string }[];
}
