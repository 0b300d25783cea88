import type { CourseReport, ReportCell, ReportColumn, ReportRow } from '../contract/channels.js';
import type { Db } from '../db/open-database.js';
import { tallyRanges } from './tally-periods.js';
import { inGroupSql, scopeParams, type ReportCourse, type ReportScope } from './report-scope.js';

/**
 * The course table of a trainer's report: every learner (of the group, if one is chosen) against
 * the course's lessons and quizzes, in the order a learner meets them. Two reads, whatever the
 * number of learners: the course's lesson progress, and the tallies of its quiz attempts that the
 * database keeps per learner, quiz and period (migration 13) rather than the attempts themselves.
 * Without a date range that is one row per learner and quiz; with one, a row per month the range
 * covers whole and per day at its ends (on which attempts were started).
 */

/** Lessons in course order, each followed by the quizzes it shows; quizzes no lesson shows last. */
export function reportColumns(course: ReportCourse): ReportColumn[] {
  const columns: ReportColumn[] = [];
  const placed = new Set<string>();
  for (const lesson of course.lessons) {
    columns.push({ kind: 'lesson', id: lesson.id, title: lesson.title });
    for (const quizId of lesson.quizIds) {
      const quiz = course.quizzes.get(quizId);
      if (!quiz || placed.has(quizId)) continue;
      placed.add(quizId);
      columns.push({ kind: 'quiz', id: quizId, title: quiz.title });
    }
  }
  const rest = [...course.quizzes.values()].filter((quiz) => !placed.has(quiz.id)).sort((a, b) => a.id.localeCompare(b.id));
  for (const quiz of rest) columns.push({ kind: 'quiz', id: quiz.id, title: quiz.title });
  return columns;
}

interface LearnerRow {
  id: string;
  display_name: string;
  /** The PC an imported learner came from (progress files); null for this PC's profiles. */
  from_pc: string | null;
}

interface LessonRow {
  learner_id: string;
  lesson_id: string;
  status: 'in-progress' | 'completed';
  time_spent_seconds: number;
  last_at: string;
}

/** A tally of attempts (migration 13), or the sum of several: the attempts of a learner at a quiz in the range. */
interface QuizRow {
  learner_id: string;
  quiz_id: string;
  attempts: number;
  finished: number;
  passed: number | null;
  best: number | null;
  finished_ms: number;
  last_at: string;
}

function addTally(sum: QuizRow, row: QuizRow): void {
  sum.attempts += row.attempts;
  sum.finished += row.finished;
  sum.passed = sum.passed === null ? row.passed : row.passed === null ? sum.passed : Math.max(sum.passed, row.passed);
  sum.best = sum.best === null ? row.best : row.best === null ? sum.best : Math.max(sum.best, row.best);
  sum.finished_ms += row.finished_ms;
  if (row.last_at > sum.last_at) sum.last_at = row.last_at;
}

/** The attempts of each learner at each quiz started in the scope, from the tallies (a few rows per learner and quiz). */
function readQuizTallies(db: Db, scope: ReportScope): QuizRow[] {
  const read = db.prepare(
    `SELECT learner_id, quiz_id, attempts, finished, passed, best, finished_ms, last_at
     FROM quiz_tallies
     WHERE course_id = @courseId AND span = @span AND period >= @from AND period < @before AND ${inGroupSql('learner_id')}`,
  );
  const ranges = tallyRanges(scope);
  const [only] = ranges;
  // All time is one tally per learner and quiz; months and days add up.
  if (ranges.length === 1 && only?.span === 0) {
    return read.all({ courseId: scope.courseId, groupId: scope.groupId, ...only }) as QuizRow[];
  }
  const sums = new Map<string, QuizRow>();
  for (const range of ranges) {
    for (const row of read.iterate({ courseId: scope.courseId, groupId: scope.groupId, ...range }) as Iterable<QuizRow>) {
      const key = `${row.learner_id}/${row.quiz_id}`;
      const sum = sums.get(key);
      if (sum) addTally(sum, row);
      else sums.set(key, { ...row });
    }
  }
  return [...sums.values()];
}

const NOT_STARTED: ReportCell = {
  status: 'not-started',
  bestScorePercent: null,
  attempts: null,
  timeSpentSeconds: 0,
  lastActivityAt: null,
};

function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/** Rounds a percentage to one decimal, as the table shows it (and CSV/XLSX export it). */
export function roundPercent(fraction: number): number {
  return Math.round(fraction * 1000) / 10;
}

function lessonCell(row: LessonRow): ReportCell {
  return {
    status: row.status,
    bestScorePercent: null,
    attempts: null,
    timeSpentSeconds: row.time_spent_seconds,
    lastActivityAt: row.last_at,
  };
}

function quizCell(row: QuizRow): ReportCell {
  const status = row.passed === 1 ? 'passed' : row.finished > 0 ? 'failed' : 'in-progress';
  return {
    status,
    bestScorePercent: row.best === null ? null : roundPercent(row.best),
    attempts: row.attempts,
    timeSpentSeconds: Math.round(row.finished_ms / 1000),
    lastActivityAt: row.last_at,
  };
}

export function buildCourseReport(db: Db, course: ReportCourse, scope: ReportScope): CourseReport {
  const params = scopeParams(scope);
  const columns = reportColumns(course);
  const learners = db
    .prepare(
      `SELECT id, display_name, (SELECT pc_name FROM progress_origins WHERE pc_id = origin_pc_id) AS from_pc
       FROM learners WHERE ${inGroupSql('id')} ORDER BY display_name COLLATE NOCASE, id`,
    )
    .all({ groupId: scope.groupId }) as LearnerRow[];

  // A lesson counts when the learner was in it during the range: opened before its end, last seen after its start.
  const lessonRows = db
    .prepare(
      `SELECT learner_id, lesson_id, status, time_spent_seconds, COALESCE(last_opened_at, updated_at) AS last_at
       FROM lesson_progress
       WHERE course_id = @courseId AND first_opened_at < @toBefore AND COALESCE(last_opened_at, updated_at) >= @fromAt
         AND ${inGroupSql('learner_id')}`,
    )
    .all(params) as LessonRow[];

  const quizRows = readQuizTallies(db, scope);

  const columnIndex = new Map(columns.map((column, index) => [`${column.kind}/${column.id}`, index]));
  const rowsByLearner = new Map<string, ReportRow>();
  for (const learner of learners) {
    rowsByLearner.set(learner.id, {
      learnerId: learner.id,
      displayName: learner.display_name,
      fromPc: learner.from_pc,
      cells: columns.map(() => NOT_STARTED),
      timeSpentSeconds: 0,
      lastActivityAt: null,
    });
  }
  const place = (learnerId: string, key: string, cell: ReportCell) => {
    const row = rowsByLearner.get(learnerId);
    const index = columnIndex.get(key);
    // Records of lessons or quizzes the installed version no longer has are left out of the table.
    if (!row || index === undefined) return;
    row.cells[index] = cell;
    row.timeSpentSeconds += cell.timeSpentSeconds;
    row.lastActivityAt = later(row.lastActivityAt, cell.lastActivityAt);
  };
  for (const row of lessonRows) place(row.learner_id, `lesson/${row.lesson_id}`, lessonCell(row));
  for (const row of quizRows) place(row.learner_id, `quiz/${row.quiz_id}`, quizCell(row));

  return { courseId: course.id, courseTitle: course.title, columns, rows: [...rowsByLearner.values()] };
}
