/**
 * The rules of learner profiles: what a name may be, no two profiles with one name, and a PC
 * with profiles always keeps someone who can manage it. "This profile does not exist" is said
 * here only, so every channel says it the same way.
 */
import type { Language, Learner } from '../contract/channels.js';
import {
  countLearners,
  countManagers,
  createLearner,
  deleteImportedLearner,
  deleteLearner,
  findLearner,
  findLearnerByName,
  setLearnerManager,
  updateLearner,
} from '../db/learners.js';
import type { Db } from '../db/open-database.js';
import { DomainRefusal } from '../domain/domain-refusal.js';
import { unprintableCharacters } from '../pdf/printable-text.js';

/** The profile named is not (or no longer) on this PC. */
export function profileNotFound(): DomainRefusal {
  return new DomainRefusal('not-found', 'This learner profile does not exist (any more).', { reason: 'profile.not-found' });
}

/** The learner with this id, or the not-found refusal. */
export function requireProfile(db: Db, learnerId: string): Learner {
  const learner = findLearner(db, learnerId);
  if (!learner) throw profileNotFound();
  return learner;
}

/**
 * A name as stored: in Unicode NFC, so that an "Ieva" typed with a combining accent and one typed
 * with the composed letter are one name; refused if a bundled font can't draw one of its characters.
 */
export async function acceptedName(typed: string): Promise<string> {
  const name = typed.normalize('NFC');
  const missing = await unprintableCharacters(name);
  if (missing.length > 0) {
    const characters = missing.join(' ');
    throw new DomainRefusal(
      'bad-input',
      `The name "${name}" has characters that Aula cannot print on a certificate (${characters}). ` +
        'Write the name with ordinary letters.',
      { reason: 'profile.name-unprintable', params: { name, characters } },
    );
  }
  return name;
}

function refuseTakenName(displayName: string): never {
  throw new DomainRefusal(
    'conflict',
    `There is already a profile called "${displayName}" on this computer. Add a surname or an initial to tell them apart.`,
    { reason: 'profile.name-taken', params: { name: displayName } },
  );
}

/** Refuses to leave a PC that has profiles without anyone who can manage it. */
function refuseLosingLastManager(db: Db, learnerId: string, stillHasProfiles: boolean): void {
  const learner = findLearner(db, learnerId);
  if (learner?.isManager && countManagers(db) === 1 && stillHasProfiles) {
    throw new DomainRefusal(
      'conflict',
      `${learner.displayName} is the only person who manages Aula on this computer. Make someone else a manager first.`,
      { reason: 'profile.last-manager', params: { name: learner.displayName } },
    );
  }
}

/** A new profile with an accepted, unused name; the first on a data folder manages it (the person setting Aula up). */
export function createProfile(db: Db, displayName: string, language: Language, pinHash: string | null): Learner {
  return db.transaction(() => {
    if (findLearnerByName(db, displayName)) refuseTakenName(displayName);
    return createLearner(db, displayName, language, new Date(), pinHash, countLearners(db) === 0);
  })();
}

/** Renames (to an accepted, unused name) or changes the language of a profile. */
export function updateProfile(
  db: Db,
  learnerId: string,
  changes: { displayName: string | undefined; language: Language | undefined },
): Learner {
  return db.transaction(() => {
    const { displayName } = changes;
    if (displayName !== undefined && findLearnerByName(db, displayName, learnerId)) refuseTakenName(displayName);
    const updated = updateLearner(db, learnerId, changes);
    if (!updated) throw profileNotFound();
    return updated;
  })();
}

/** Deletes a profile (its work goes with it), unless it is the last manager of a PC with other profiles. */
export function deleteProfile(db: Db, learnerId: string): boolean {
  return db.transaction(() => {
    refuseLosingLastManager(db, learnerId, countLearners(db) > 1);
    return deleteLearner(db, learnerId);
  })();
}

/** Makes a profile a manager or not; the last manager stays one. */
export function setProfileManager(db: Db, learnerId: string, manager: boolean): Learner {
  return db.transaction(() => {
    if (!manager) refuseLosingLastManager(db, learnerId, true);
    const updated = setLearnerManager(db, learnerId, manager);
    if (!updated) throw profileNotFound();
    return updated;
  })();
}

/**
 * Deletes a learner imported from another PC (a re-import brings them back). This PC's own
 * profiles are deleted as profiles (deleteProfile), never from reports.
 */
export function deleteImportedProfile(db: Db, learnerId: string): { deleted: true } {
  if (!deleteImportedLearner(db, learnerId)) {
    throw new DomainRefusal('not-found', 'No learner imported from another PC has this id (any more).', {
      reason: 'profile.not-found',
    });
  }
  return { deleted: true };
}
