import type { LessonStatus } from '../contract/channels.js';
import type { Db } from './open-database.js';

export interface LessonProgressRecord {
  courseId: string;
  lessonId: string;
  status: LessonStatus;
  updatedAt: string;
}

interface ProgressRow {
  course_id: string;
  lesson_id: string;
  status: LessonStatus;
  updated_at: string;
}

function toRecord(row: ProgressRow): LessonProgressRecord {
  return { courseId: row.course_id, lessonId: row.lesson_id, status: row.status, updatedAt: row.updated_at };
}

/** The learner's status for every lesson of a course they have opened, keyed by lesson id. */
export function readCourseProgress(db: Db, learnerId: string, courseId: string): Map<string, LessonStatus> {
  const rows = db
    .prepare('SELECT course_id, lesson_id, status, updated_at FROM lesson_progress WHERE learner_id = ? AND course_id = ?')
    .all(learnerId, courseId) as ProgressRow[];
  return new Map(rows.map((row) => [row.lesson_id, row.status]));
}

/** Opening a lesson marks it in progress, but never demotes a completed one. */
export function markLessonOpened(
  db: Db,
  learnerId: string,
  courseId: string,
  lessonId: string,
  now = new Date(),
): LessonProgressRecord {
  const at = now.toISOString();
  const row = db
    .prepare(
      `INSERT INTO lesson_progress (learner_id, course_id, lesson_id, status, first_opened_at, updated_at)
       VALUES (?, ?, ?, 'in-progress', ?, ?)
       ON CONFLICT (learner_id, course_id, lesson_id) DO UPDATE SET updated_at = excluded.updated_at
       RETURNING course_id, lesson_id, status, updated_at`,
    )
    .get(learnerId, courseId, lessonId, at, at) as ProgressRow;
  return toRecord(row);
}

export function markLessonCompleted(
  db: Db,
  learnerId: string,
  courseId: string,
  lessonId: string,
  now = new Date(),
): LessonProgressRecord {
  const at = now.toISOString();
  const row = db
    .prepare(
      `INSERT INTO lesson_progress (learner_id, course_id, lesson_id, status, first_opened_at, completed_at, updated_at)
       VALUES (?, ?, ?, 'completed', ?, ?, ?)
       ON CONFLICT (learner_id, course_id, lesson_id) DO UPDATE SET
         status = 'completed',
         completed_at = COALESCE(lesson_progress.completed_at, excluded.completed_at),
         updated_at = excluded.updated_at
       RETURNING course_id, lesson_id, status, updated_at`,
    )
    .get(learnerId, courseId, lessonId, at, at, at) as ProgressRow;
  return toRecord(row);
}
