import { randomBytes } from 'node:crypto';
import type { learnerChannels } from '../../contract/channels.js';
import { buildLearnerHome } from '../../courses/learner-home.js';
import { recordLessonReading } from '../../courses/take-lesson.js';
import { listLearners, setLearnerPinHash } from '../../db/learners.js';
import {
  acceptedName,
  createProfile,
  deleteProfile,
  profileNotFound,
  requireProfile,
  setProfileManager,
  updateProfile,
} from '../../learners/profile-rules.js';
import { requireCourse, requireLearner, requireManager, requireOwnOrManaged, type CoreDependencies } from '../core-context.js';
import type { HandlerGroup } from '../dispatch.js';
import { checkPin, hashPin } from '../learner-pin.js';

export function createLearnerHandlers(deps: CoreDependencies): HandlerGroup<typeof learnerChannels> {
  const { db, sessions } = deps;

  /** Every session of a profile, e.g. to end them all when it is deleted. */
  const endSessionsOf = (learnerId: string) => {
    for (const [token, owner] of sessions) if (owner === learnerId) sessions.delete(token);
  };

  return {
    'learners.list': () => listLearners(db),

    'learners.create': async ({ displayName: typed, language, pin }) => {
      const displayName = await acceptedName(typed);
      // Hash before the transaction: it takes a moment, and the transaction should stay short.
      const pinHash = pin === undefined ? null : hashPin(pin);
      return createProfile(db, displayName, language, pinHash);
    },

    'learners.open': ({ learnerId, pin }) => {
      const learner = requireProfile(db, learnerId);
      checkPin(db, learnerId, pin);
      const session = randomBytes(24).toString('base64url');
      sessions.set(session, learner.id);
      return { session, learner };
    },

    'learners.current': ({ session }) => requireLearner(deps, session),

    'learners.close': ({ session }) => ({ closed: sessions.delete(session) }),

    'learners.update': async ({ session, learnerId: target, displayName: typed, language }) => {
      const learnerId = requireOwnOrManaged(deps, session, target);
      const displayName = typed === undefined ? undefined : await acceptedName(typed);
      return updateProfile(db, learnerId, { displayName, language });
    },

    'learners.setPin': ({ session, learnerId: target, pin }) => {
      const learnerId = requireOwnOrManaged(deps, session, target);
      const updated = setLearnerPinHash(db, learnerId, pin === null ? null : hashPin(pin));
      if (!updated) throw profileNotFound();
      return updated;
    },

    'learners.delete': ({ session, learnerId: target }) => {
      const learnerId = requireOwnOrManaged(deps, session, target);
      const deleted = deleteProfile(db, learnerId);
      endSessionsOf(learnerId);
      return { deleted };
    },

    'learners.setManager': ({ session, learnerId, manager }) => {
      requireManager(deps, session);
      return setProfileManager(db, learnerId, manager);
    },

    'progress.home': ({ session }) => buildLearnerHome(db, deps.catalog.current(), requireLearner(deps, session)),

    'progress.recordReading': ({ session, courseId, lessonId, activeSeconds, scrollFraction }) => {
      const learner = requireLearner(deps, session);
      return recordLessonReading(db, learner.id, requireCourse(deps, courseId), lessonId, { activeSeconds, scrollFraction });
    },
  };
}
