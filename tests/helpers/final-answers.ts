import type Database from 'better-sqlite3';

/** A row of `quiz_final_answers` (migration 12), as the tests compare them. */
export interface FinalAnswerRow {
  attempt_id: string;
  question_id: string;
  course_id: string;
  quiz_id: string;
  learner_id: string;
  started_at: string;
  answered_at: string;
  correct: number;
  answer_json: string;
}

const byKey = (a: FinalAnswerRow, b: FinalAnswerRow) =>
  a.attempt_id.localeCompare(b.attempt_id) || a.question_id.localeCompare(b.question_id);

/** What `quiz_final_answers` holds, in a fixed order. */
export function storedFinalAnswers(db: Database.Database): FinalAnswerRow[] {
  return (db.prepare('SELECT * FROM quiz_final_answers').all() as FinalAnswerRow[]).sort(byKey);
}

/**
 * What `quiz_final_answers` should hold, worked out here from every stored answer rather than by
 * the SQL that keeps the table: for each finished attempt and question, the answer with the latest
 * time, and of equal times the first stored.
 */
export function finalAnswersFromScratch(db: Database.Database): FinalAnswerRow[] {
  const attempts = new Map(
    (
      db.prepare('SELECT id, course_id, quiz_id, learner_id, started_at, finished_at FROM quiz_attempts').all() as {
        id: string;
        course_id: string;
        quiz_id: string;
        learner_id: string;
        started_at: string;
        finished_at: string | null;
      }[]
    ).map((attempt) => [attempt.id, attempt]),
  );
  const answers = db
    .prepare('SELECT attempt_id, question_id, answered_at, correct, answer_json FROM quiz_answers ORDER BY rowid')
    .all() as Pick<FinalAnswerRow, 'attempt_id' | 'question_id' | 'answered_at' | 'correct' | 'answer_json'>[];
  const finals = new Map<string, FinalAnswerRow>();
  for (const answer of answers) {
    const attempt = attempts.get(answer.attempt_id);
    if (!attempt || attempt.finished_at === null) continue;
    const key = `${answer.attempt_id}/${answer.question_id}`;
    const before = finals.get(key);
    if (before && before.answered_at >= answer.answered_at) continue;
    finals.set(key, {
      ...answer,
      course_id: attempt.course_id,
      quiz_id: attempt.quiz_id,
      learner_id: attempt.learner_id,
      started_at: attempt.started_at,
    });
  }
  return [...finals.values()].sort(byKey);
}
