import type Database from 'better-sqlite3';

/**
 * 14: tallies of the final answers (migration 12) that item analysis (reports/item-analysis.ts)
 * reads instead of the final answers themselves. At a million attempts one quiz has several
 * hundred thousand final answers; grouping them per report took 400 ms to over a second. The
 * tallies of the default report (all time, every learner) are one row per question and learner.
 *
 * Per quiz, question and learner, and per period of the attempts' start (UTC): `span` 0 is all
 * time (period ''), 1 a month (period 'YYYY-MM'), 2 a day (period 'YYYY-MM-DD'). A report's range is
 * whole UTC days (report-scope.ts), so it is exactly the months wholly inside it plus the days
 * at its edges. Each row counts the final answers and the right ones, and keeps the latest
 * (greatest `answered_at`; of equal times the smallest attempt id) and whether it was right,
 * which "learners failing" needs. The wrong answers are tallied per answer (`answer_json`) in
 * the same spans, with the learner, so that a group filter stays exact.
 *
 * The database keeps them in the transaction of every write to `quiz_final_answers`: a new
 * final answer adds to them; a final answer replaced by a later one (a progress file's answer
 * for a finished attempt, migration 12's third trigger) moves its counts, and being later it is
 * the newer latest by the same rule as a new one. Final answers are deleted only with their
 * learner (attempts are immutable records, deleted with their learner), and so are these rows,
 * by their foreign key. `quiz_final_answers` loses its two indexes, which only item analysis
 * read; the table stays (the triggers above read it as the source of the tallies).
 *
 * Fill: one pass over the final answers in the order of `quiz_final_answers_by_question`
 * (migration 12), while it still exists, and one grouped read of the wrong ones through
 * `quiz_final_answers_wrong`, both made by migration 12. On the benchmark's synthetic folder
 * (1 M attempts, 7.6 M final answers; 7.6 M question and 5.7 M wrong-answer tally rows), upgrading
 * from version 11 on a 2-core machine (load average falling from 4 to 0.2): migration 12 with its
 * new fill 194 s (29 minutes with the first one, under heavier load), this one 167 s.
 */

/** The period expressions of one start time (an ISO timestamp in UTC), as span and period columns. */
const periodsOf = (startedAt: string) => `
  SELECT 0 AS span, '' AS period
  UNION ALL SELECT 1, substr(${startedAt}, 1, 7)
  UNION ALL SELECT 2, substr(${startedAt}, 1, 10)`;

/** `at`/`attempt` (the new answer) is later than the row's latest, or as late with a smaller attempt id. */
const isNewer = (at: string, attempt: string) => `(${at} > latest_at OR (${at} = latest_at AND ${attempt} < latest_attempt_id))`;

const QUIZ_ITEM_TALLIES_UPKEEP = `
  CREATE INDEX quiz_question_tallies_by_learner ON quiz_question_tallies (learner_id);
  CREATE INDEX quiz_wrong_answer_tallies_by_learner ON quiz_wrong_answer_tallies (learner_id);

  CREATE TRIGGER quiz_item_tallies_on_final_answer AFTER INSERT ON quiz_final_answers
  BEGIN
    INSERT INTO quiz_question_tallies
      (course_id, quiz_id, span, period, question_id, learner_id, answers, correct, latest_at, latest_attempt_id, latest_correct)
      SELECT NEW.course_id, NEW.quiz_id, s.span, s.period, NEW.question_id, NEW.learner_id, 1, NEW.correct,
        NEW.answered_at, NEW.attempt_id, NEW.correct
      FROM (${periodsOf('NEW.started_at')}) s WHERE true
    ON CONFLICT DO UPDATE SET
      answers = answers + 1,
      correct = correct + excluded.correct,
      latest_correct = CASE WHEN ${isNewer('excluded.latest_at', 'excluded.latest_attempt_id')} THEN excluded.latest_correct ELSE latest_correct END,
      latest_attempt_id = CASE WHEN ${isNewer('excluded.latest_at', 'excluded.latest_attempt_id')} THEN excluded.latest_attempt_id ELSE latest_attempt_id END,
      latest_at = CASE WHEN ${isNewer('excluded.latest_at', 'excluded.latest_attempt_id')} THEN excluded.latest_at ELSE latest_at END;
    INSERT INTO quiz_wrong_answer_tallies (course_id, quiz_id, span, period, question_id, learner_id, answer_json, answers)
      SELECT NEW.course_id, NEW.quiz_id, s.span, s.period, NEW.question_id, NEW.learner_id, NEW.answer_json, 1
      FROM (${periodsOf('NEW.started_at')}) s WHERE NEW.correct = 0
    ON CONFLICT DO UPDATE SET answers = answers + 1;
  END;

  -- Migration 12 replaces a final answer only by a strictly later answer to the same attempt and
  -- question: the counts move from the old answer to the new one, and the new one is the newer.
  CREATE TRIGGER quiz_item_tallies_on_replaced_answer AFTER UPDATE OF answered_at, correct, answer_json ON quiz_final_answers
  BEGIN
    UPDATE quiz_question_tallies SET
      correct = correct - OLD.correct + NEW.correct,
      latest_correct = CASE WHEN ${isNewer('NEW.answered_at', 'NEW.attempt_id')} THEN NEW.correct ELSE latest_correct END,
      latest_attempt_id = CASE WHEN ${isNewer('NEW.answered_at', 'NEW.attempt_id')} THEN NEW.attempt_id ELSE latest_attempt_id END,
      latest_at = CASE WHEN ${isNewer('NEW.answered_at', 'NEW.attempt_id')} THEN NEW.answered_at ELSE latest_at END
    WHERE course_id = NEW.course_id AND quiz_id = NEW.quiz_id AND (span, period) IN (${periodsOf('NEW.started_at')})
      AND question_id = NEW.question_id AND learner_id = NEW.learner_id;
    UPDATE quiz_wrong_answer_tallies SET answers = answers - 1
    WHERE OLD.correct = 0 AND course_id = OLD.course_id AND quiz_id = OLD.quiz_id AND (span, period) IN (${periodsOf('OLD.started_at')})
      AND question_id = OLD.question_id AND learner_id = OLD.learner_id AND answer_json = OLD.answer_json;
    DELETE FROM quiz_wrong_answer_tallies
    WHERE OLD.correct = 0 AND course_id = OLD.course_id AND quiz_id = OLD.quiz_id AND (span, period) IN (${periodsOf('OLD.started_at')})
      AND question_id = OLD.question_id AND learner_id = OLD.learner_id AND answer_json = OLD.answer_json AND answers = 0;
    INSERT INTO quiz_wrong_answer_tallies (course_id, quiz_id, span, period, question_id, learner_id, answer_json, answers)
      SELECT NEW.course_id, NEW.quiz_id, s.span, s.period, NEW.question_id, NEW.learner_id, NEW.answer_json, 1
      FROM (${periodsOf('NEW.started_at')}) s WHERE NEW.correct = 0
    ON CONFLICT DO UPDATE SET answers = answers + 1;
  END;`;

