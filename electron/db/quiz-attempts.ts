import { randomUUID } from 'node:crypto';
import type { Db } from './open-database.js';

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

export interface QuizRef {
  learnerId: string;
  courseId: string;
  courseVersion: string;
  quizId: string;
}

function latestAttemptId(db: Db, ref: Omit<QuizRef, 'courseVersion'>): string | undefined {
  const row = db
    .prepare(
      `SELECT id FROM quiz_attempts WHERE learner_id = ? AND course_id = ? AND quiz_id = ?
       ORDER BY started_at DESC, rowid DESC LIMIT 1`,
    )
    .get(ref.learnerId, ref.courseId, ref.quizId) as { id: string } | undefined;
  return row?.id;
}

/**
 * Records one graded answer in the learner's current attempt (starting one if needed). Runs in a
 * single transaction: when this returns, the answer is durably on disk.
 */
export function recordAnswer(
  db: Db,
  ref: QuizRef,
  answer: { questionId: string; answerJson: string; correct: boolean; score: number; maxScore: number },
  now = new Date(),
): StoredAnswer {
  const at = now.toISOString();
  return db.transaction((): StoredAnswer => {
    let attemptId = latestAttemptId(db, ref);
    if (!attemptId) {
      attemptId = randomUUID();
      db.prepare(
        'INSERT INTO quiz_attempts (id, learner_id, course_id, course_version, quiz_id, started_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(attemptId, ref.learnerId, ref.courseId, ref.courseVersion, ref.quizId, at);
    }
    const stored: StoredAnswer = {
      answerId: randomUUID(),
      attemptId,
      questionId: answer.questionId,
      answerJson: answer.answerJson,
      correct: answer.correct,
      score: answer.score,
      maxScore: answer.maxScore,
      answeredAt: at,
    };
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
    return stored;
  })();
}

/** The latest answer per question in the learner's current attempt at a quiz. */
export function readLatestAnswers(db: Db, ref: Omit<QuizRef, 'courseVersion'>): StoredAnswer[] {
  const attemptId = latestAttemptId(db, ref);
  if (!attemptId) return [];
  const rows = db
    .prepare(
      `SELECT * FROM quiz_answers a WHERE attempt_id = ? AND rowid = (
         SELECT b.rowid FROM quiz_answers b WHERE b.attempt_id = a.attempt_id AND b.question_id = a.question_id
         ORDER BY b.answered_at DESC, b.rowid DESC LIMIT 1)
       ORDER BY answered_at`,
    )
    .all(attemptId) as AnswerRow[];
  return rows.map(toStoredAnswer);
}
