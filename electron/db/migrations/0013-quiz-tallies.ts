import type Database from 'better-sqlite3';

/**
 * 13: tallies of quiz attempts per course, learner and quiz, kept by the database, so that the
 * course report (reports/course-report.ts) reads a few rows per learner and quiz instead of every
 * attempt of the course (a quarter of a million at a million attempts).
 *
 * A tally covers the attempts *started* in one period (UTC, from `started_at`, as the report's date
 * range counts them): `span` 0 is all time (`period` ''), 1 a month ('YYYY-MM'), 2 a day
 * ('YYYY-MM-DD'). The default report reads the all-time rows; a date range reads the months it
 * covers whole and the days at its two ends. Each tally holds what the report shows of a quiz:
 * attempts, finished attempts, passed (max), best score fraction (max), time in finished attempts
 * (sum, whole milliseconds, so sums of sums are exact) and last activity (max of finish or start).
 *
 * Max and sum tallies can be kept by adding each attempt once because of how attempts are
 * written (every write to quiz_attempts checked): they are inserted (quiz-attempts.ts; progress
 * files and salvage with INSERT OR IGNORE, which fires nothing when the attempt is known), finished
 * once by an UPDATE that sets `finished_at` and the result together where `finished_at IS NULL`
 * (quiz-attempts.ts, progress files), never changed otherwise, and deleted only with their learner
 * (ON DELETE CASCADE, which fires the delete trigger). The triggers below run in the transaction
 * of the write, whichever code writes. A delete, which max tallies cannot take back, makes the
 * deleted attempt's three tallies again from the attempts left (through `quiz_attempts_for_reports`,
 * migration 7): correct for any delete, and cheap while a learner has tens of attempts per quiz.
 * An attempt's last activity assumes its finish is not before its start (as Aula writes them).
 */

/** The columns of a tally computed from the attempts of `source` (an alias of quiz_attempts). */
const TALLY_OF_ATTEMPTS = `count(*), count(finished_at), max(passed),
  max(CASE WHEN finished_at IS NOT NULL AND max_score > 0 THEN score / max_score END),
  coalesce(sum(CASE WHEN finished_at IS NOT NULL
    THEN CAST(round((julianday(finished_at) - julianday(started_at)) * 86400000) AS INTEGER) END), 0),
  max(coalesce(finished_at, started_at))`;

/** The day, month and all-time tallies, from every stored attempt; into an empty table. */
const FILL_QUIZ_TALLIES = [
  // One pass over the report index in its order: course, learner, quiz, start.
  `INSERT INTO quiz_tallies (course_id, span, period, learner_id, quiz_id,
       attempts, finished, passed, best, finished_ms, last_at)
     SELECT course_id, 2, substr(started_at, 1, 10), learner_id, quiz_id, ${TALLY_OF_ATTEMPTS}
     FROM quiz_attempts INDEXED BY quiz_attempts_for_reports
     GROUP BY course_id, learner_id, quiz_id, substr(started_at, 1, 10)`,
  // Months from days, all time from months: each a pass over far fewer rows.
  `INSERT INTO quiz_tallies (course_id, span, period, learner_id, quiz_id,
       attempts, finished, passed, best, finished_ms, last_at)
     SELECT course_id, 1, substr(period, 1, 7), learner_id, quiz_id,
       sum(attempts), sum(finished), max(passed), max(best), sum(finished_ms), max(last_at)
     FROM quiz_tallies WHERE span = 2 GROUP BY course_id, substr(period, 1, 7), learner_id, quiz_id`,
  `INSERT INTO quiz_tallies (course_id, span, period, learner_id, quiz_id,
       attempts, finished, passed, best, finished_ms, last_at)
     SELECT course_id, 0, '', learner_id, quiz_id,
       sum(attempts), sum(finished), max(passed), max(best), sum(finished_ms), max(last_at)
     FROM quiz_tallies WHERE span = 1 GROUP BY course_id, learner_id, quiz_id`,
];

/** Fills the tallies from the attempts already stored (the migration, the benchmark's bulk load); returns the rows made. */
export function fillQuizTallies(db: Database.Database): number {
  let rows = 0;
  for (const statement of FILL_QUIZ_TALLIES) rows += db.prepare(statement).run().changes;
  return rows;
}

/** The three periods an attempt (NEW or OLD) counts in: all time, its month, its day. */
const periodsOf = (row: 'NEW' | 'OLD') =>
  `(VALUES (0, ''), (1, substr(${row}.started_at, 1, 7)), (2, substr(${row}.started_at, 1, 10)))`;

