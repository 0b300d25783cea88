import type { LessonStatus } from '../contract/channels.js';
import type { Db } from './open-database.js';
import { recordLearningEvent } from './xapi-outbox.js';

export interface LessonProgressRecord {
  courseId: string;
  lessonId: string;
  status: LessonStatus;
  updatedAt: string;
  firstOpenedAt: string;
  completedAt: string | null;
  lastOpenedAt: string;
  timeSpentSeconds: number;
  scrollFraction: number;
  /** When the learner first had the end of the lesson on screen, or null: they have not read it through yet. */
  reachedEndAt: string | null;
}

interface ProgressRow {
  course_id: string;
  lesson_id: string;
  status: LessonStatus;
  updated_at: string;
  first_opened_at: string;
  completed_at: string | null;
  last_opened_at: string | null;
  time_spent_seconds: number;
  scroll_fraction: number;
  reached_end_at: string | null;
}

const PROGRESS_COLUMNS =
  'course_id, lesson_id, status, updated_at, first_opened_at, completed_at, last_opened_at, time_spent_seconds, scroll_fraction, reached_end_at';

function toRecord(row: ProgressRow): LessonProgressRecord {
  return {
    courseId: row.course_id,
    lessonId: row.lesson_id,
    status: row.status,
    updatedAt: row.updated_at,
    firstOpenedAt: row.first_opened_at,
    completedAt: row.completed_at,
    lastOpenedAt: row.last_opened_at ?? row.updated_at,
    timeSpentSeconds: row.time_spent_seconds,
    scrollFraction: row.scroll_fraction,
    reachedEndAt: row.reached_end_at,
  };
}

/** Every lesson of a course the learner has opened, keyed by lesson id. */
export function readLessonRecords(db: Db, learnerId: string, courseId: string): Map<string, LessonProgressRecord> {
  const rows = db
    .prepare(`SELECT ${PROGRESS_COLUMNS} FROM lesson_progress WHERE learner_id = ? AND course_id = ?`)
    .all(learnerId, courseId) as ProgressRow[];
  return new Map(rows.map((row) => [row.lesson_id, toRecord(row)]));
}

/** Every lesson the learner has opened, in any course, the most recently opened first. */
export function readAllLessonRecords(db: Db, learnerId: string): LessonProgressRecord[] {
  const rows = db
    .prepare(
      `SELECT ${PROGRESS_COLUMNS} FROM lesson_progress WHERE learner_id = ?
       ORDER BY COALESCE(last_opened_at, updated_at) DESC, rowid DESC`,
    )
    .all(learnerId) as ProgressRow[];
  return rows.map(toRecord);
}

/** The learner's status for every lesson of a course they have opened, keyed by lesson id. */
export function readCourseProgress(db: Db, learnerId: string, courseId: string): Map<string, LessonStatus> {
  return new Map([...readLessonRecords(db, learnerId, courseId)].map(([lessonId, record]) => [lessonId, record.status]));
}

function readRecord(db: Db, learnerId: string, courseId: string, lessonId: string): LessonProgressRecord | undefined {
  const row = db
    .prepare(`SELECT ${PROGRESS_COLUMNS} FROM lesson_progress WHERE learner_id = ? AND course_id = ? AND lesson_id = ?`)
    .get(learnerId, courseId, lessonId) as ProgressRow | undefined;
  return row ? toRecord(row) : undefined;
}

/** Opening a lesson marks it in progress and as the last one opened, but never demotes a completed one. */
export function markLessonOpened(
  db: Db,
  learnerId: string,
  courseId: string,
  lessonId: string,
  now = new Date(),
): LessonProgressRecord {
  const at = now.toISOString();
  return db.transaction(() => {
    db.prepare(
      `INSERT INTO lesson_progress (learner_id, course_id, lesson_id, status, first_opened_at, updated_at, last_opened_at)
       VALUES (?, ?, ?, 'in-progress', ?, ?, ?)
       ON CONFLICT (learner_id, course_id, lesson_id) DO UPDATE SET
         updated_at = excluded.updated_at, last_opened_at = excluded.last_opened_at`,
    ).run(learnerId, courseId, lessonId, at, at, at);
    recordLearningEvent(db, learnerId, { kind: 'lesson-opened', courseId, lessonId }, now);
    return readRecord(db, learnerId, courseId, lessonId) as LessonProgressRecord;
  })();
}

