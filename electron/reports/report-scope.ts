import type { ReportFilters } from '../contract/channels.js';
import type { LoadedCourse } from '../courses/load-course.js';
import type { QuizDefinition } from '../quiz/quiz-definition.js';

/** What a report needs to know of a course: its items in the order a learner meets them. */
export interface ReportCourse {
  id: string;
  title: string;
  lessons: readonly { id: string; title: string; quizIds: readonly string[] }[];
  quizzes: ReadonlyMap<string, QuizDefinition>;
}

export function reportCourseOf(course: LoadedCourse): ReportCourse {
  return { id: course.manifest.id, title: course.manifest.title, lessons: course.lessons, quizzes: course.quizzes };
}

/**
 * The learners and time span a report covers, as SQL: ISO timestamps compare as text, so a day
 * range becomes [start of `from`, start of the day after `to`) in UTC.
 */
export interface ReportScope {
  courseId: string;
  groupId: string | null;
  fromAt: string;
  toBefore: string;
  /** The same range in whole UTC days ('YYYY-MM-DD'): the first one, and the day after the last; null when open. */
  fromDay: string | null;
  toDayBefore: string | null;
}

const EARLIEST = '0000-01-01T00:00:00.000Z';
const LATEST = '9999-12-31T23:59:59.999Z';

function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

export function reportScope(filters: ReportFilters): ReportScope {
  const toBefore = filters.to ? dayAfter(filters.to) : null;
  return {
    courseId: filters.courseId,
    groupId: filters.groupId ?? null,
    fromAt: filters.from ? `${filters.from}T00:00:00.000Z` : EARLIEST,
    toBefore: toBefore ?? LATEST,
    fromDay: filters.from ?? null,
    toDayBefore: toBefore === null ? null : toBefore.slice(0, 10),
  };
}

/** `learner_id` (of the table aliased as given) belongs to the scope's group, if it names one. */
export function inGroupSql(column: string): string {
  return `(@groupId IS NULL OR ${column} IN (SELECT learner_id FROM learner_group_members WHERE group_id = @groupId))`;
}

/** Named parameters for the statements of the report modules. */
export function scopeParams(scope: ReportScope): Record<string, string | null> {
  return { courseId: scope.courseId, groupId: scope.groupId, fromAt: scope.fromAt, toBefore: scope.toBefore };
}

/** Divides, or null when there is nothing to divide by (no answers is not "0 % right"). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