/** Adds one attempt's contribution to its three tallies; `finishedOnly` when it was counted already, open. */
function addAttempt(finishedOnly: boolean): string {
  return `
    INSERT INTO quiz_tallies (course_id, span, period, learner_id, quiz_id,
        attempts, finished, passed, best, finished_ms, last_at)
      SELECT NEW.course_id, p.column1, p.column2, NEW.learner_id, NEW.quiz_id,
        ${finishedOnly ? 0 : 1}, NEW.finished_at IS NOT NULL, NEW.passed,
        CASE WHEN NEW.finished_at IS NOT NULL AND NEW.max_score > 0 THEN NEW.score / NEW.max_score END,
        CASE WHEN NEW.finished_at IS NOT NULL
          THEN CAST(round((julianday(NEW.finished_at) - julianday(NEW.started_at)) * 86400000) AS INTEGER) ELSE 0 END,
        coalesce(NEW.finished_at, NEW.started_at)
      FROM ${periodsOf('NEW')} p WHERE true
    ON CONFLICT (course_id, span, period, learner_id, quiz_id) DO UPDATE SET
      attempts = attempts + excluded.attempts,
      finished = finished + excluded.finished,
      -- max() of two values is null when one is: the other one then.
      passed = coalesce(max(passed, excluded.passed), passed, excluded.passed),
      best = coalesce(max(best, excluded.best), best, excluded.best),
      finished_ms = finished_ms + excluded.finished_ms,
      last_at = max(last_at, excluded.last_at);`;
}

/** The triggers that keep the tallies, apart so the benchmark's bulk load can drop and remake them. */
const QUIZ_TALLIES_UPKEEP = `
  -- An attempt started here, or stored open or finished by a progress file or salvage.
  CREATE TRIGGER quiz_tallies_on_attempt AFTER INSERT ON quiz_attempts
  BEGIN ${addAttempt(false)}
  END;

  -- An attempt finished (once: quiz-attempts.ts and progress files only finish open attempts).
  CREATE TRIGGER quiz_tallies_on_finish AFTER UPDATE OF finished_at ON quiz_attempts
    WHEN OLD.finished_at IS NULL AND NEW.finished_at IS NOT NULL
  BEGIN ${addAttempt(true)}
  END;

  -- An attempt deleted (with its learner): its three tallies made again from the attempts left.
  CREATE TRIGGER quiz_tallies_on_delete AFTER DELETE ON quiz_attempts
  BEGIN
    DELETE FROM quiz_tallies
      WHERE course_id = OLD.course_id AND learner_id = OLD.learner_id AND quiz_id = OLD.quiz_id
        AND ((span = 0 AND period = '') OR (span = 1 AND period = substr(OLD.started_at, 1, 7))
          OR (span = 2 AND period = substr(OLD.started_at, 1, 10)));
    INSERT INTO quiz_tallies (course_id, span, period, learner_id, quiz_id,
        attempts, finished, passed, best, finished_ms, last_at)
      SELECT OLD.course_id, p.column1, p.column2, OLD.learner_id, OLD.quiz_id, ${TALLY_OF_ATTEMPTS}
      FROM ${periodsOf('OLD')} p JOIN quiz_attempts INDEXED BY quiz_attempts_for_reports
        ON course_id = OLD.course_id AND learner_id = OLD.learner_id AND quiz_id = OLD.quiz_id
          AND started_at >= p.column2 AND started_at < p.column2 || '~'
      GROUP BY p.column1, p.column2;
  END;`;

export function migration0013QuizTallies(db: Database.Database): void {
  db.exec(`
      CREATE TABLE quiz_tallies (
        course_id TEXT NOT NULL,
        span INTEGER NOT NULL CHECK (span IN (0, 1, 2)),
        period TEXT NOT NULL,
        learner_id TEXT NOT NULL,
        quiz_id TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        finished INTEGER NOT NULL,
        passed INTEGER,
        best REAL,
        finished_ms INTEGER NOT NULL,
        last_at TEXT NOT NULL,
        -- A report reads one course's periods of one span: a range of this key.
        PRIMARY KEY (course_id, span, period, learner_id, quiz_id)
      ) STRICT, WITHOUT ROWID;
    `);
  fillQuizTallies(db);
  db.exec(QUIZ_TALLIES_UPKEEP);
}