export function markLessonCompleted(
  db: Db,
  learnerId: string,
  courseId: string,
  lessonId: string,
  now = new Date(),
): LessonProgressRecord {
  const at = now.toISOString();
  return db.transaction(() => {
    const before = readRecord(db, learnerId, courseId, lessonId);
    db.prepare(
      `INSERT INTO lesson_progress (learner_id, course_id, lesson_id, status, first_opened_at, completed_at, updated_at, last_opened_at)
       VALUES (?, ?, ?, 'completed', ?, ?, ?, ?)
       ON CONFLICT (learner_id, course_id, lesson_id) DO UPDATE SET
         status = 'completed',
         completed_at = COALESCE(lesson_progress.completed_at, excluded.completed_at),
         updated_at = excluded.updated_at`,
    ).run(learnerId, courseId, lessonId, at, at, at, at);
    const after = readRecord(db, learnerId, courseId, lessonId) as LessonProgressRecord;
    // Completing is one event: marking a completed lesson complete again is not a second one.
    if (before?.status !== 'completed') {
      recordLearningEvent(
        db,
        learnerId,
        { kind: 'lesson-completed', courseId, lessonId, timeSpentSeconds: after.timeSpentSeconds },
        now,
      );
    }
    return after;
  })();
}

/**
 * Records that the learner has had the end of a lesson they opened on screen: the first time
 * only (a later visit changes nothing). A lesson never opened gets no record: the page opens it
 * first. No xAPI statement of its own: the lesson's "completed" comes from its button, and its
 * "progressed" from the scroll position.
 */
export function markLessonReachedEnd(
  db: Db,
  learnerId: string,
  courseId: string,
  lessonId: string,
  now = new Date(),
): LessonProgressRecord | undefined {
  const at = now.toISOString();
  db.prepare(
    `UPDATE lesson_progress SET reached_end_at = ?, updated_at = ?
     WHERE learner_id = ? AND course_id = ? AND lesson_id = ? AND reached_end_at IS NULL`,
  ).run(at, at, learnerId, courseId, lessonId);
  return readRecord(db, learnerId, courseId, lessonId);
}

/** Longest a single report may add: a page left open over lunch does not count as study. */
export const MAX_READING_SECONDS_PER_REPORT = 120;

/**
 * Adds reading time (capped per report) and keeps the scroll position of a lesson the learner
 * has open. A lesson never opened gets no record: the page opens it first.
 */
export function recordReading(
  db: Db,
  learnerId: string,
  courseId: string,
  lessonId: string,
  reading: { activeSeconds: number; scrollFraction: number },
  now = new Date(),
): LessonProgressRecord | undefined {
  const seconds = Math.max(0, Math.min(MAX_READING_SECONDS_PER_REPORT, Math.round(reading.activeSeconds)));
  const fraction = Math.max(0, Math.min(1, reading.scrollFraction));
  return db.transaction(() => {
    const before = readRecord(db, learnerId, courseId, lessonId);
    db.prepare(
      `UPDATE lesson_progress SET time_spent_seconds = time_spent_seconds + ?, scroll_fraction = ?, updated_at = ?
       WHERE learner_id = ? AND course_id = ? AND lesson_id = ?`,
    ).run(seconds, fraction, now.toISOString(), learnerId, courseId, lessonId);
    // A statement per quarter of the lesson reached, not per report (every few seconds).
    if (before && progressQuarter(fraction) > progressQuarter(before.scrollFraction)) {
      recordLearningEvent(
        db,
        learnerId,
        { kind: 'lesson-progressed', courseId, lessonId, progressPercent: progressQuarter(fraction) * 25 },
        now,
      );
    }
    return readRecord(db, learnerId, courseId, lessonId);
  })();
}

function progressQuarter(scrollFraction: number): number {
  return Math.floor(scrollFraction * 4 + 1e-9);
}
