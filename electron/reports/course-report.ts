import type { CourseReport, ReportCell, ReportColumn, ReportRow } from '../contract/channels.js';
import type { Db } from '../db/open-database.js';
import { inGroupSql, scopeParams, type ReportCourse, type ReportScope } from './report-scope.js';

/**
 * The course table of a trainer's report: every learner (of the group, if one is chosen) against
 * the course's lessons and quizzes, in the order a learner meets them. Two grouped reads, one of
 * lesson progress and one of quiz attempts, whatever the number of learners: at a million attempts
 * the attempts read runs inside the covering index `quiz_attempts_for_reports` (migration 7).
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

interface QuizRow {
  learner_id: string;
  quiz_id: string;
  attempts: number;
  finished: number;
  passed: number | null;
  best: number | null;
  seconds: number | null;
  last_at: string;
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
    timeSpentSeconds: Math.round(row.seconds ?? 0),
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

  // A quiz attempt counts when it was started in the range.
  const quizRows = db
    .prepare(
      `SELECT learner_id, quiz_id, count(*) AS attempts, count(finished_at) AS finished, max(passed) AS passed,
         max(CASE WHEN finished_at IS NOT NULL AND max_score > 0 THEN score / max_score END) AS best,
         sum(CASE WHEN finished_at IS NOT NULL THEN (julianday(finished_at) - julianday(started_at)) * 86400 END) AS seconds,
         max(COALESCE(finished_at, started_at)) AS last_at
       FROM quiz_attempts INDEXED BY quiz_attempts_for_reports
       WHERE course_id = @courseId AND started_at >= @fromAt AND started_at < @toBefore AND ${inGroupSql('learner_id')}
       GROUP BY learner_id, quiz_id`,
    )
    .all(params) as QuizRow[];

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
