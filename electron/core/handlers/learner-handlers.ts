import { randomBytes } from 'node:crypto';
import type { learnerChannels } from '../../contract/channels.js';
import {
  countLearners,
  countManagers,
  createLearner,
  deleteLearner,
  findLearner,
  findLearnerByName,
  listLearners,
  setLearnerManager,
  setLearnerPinHash,
  updateLearner,
} from '../../db/learners.js';
import { recordReading } from '../../db/progress.js';
import { unprintableCharacters } from '../../pdf/printable-text.js';
import { ApiFailure } from '../api-failure.js';
import {
  requireCourse,
  requireLearner,
  requireLesson,
  requireManager,
  requireOwnOrManaged,
  type CoreDependencies,
} from '../core-context.js';
import type { Db } from '../../db/open-database.js';
import type { HandlerGroup } from '../dispatch.js';
import { buildLearnerHome } from '../learner-home.js';
import { checkPin, hashPin } from '../learner-pin.js';

/**
 * A name as stored: in Unicode NFC, so that an "Ieva" typed with a combining accent and one typed
 * with the composed letter are one name; refused if a bundled font can't draw one of its characters.
 */
async function acceptedName(typed: string): Promise<string> {
  const name = typed.normalize('NFC');
  const missing = await unprintableCharacters(name);
  if (missing.length > 0) {
    const characters = missing.join(' ');
    throw new ApiFailure(
      'invalid-arguments',
      `The name "${name}" has characters that Aula cannot print on a certificate (${characters}). ` +
        'Write the name with ordinary letters.',
      { reason: 'profile.name-unprintable', params: { name, characters } },
    );
  }
  return name;
}

function refuseTakenName(displayName: string): never {
  throw new ApiFailure(
    'conflict',
    `There is already a profile called "${displayName}" on this computer. Add a surname or an initial to tell them apart.`,
    { reason: 'profile.name-taken', params: { name: displayName } },
  );
}

/** Refuses to leave a PC that has profiles without anyone who can manage it. */
function refuseLosingLastManager(db: Db, learnerId: string, stillHasProfiles: boolean): void {
  const learner = findLearner(db, learnerId);
  if (learner?.isManager && countManagers(db) === 1 && stillHasProfiles) {
    throw new ApiFailure(
      'conflict',
      `${learner.displayName} is the only person who manages Aula on this computer. Make someone else a manager first.`,
      { reason: 'profile.last-manager', params: { name: learner.displayName } },
    );
  }
}

export function createLearnerHandlers(deps: CoreDependencies): HandlerGroup<typeof learnerChannels> {
  const { db, sessions } = deps;
  const gone = () =>
    new ApiFailure('not-found', 'This learner profile does not exist (any more).', { reason: 'profile.not-found' });

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
      return db.transaction(() => {
        if (findLearnerByName(db, displayName)) refuseTakenName(displayName);
        // The first profile on a data folder is the person setting Aula up: they manage it.
        return createLearner(db, displayName, language, new Date(), pinHash, countLearners(db) === 0);
      })();
    },

    'learners.open': ({ learnerId, pin }) => {
      const learner = findLearner(db, learnerId);
      if (!learner) throw gone();
      checkPin(db, learnerId, pin);
      const session = randomBytes(24).toString('base64url');
      sessions.set(session, learner.id);
      return { session, learner };
    },

    'learners.current': ({ session }) => {
      const learner = findLearner(db, requireLearner(deps, session));
      if (!learner) throw gone();
      return learner;
    },

    'learners.close': ({ session }) => ({ closed: sessions.delete(session) }),

    'learners.update': async ({ session, learnerId: target, displayName: typed, language }) => {
      const learnerId = requireOwnOrManaged(deps, session, target);
      const displayName = typed === undefined ? undefined : await acceptedName(typed);
      return db.transaction(() => {
        if (displayName !== undefined && findLearnerByName(db, displayName, learnerId)) refuseTakenName(displayName);
        const updated = updateLearner(db, learnerId, { displayName, language });
        if (!updated) throw gone();
        return updated;
      })();
    },

    'learners.setPin': ({ session, learnerId: target, pin }) => {
      const learnerId = requireOwnOrManaged(deps, session, target);
      const updated = setLearnerPinHash(db, learnerId, pin === null ? null : hashPin(pin));
      if (!updated) throw gone();
      return updated;
    },

    'learners.delete': ({ session, learnerId: target }) => {
      const learnerId = requireOwnOrManaged(deps, session, target);
      const deleted = db.transaction(() => {
        refuseLosingLastManager(db, learnerId, countLearners(db) > 1);
        return deleteLearner(db, learnerId);
      })();
      endSessionsOf(learnerId);
      return { deleted };
    },

    'learners.setManager': ({ session, learnerId, manager }) => {
      requireManager(deps, session);
      return db.transaction(() => {
        if (!manager) refuseLosingLastManager(db, learnerId, true);
        const updated = setLearnerManager(db, learnerId, manager);
        if (!updated) throw gone();
        return updated;
      })();
    },

    'progress.home': ({ session }) => {
      const learner = findLearner(db, requireLearner(deps, session));
      if (!learner) throw gone();
      return buildLearnerHome(db, deps.catalog, learner);
    },

    'progress.recordReading': ({ session, courseId, lessonId, activeSeconds, scrollFraction }) => {
      const learnerId = requireLearner(deps, session);
      const course = requireCourse(deps, courseId);
      requireLesson(course, lessonId);
      const record = recordReading(db, learnerId, courseId, lessonId, { activeSeconds, scrollFraction });
      if (!record) {
        throw new ApiFailure('conflict', 'Open the lesson before recording reading time for it.', {
          reason: 'lesson.not-opened',
        });
      }
      return { timeSpentSeconds: record.timeSpentSeconds, scrollFraction: record.scrollFraction };
    },
  };
}
