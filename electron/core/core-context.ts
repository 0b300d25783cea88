import type { Branding } from '../contract/app-channels.js';
import type { Catalog } from '../courses/catalog.js';
import type { LoadedCourse, LoadedLesson } from '../courses/load-course.js';
import { courseInLanguage, learnerCourseLanguage } from '../courses/translations/course-language.js';
import { findLearner } from '../db/learners.js';
import type { Db } from '../db/open-database.js';
import type { QuizDefinition } from '../quiz/quiz-definition.js';
import type { LrsSender } from '../lrs/lrs-sender.js';
import { ApiFailure } from './api-failure.js';
import type { PackStaging } from './pack-staging.js';
import type { StartupNotices } from './startup-notices.js';

/** What every group of handlers works with. */
export interface CoreDependencies {
  db: Db;
  catalog: Catalog;
  appVersion: string;
  /** Open learner sessions of this launch: session token to learner id. Kept in memory only. */
  sessions: Map<string, string>;
  /** The data folder: database, installed courses, trusted signers. */
  dataDir: string;
  /** Pages reload when courses change (`course preview`). */
  liveReload: boolean;
  /** How a partner's package presents Aula (window title, accent colour). */
  branding: Branding;
  /** Reloads the catalog from disk in place (after an install or uninstall). */
  reloadCourses(): Promise<Catalog>;
  /** Pack files chosen in the app and waiting for the person's confirmation. */
  packStaging: PackStaging;
  /** What the person must know about this start (a restored database, a failed backup). */
  notices: StartupNotices;
  /** Sends the xAPI outbox to the LRS a manager set up (idle without one). */
  lrsSender: LrsSender;
}

/** URL paths (on the app's own origin, in both shells) under which the core's files are served. */
export const LESSON_MODULE_PATH = '/lessons/';
export const COURSE_FILES_PATH = '/course-files/';

/**
 * Where a course's assets are served. In a translation, `translations/<lang>/assets/...` gives
 * the translation's copy of a file when it has one, else the main one (app-files.ts).
 */
export function courseAssetBaseUrl(courseId: string, language?: string): string {
  return `${COURSE_FILES_PATH}${courseId}/${language ? `translations/${language}/` : ''}assets/`;
}

/** Where a course's CSV files (its `data/` folder) are served, for DataTable, Chart and exercises. */
export function courseDataBaseUrl(courseId: string, language?: string): string {
  return `${COURSE_FILES_PATH}${courseId}/${language ? `translations/${language}/` : ''}data/`;
}

/** The learner a session belongs to; refuses sessions that were never opened or whose profile is gone. */
export function requireLearner(deps: CoreDependencies, session: string): string {
  const learnerId = deps.sessions.get(session);
  if (!learnerId)
    throw new ApiFailure('forbidden', 'Your profile is not open (Aula may have restarted). Choose your profile again.', {
      reason: 'profile.not-open',
    });
  if (!findLearner(deps.db, learnerId)) {
    deps.sessions.delete(session);
    throw new ApiFailure('not-found', 'This learner profile does not exist (any more).', { reason: 'profile.not-found' });
  }
  return learnerId;
}

/**
 * The manager whose session this is: managing the installation (packs, trust, developer options,
 * other people's profiles) is checked here, in the core, whatever the interface shows.
 */
export function requireManager(deps: CoreDependencies, session: string): string {
  const learnerId = requireLearner(deps, session);
  if (!findLearner(deps.db, learnerId)?.isManager) {
    throw new ApiFailure('forbidden', 'Only a person who manages Aula on this computer can do this.', {
      reason: 'profile.manager-required',
    });
  }
  return learnerId;
}

/**
 * The profile a call acts on: the session's own, or (`learnerId` naming another) one a manager's
 * session may change. A learner's session never reaches anyone else's profile.
 */
export function requireOwnOrManaged(deps: CoreDependencies, session: string, learnerId: string | undefined): string {
  const own = requireLearner(deps, session);
  if (learnerId === undefined || learnerId === own) return own;
  requireManager(deps, session);
  return learnerId;
}

export function requireCourse(deps: CoreDependencies, courseId: string): LoadedCourse {
  const course = deps.catalog.courses.get(courseId);
  const problem = course ? undefined : deps.catalog.failedCourses.get(courseId);
  if (problem) {
    // Installed, but its files have a problem (a trainer's bad save in `course preview`): say which.
    throw new ApiFailure(
      'not-found',
      `The course "${courseId}" could not be opened because of a problem in its files: ${problem}`,
      {
        reason: 'course.not-loaded',
        params: { course: courseId },
        details: [problem],
      },
    );
  }
  if (!course) {
    throw new ApiFailure('not-found', `The course "${courseId}" is not installed.`, {
      reason: 'course.not-installed',
      params: { course: courseId },
    });
  }
  return course;
}

/** The course in the language `learnerId` reads it in (course-language.ts): same ids, translated words. */
export function requireCourseFor(deps: CoreDependencies, learnerId: string, courseId: string): LoadedCourse {
  const course = requireCourse(deps, courseId);
  if (course.translations.size === 0) return course;
  const learner = findLearner(deps.db, learnerId);
  return courseInLanguage(course, learnerCourseLanguage(deps.db, learnerId, learner?.language ?? 'en', course));
}

/** The lesson and its place in the course (for previous/next), or a not-found failure. */
export function requireLesson(course: LoadedCourse, lessonId: string): { lesson: LoadedLesson; index: number } {
  const index = course.lessons.findIndex((lesson) => lesson.id === lessonId);
  const lesson = course.lessons[index];
  if (!lesson) {
    throw new ApiFailure('not-found', `The course "${course.manifest.id}" has no lesson "${lessonId}".`, {
      reason: 'lesson.not-found',
      params: { course: course.manifest.id, lesson: lessonId },
    });
  }
  return { lesson, index };
}

export function requireQuiz(course: LoadedCourse, quizId: string): QuizDefinition {
  const quiz = course.quizzes.get(quizId);
  if (!quiz) {
    throw new ApiFailure('not-found', `The course "${course.manifest.id}" has no quiz "${quizId}".`, {
      reason: 'quiz.not-found',
      params: { course: course.manifest.id, quiz: quizId },
    });
  }
  return quiz;
}