interface FinalAnswerOfFill {
  course_id: string;
  quiz_id: string;
  question_id: string;
  learner_id: string;
  started_at: string;
  answered_at: string;
  attempt_id: string;
  correct: number;
}

interface Tally {
  answers: number;
  correct: number;
  latestAt: string;
  latestAttemptId: string;
  latestCorrect: number;
}

/** The order the fill reads the final answers in; migration 12 made it, the fill drops it. */
const FINAL_ANSWERS_BY_QUESTION = `CREATE INDEX IF NOT EXISTS quiz_final_answers_by_question
  ON quiz_final_answers (course_id, quiz_id, question_id, learner_id, answered_at, attempt_id, correct, started_at)`;
/** Final answers read per page; a page ends with whole (question, learner) groups. */
const PAGE = 50_000;

/**
 * The tallies of every final answer already stored, into empty tables. The final answers are read
 * in the order (course, quiz, question, learner, answered_at, attempt_id) of the index
 * `quiz_final_answers_by_question`: one learner's answers to one question come together, oldest
 * first and of equal times the smallest attempt first, so a period's latest is the last answer
 * read that is strictly later than those before it. Pages of whole groups, since the connection
 * cannot write while it reads. The index (and migration 12's other one, which the wrong answers
 * are grouped through) are made if missing and dropped after: nothing else reads them. Returns
 * the rows written per table.
 */
