import type Database from 'better-sqlite3';

/**
 * The final answer to each question of each finished quiz attempt, from the attempt's own answers:
 * the latest one (greatest `answered_at`; of answers given at the same instant, the first stored).
 * Item analysis (reports/item-analysis.ts) reads only these. Without them it had to find them
 * among every answer ever given, spread over the whole answers table: at a million attempts,
 * seconds per quiz.
 *
 * Only finished attempts have rows: an open attempt may still change its answers, and item
 * analysis leaves it out. A finished attempt takes no more answers, so its rows are written once.
 * The row carries what item analysis filters on (course, quiz, learner, the attempt's start) so
 * that one quiz's rows are one range of `quiz_final_answers_by_question`, read without touching
 * the attempts.
 *
 * The database keeps the table current itself, in the transaction of the write that changes it,
 * whichever code writes: triggers add an attempt's rows when it is finished (quiz-attempts.ts) or
 * arrives finished (progress files, salvage), and take an answer that arrives later for a finished
 * attempt (progress files, salvage) when it is later than the row's. Deleting an attempt (with
 * its learner) deletes its rows (foreign key). `FILL_QUIZ_FINAL_ANSWERS` fills it from the answers
 * already stored; the synthetic data of the benchmark runs it too.
 */

/**
 * The final answers of every finished attempt, from `quiz_answers`; into an empty table.
 *
 * One pass over the answers table in storage order, sorted once by attempt, question, newest
 * first and of equal times the first stored (`rowid`): the first of each attempt and question is
 * its final answer. The first version of this statement walked `quiz_answers_by_attempt`, which
 * lacks `correct` and `answer_json`: a random table lookup for each of 7 M answers at a million
 * attempts, 29 minutes on a loaded machine; this one, with the indexes below, 194 s on the
 * benchmark's synthetic folder (7.99 M answers). The rows it writes are the same (tested against
 * every stored answer in tests/unit/reports/final-answers.test.ts); so is the table it leaves.
 */
export const FILL_QUIZ_FINAL_ANSWERS = `
  INSERT INTO quiz_final_answers (attempt_id, question_id, course_id, quiz_id, learner_id, started_at, answered_at, correct, answer_json)
    SELECT a.attempt_id, a.question_id, t.course_id, t.quiz_id, t.learner_id, t.started_at, a.answered_at, a.correct, a.answer_json
    FROM (
      SELECT attempt_id, question_id, answered_at, correct, answer_json,
        row_number() OVER (PARTITION BY attempt_id, question_id ORDER BY answered_at DESC, rowid) AS newest
      FROM quiz_answers NOT INDEXED
    ) a JOIN quiz_attempts t ON t.id = a.attempt_id
    WHERE a.newest = 1 AND t.finished_at IS NOT NULL`;

/** The indexes and triggers of the table, apart so the benchmark's bulk load can drop and remake them. */
export const QUIZ_FINAL_ANSWERS_UPKEEP = `
  CREATE INDEX quiz_final_answers_by_question
    ON quiz_final_answers (course_id, quiz_id, question_id, learner_id, answered_at, attempt_id, correct, started_at);
  CREATE INDEX quiz_final_answers_wrong
    ON quiz_final_answers (course_id, quiz_id, question_id, answer_json, started_at, learner_id) WHERE correct = 0;

  -- The answers an attempt has when it is finished here (quiz-attempts.ts) or by a progress file.
  CREATE TRIGGER quiz_final_answers_on_finish AFTER UPDATE OF finished_at ON quiz_attempts
    WHEN OLD.finished_at IS NULL AND NEW.finished_at IS NOT NULL
  BEGIN
    INSERT OR REPLACE INTO quiz_final_answers
      (attempt_id, question_id, course_id, quiz_id, learner_id, started_at, answered_at, correct, answer_json)
      SELECT NEW.id, question_id, NEW.course_id, NEW.quiz_id, NEW.learner_id, NEW.started_at, max(answered_at), correct, answer_json
      FROM quiz_answers INDEXED BY quiz_answers_by_attempt WHERE attempt_id = NEW.id GROUP BY question_id;
  END;

  -- An attempt stored already finished (a progress file, salvage): the answers it may already have.
  CREATE TRIGGER quiz_final_answers_on_finished_attempt AFTER INSERT ON quiz_attempts
    WHEN NEW.finished_at IS NOT NULL
  BEGIN
    INSERT OR REPLACE INTO quiz_final_answers
      (attempt_id, question_id, course_id, quiz_id, learner_id, started_at, answered_at, correct, answer_json)
      SELECT NEW.id, question_id, NEW.course_id, NEW.quiz_id, NEW.learner_id, NEW.started_at, max(answered_at), correct, answer_json
      FROM quiz_answers INDEXED BY quiz_answers_by_attempt WHERE attempt_id = NEW.id GROUP BY question_id;
  END;

  -- An answer stored for a finished attempt (a progress file, salvage) replaces an earlier final one.
  -- Strictly later only: of equal times the first stored stays, as in FILL_QUIZ_FINAL_ANSWERS.
  CREATE TRIGGER quiz_final_answers_on_answer AFTER INSERT ON quiz_answers
  BEGIN
    INSERT INTO quiz_final_answers
      (attempt_id, question_id, course_id, quiz_id, learner_id, started_at, answered_at, correct, answer_json)
      SELECT t.id, NEW.question_id, t.course_id, t.quiz_id, t.learner_id, t.started_at, NEW.answered_at, NEW.correct, NEW.answer_json
      FROM quiz_attempts t WHERE t.id = NEW.attempt_id AND t.finished_at IS NOT NULL
    ON CONFLICT (attempt_id, question_id) DO UPDATE SET
      answered_at = excluded.answered_at, correct = excluded.correct, answer_json = excluded.answer_json
      WHERE excluded.answered_at > quiz_final_answers.answered_at;
  END;`;

export function migration0012QuizFinalAnswers(db: Database.Database): void {
  db.exec(`
      CREATE TABLE quiz_final_answers (
        attempt_id TEXT NOT NULL REFERENCES quiz_attempts(id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        course_id TEXT NOT NULL,
        quiz_id TEXT NOT NULL,
        learner_id TEXT NOT NULL,
        -- The attempt's start: a report's time range takes attempts by when they started.
        started_at TEXT NOT NULL,
        answered_at TEXT NOT NULL,
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        answer_json TEXT NOT NULL,
        PRIMARY KEY (attempt_id, question_id)
      ) STRICT, WITHOUT ROWID;
    `);
  // Filled before its indexes are made: one sorted build each rather than millions of inserts.
  db.exec(FILL_QUIZ_FINAL_ANSWERS);
  db.exec(QUIZ_FINAL_ANSWERS_UPKEEP);
}
