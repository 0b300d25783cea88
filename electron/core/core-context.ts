import type { Branding } from '../contract/app-channels.js';
import type { Catalog } from '../courses/catalog.js';
import { requireCourse as courseInCatalog } from '../courses/catalog-lookup.js';
import type { LoadedCourse } from '../courses/load-course.js';
import { courseInLanguage, learnerCourseLanguage } from '../courses/translations/course-language.js';
import { findLearner } from '../db/learners.js';
import { profileNotFound } from '../learners/profile-rules.js';
import type { Db } from '../db/open-database.js';
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

// Browser mode's server tells frame files apart by these paths.
export { COURSE_FILES_PATH, LESSON_MODULE_PATH } from '../courses/course-urls.js';

/** The learner a session belongs to; refuses sessions that were never opened or whose profile is gone. */
export function requireLearner(deps: CoreDependencies, session: string): string {
  const learnerId = deps.sessions.get(session);
  if (!learnerId)
    throw new ApiFailure('forbidden', 'Your profile is not open (Aula may have restarted). Choose your profile again.', {
      reason: 'profile.not-open',
    });
  if (!findLearner(deps.db, learnerId)) {
    deps.sessions.delete(session);
    throw profileNotFound();
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

/** An installed course that loaded, or a refusal saying it is not installed or why it did not load. */
export function requireCourse(deps: CoreDependencies, courseId: string): LoadedCourse {
  return courseInCatalog(deps.catalog, courseId);
}

/** The course in the language `learnerId` reads it in (course-language.ts): same ids, translated words. */
export function requireCourseFor(deps: CoreDependencies, learnerId: string, courseId: string): LoadedCourse {
  const course = requireCourse(deps, courseId);
  if (course.translations.size === 0) return course;
  const learner = findLearner(deps.db, learnerId);
  return courseInLanguage(course, learnerCourseLanguage(deps.db, learnerId, learner?.language ?? 'en', course));
}