export function fillQuizItemTallies(db: Database.Database): { quiz_question_tallies: number; quiz_wrong_answer_tallies: number } {
  db.exec(FINAL_ANSWERS_BY_QUESTION);
  const insert = db.prepare(
    `INSERT INTO quiz_question_tallies
       (course_id, quiz_id, span, period, question_id, learner_id, answers, correct, latest_at, latest_attempt_id, latest_correct)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const columns = 'course_id, quiz_id, question_id, learner_id, started_at, answered_at, attempt_id, correct';
  const order = 'ORDER BY course_id, quiz_id, question_id, learner_id, answered_at, attempt_id';
  const firstPage = db.prepare(
    `SELECT ${columns} FROM quiz_final_answers INDEXED BY quiz_final_answers_by_question ${order} LIMIT @limit`,
  );
  const nextPage = db.prepare(
    `SELECT ${columns} FROM quiz_final_answers INDEXED BY quiz_final_answers_by_question
     WHERE (course_id, quiz_id, question_id, learner_id) > (@course_id, @quiz_id, @question_id, @learner_id) ${order} LIMIT @limit`,
  );
  const sameGroup = (a: FinalAnswerOfFill, b: FinalAnswerOfFill) =>
    a.learner_id === b.learner_id && a.question_id === b.question_id && a.quiz_id === b.quiz_id && a.course_id === b.course_id;

  let questionTallies = 0;
  /** Writes the tallies of one learner's final answers to one question (rows in fill order). */
  const tallyGroup = (rows: readonly FinalAnswerOfFill[], first: number, end: number) => {
    const group = rows[first] as FinalAnswerOfFill;
    // By "span/period".
    const periods = new Map<string, Tally>();
    for (let i = first; i < end; i += 1) {
      const row = rows[i] as FinalAnswerOfFill;
      for (const key of ['0/', `1/${row.started_at.slice(0, 7)}`, `2/${row.started_at.slice(0, 10)}`]) {
        const tally = periods.get(key);
        if (!tally) {
          periods.set(key, {
            answers: 1,
            correct: row.correct,
            latestAt: row.answered_at,
            latestAttemptId: row.attempt_id,
            latestCorrect: row.correct,
          });
          continue;
        }
        tally.answers += 1;
        tally.correct += row.correct;
        // Read oldest first: a strictly later answer is the newer latest; of equal times the first read stays.
        if (row.answered_at > tally.latestAt) {
          tally.latestAt = row.answered_at;
          tally.latestAttemptId = row.attempt_id;
          tally.latestCorrect = row.correct;
        }
      }
    }
    for (const [key, tally] of periods) {
      insert.run(
        group.course_id,
        group.quiz_id,
        Number(key.slice(0, 1)),
        key.slice(2),
        group.question_id,
        group.learner_id,
        tally.answers,
        tally.correct,
        tally.latestAt,
        tally.latestAttemptId,
        tally.latestCorrect,
      );
      questionTallies += 1;
    }
  };

  let after: FinalAnswerOfFill | null = null;
  let limit = PAGE;
  for (;;) {
    const rows = (
      after
        ? nextPage.all({
            course_id: after.course_id,
            quiz_id: after.quiz_id,
            question_id: after.question_id,
            learner_id: after.learner_id,
            limit,
          })
        : firstPage.all({ limit })
    ) as FinalAnswerOfFill[];
    if (rows.length === 0) break;
    const full = rows.length === limit;
    // A full page may end inside a group: that group is read again with the next page.
    let end = rows.length;
    if (full) {
      const last = rows[end - 1] as FinalAnswerOfFill;
      while (end > 0 && sameGroup(rows[end - 1] as FinalAnswerOfFill, last)) end -= 1;
      if (end === 0) {
        limit *= 2; // one group larger than a page
        continue;
      }
    }
    for (let first = 0; first < end;) {
      let groupEnd = first + 1;
      while (groupEnd < end && sameGroup(rows[groupEnd] as FinalAnswerOfFill, rows[first] as FinalAnswerOfFill)) groupEnd += 1;
      tallyGroup(rows, first, groupEnd);
      first = groupEnd;
    }
    if (!full) break;
    after = rows[end - 1] as FinalAnswerOfFill;
  }
  const wrongAnswerTallies = db
    .prepare(
      `INSERT INTO quiz_wrong_answer_tallies (course_id, quiz_id, span, period, question_id, learner_id, answer_json, answers)
       SELECT course_id, quiz_id, k.span, CASE k.span WHEN 0 THEN '' WHEN 1 THEN substr(day, 1, 7) ELSE day END AS period,
         question_id, learner_id, answer_json, sum(answers)
       FROM (
         SELECT course_id, quiz_id, question_id, learner_id, answer_json, substr(started_at, 1, 10) AS day, count(*) AS answers
         FROM quiz_final_answers WHERE correct = 0
         GROUP BY course_id, quiz_id, question_id, answer_json, day, learner_id
       ) CROSS JOIN (SELECT 0 AS span UNION ALL SELECT 1 UNION ALL SELECT 2) k
       GROUP BY course_id, quiz_id, k.span, period, question_id, learner_id, answer_json`,
    )
    .run().changes;
  db.exec('DROP INDEX quiz_final_answers_by_question; DROP INDEX IF EXISTS quiz_final_answers_wrong');
  return { quiz_question_tallies: questionTallies, quiz_wrong_answer_tallies: wrongAnswerTallies };
}

export function migration0014QuizItemTallies(db: Database.Database): void {
  db.exec(`
      CREATE TABLE quiz_question_tallies (
        course_id TEXT NOT NULL,
        quiz_id TEXT NOT NULL,
        -- 0: all time (period ''), 1: the month of the attempts' start ('YYYY-MM'), 2: its day ('YYYY-MM-DD').
        span INTEGER NOT NULL CHECK (span IN (0, 1, 2)),
        period TEXT NOT NULL,
        question_id TEXT NOT NULL,
        learner_id TEXT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
        answers INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        latest_at TEXT NOT NULL,
        latest_attempt_id TEXT NOT NULL,
        latest_correct INTEGER NOT NULL CHECK (latest_correct IN (0, 1)),
        PRIMARY KEY (course_id, quiz_id, span, period, question_id, learner_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE quiz_wrong_answer_tallies (
        course_id TEXT NOT NULL,
        quiz_id TEXT NOT NULL,
        span INTEGER NOT NULL CHECK (span IN (0, 1, 2)),
        period TEXT NOT NULL,
        question_id TEXT NOT NULL,
        learner_id TEXT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
        answer_json TEXT NOT NULL,
        answers INTEGER NOT NULL,
        PRIMARY KEY (course_id, quiz_id, span, period, question_id, learner_id, answer_json)
      ) STRICT, WITHOUT ROWID;
    `);
  fillQuizItemTallies(db);
  db.exec(QUIZ_ITEM_TALLIES_UPKEEP);
}
