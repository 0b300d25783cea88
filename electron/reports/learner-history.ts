import { HISTORY_LIMIT, type HistoryEvent, type LearnerHistory } from '../contract/channels.js';
import type { Db } from '../db/open-database.js';
import type { ReportCourse } from './report-scope.js';
import { roundPercent } from './course-report.js';

/**
 * One learner's history for a trainer: lessons opened and completed, quiz attempts, exercise
 * submissions and certificates, newest first. Records of courses no longer installed keep their
 * ids as titles: the work happened, whatever is installed now.
 */

interface EventRow {
  at: string;
  course_id: string;
  kind: HistoryEvent['kind'];
  item_id: string;
  score: number | null;
  max_score: number | null;
  success: number | null;
  seconds: number | null;
}

export function buildLearnerHistory(
  db: Db,
  learner: { id: string; displayName: string; fromPc?: string | null },
  courses: ReadonlyMap<string, ReportCourse>,
  courseId: string | null,
): LearnerHistory {
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT first_opened_at AS at, course_id, 'lesson-opened' AS kind, lesson_id AS item_id,
           NULL AS score, NULL AS max_score, NULL AS success, NULL AS seconds
         FROM lesson_progress WHERE learner_id = @learnerId
         UNION ALL
         SELECT completed_at, course_id, 'lesson-completed', lesson_id, NULL, NULL, NULL, time_spent_seconds
         FROM lesson_progress WHERE learner_id = @learnerId AND completed_at IS NOT NULL
         UNION ALL
         SELECT started_at, course_id, 'quiz-started', quiz_id, NULL, NULL, NULL, NULL
         FROM quiz_attempts WHERE learner_id = @learnerId
         UNION ALL
         SELECT finished_at, course_id, 'quiz-finished', quiz_id, score, max_score, passed,
           (julianday(finished_at) - julianday(started_at)) * 86400
         FROM quiz_attempts WHERE learner_id = @learnerId AND finished_at IS NOT NULL
         UNION ALL
         SELECT submitted_at, course_id, 'exercise-submitted', exercise_id, score, max_score, correct, NULL
         FROM exercise_submissions WHERE learner_id = @learnerId
         UNION ALL
         SELECT issued_at, course_id, 'certificate', course_id, NULL, NULL, NULL, NULL
         FROM certificates WHERE learner_id = @learnerId
       )
       WHERE @courseId IS NULL OR course_id = @courseId
       ORDER BY at DESC, kind
       LIMIT ${HISTORY_LIMIT}`,
    )
    .all({ learnerId: learner.id, courseId }) as EventRow[];
  const groups = db
    .prepare(
      `SELECT g.name FROM learner_groups g JOIN learner_group_members m ON m.group_id = g.id
       WHERE m.learner_id = ? ORDER BY g.name COLLATE NOCASE`,
    )
    .pluck()
    .all(learner.id) as string[];

  const titleOf = (row: EventRow): string => {
    const course = courses.get(row.course_id);
    if (!course) return row.item_id;
    if (row.kind === 'certificate') return course.title;
    if (row.kind.startsWith('lesson')) return course.lessons.find((lesson) => lesson.id === row.item_id)?.title ?? row.item_id;
    if (row.kind.startsWith('quiz')) return course.quizzes.get(row.item_id)?.title ?? row.item_id;
    return row.item_id;
  };

  return {
    learnerId: learner.id,
    displayName: learner.displayName,
    fromPc: learner.fromPc ?? null,
    groups,
    events: rows.map((row) => ({
      at: row.at,
      courseId: row.course_id,
      kind: row.kind,
      itemId: row.item_id,
      itemTitle: titleOf(row),
      scorePercent: row.score !== null && row.max_score ? roundPercent(row.score / row.max_score) : null,
      success: row.success === null ? null : row.success === 1,
      timeSpentSeconds: row.seconds === null ? null : Math.round(row.seconds),
    })),
  };
}
