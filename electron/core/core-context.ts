import type { Branding } from '../contract/app-channels.js';
import type { Learner } from '../contract/channels.js';
import type { Catalog, CatalogHolder } from '../courses/catalog-contents.js';
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
  /** The courses: read `current()` on every call, as a reload swaps in a new catalog. */
  catalog: CatalogHolder;
  appVersion: string;
  /** Open learner sessions of this launch: session token to learner id. Kept in memory only. */
  sessions: Map<string, string>;
  /** The data folder: database, installed courses, trusted signers. */
  dataDir: string;
  /** Pages reload when courses change (`course preview`). */
  liveReload: boolean;
  /** How a partner's package presents Aula (window title, accent colour). */
  branding: Branding;
  /** Reloads the courses from disk into `catalog` (after an install or uninstall). */
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

/**
 * The learner a session belongs to, read fresh from the database (so a role or language changed
 * since the session opened counts at once); refuses sessions that were never opened or whose
 * profile is gone.
 */
export function requireLearner(deps: CoreDependencies, session: string): Learner {
  const learnerId = deps.sessions.get(session);
  if (!learnerId)
    throw new ApiFailure('forbidden', 'Your profile is not open (Aula may have restarted). Choose your profile again.', {
      reason: 'profile.not-open',
    });
  const learner = findLearner(deps.db, learnerId);
  if (!learner) {
    deps.sessions.delete(session);
    throw profileNotFound();
  }
  return learner;
}

/**
 * The manager whose session this is: managing the installation (packs, trust, developer options,
 * other people's profiles) is checked here, in the core, whatever the interface shows.
 */
export function requireManager(deps: CoreDependencies, session: string): Learner {
  const learner = requireLearner(deps, session);
  if (!learner.isManager) {
    throw new ApiFailure('forbidden', 'Only a person who manages Aula on this computer can do this.', {
      reason: 'profile.manager-required',
    });
  }
  return learner;
}

/**
 * The id of the profile a call acts on: the session's own, or (`learnerId` naming another) one a
 * manager's session may change, which may not exist (the call then refuses). A learner's session
 * never reaches anyone else's profile.
 */
export function requireOwnOrManaged(deps: CoreDependencies, session: string, learnerId: string | undefined): string {
  const own = requireLearner(deps, session);
  if (learnerId === undefined || learnerId === own.id) return own.id;
  requireManager(deps, session);
  return learnerId;
}

/** An installed course that loaded, or a refusal saying it is not installed or why it did not load. */
export function requireCourse(deps: CoreDependencies, courseId: string): LoadedCourse {
  return courseInCatalog(deps.catalog.current(), courseId);
}

/** The course in the language `learner` reads it in (course-language.ts): same ids, translated words. */
export function requireCourseFor(deps: CoreDependencies, learner: Learner, courseId: string): LoadedCourse {
  const course = requireCourse(deps, courseId);
  if (course.translations.size === 0) return course;
  return courseInLanguage(course, learnerCourseLanguage(deps.db, learner.id, learner.language, course));
}
