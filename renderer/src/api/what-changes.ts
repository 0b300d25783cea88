import type { QueryFilter } from './core-query-cache';

/*
 * What a change in the core makes out of date in the renderer's cache (use-core-query.ts), named
 * once so that every place making the same change invalidates the same answers.
 */

/** A learner's progress moved (a lesson completed or read to the end, an answer, an exercise, a canvas): their summaries and the reports. */
export const AFTER_LEARNING: readonly QueryFilter[] = ['catalog.list', 'progress.home', 'certificates.', 'reports.'];

/** A course was installed, replaced or removed: everything that lists or shows courses. */
export const AFTER_COURSES_CHANGED: readonly QueryFilter[] = [
  'catalog.',
  'lesson.',
  'quiz.',
  'exercise.',
  'canvas.',
  'progress.home',
  'certificates.',
  'reports.',
];

/** A learner reads a course in another language: its titles and lessons. */
export const AFTER_COURSE_LANGUAGE: readonly QueryFilter[] = ['catalog.list', 'lesson.open', 'progress.home', 'certificates.'];

/** Profiles were created, renamed, deleted or given a role. */
export const AFTER_LEARNERS_CHANGED: readonly QueryFilter[] = ['learners.list', 'reports.'];

/** Groups or their members changed, or records came in from another PC: every report and list of learners. */
export const AFTER_RECORDS_CHANGED: readonly QueryFilter[] = ['groups.list', 'reports.', 'progressFiles.knownPcs'];
