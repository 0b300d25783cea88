import { randomUUID } from 'node:crypto';
import type { Language, Learner } from '../contract/channels.js';
import type { Db } from './open-database.js';

interface LearnerRow {
  id: string;
  display_name: string;
  language: string;
  created_at: string;
  pin_hash: string | null;
  is_manager: number;
}

const LEARNER_COLUMNS = 'id, display_name, language, created_at, pin_hash, is_manager';

function toLearner(row: LearnerRow): Learner {
  return {
    id: row.id,
    displayName: row.display_name,
    language: row.language === 'ca' ? 'ca' : 'en',
    createdAt: row.created_at,
    hasPin: row.pin_hash !== null,
    isManager: row.is_manager === 1,
  };
}

export function listLearners(db: Db): Learner[] {
  const rows = db.prepare(`SELECT ${LEARNER_COLUMNS} FROM learners ORDER BY created_at, id`).all() as LearnerRow[];
  return rows.map(toLearner);
}

export function findLearner(db: Db, id: string): Learner | undefined {
  const row = db.prepare(`SELECT ${LEARNER_COLUMNS} FROM learners WHERE id = ?`).get(id) as LearnerRow | undefined;
  return row ? toLearner(row) : undefined;
}

/** Another profile with this name, ignoring case: two "Anna"s on one PC would be told apart by nothing. */
export function findLearnerByName(db: Db, displayName: string, exceptId?: string): Learner | undefined {
  const row = db
    .prepare(`SELECT ${LEARNER_COLUMNS} FROM learners WHERE lower(display_name) = lower(?) AND id IS NOT ? LIMIT 1`)
    .get(displayName, exceptId ?? null) as LearnerRow | undefined;
  return row ? toLearner(row) : undefined;
}

export function createLearner(
  db: Db,
  displayName: string,
  language: Language,
  now = new Date(),
  pinHash: string | null = null,
  isManager = false,
): Learner {
  const id = randomUUID();
  db.prepare('INSERT INTO learners (id, display_name, language, created_at, pin_hash, is_manager) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    displayName,
    language,
    now.toISOString(),
    pinHash,
    isManager ? 1 : 0,
  );
  return findLearner(db, id) as Learner;
}

export function countLearners(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM learners').get() as { n: number }).n;
}

export function countManagers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM learners WHERE is_manager = 1').get() as { n: number }).n;
}

export function setLearnerManager(db: Db, id: string, isManager: boolean): Learner | undefined {
  db.prepare('UPDATE learners SET is_manager = ? WHERE id = ?').run(isManager ? 1 : 0, id);
  return findLearner(db, id);
}

export function updateLearner(db: Db, id: string, changes: { displayName?: string; language?: Language }): Learner | undefined {
  db.prepare('UPDATE learners SET display_name = COALESCE(?, display_name), language = COALESCE(?, language) WHERE id = ?').run(
    changes.displayName ?? null,
    changes.language ?? null,
    id,
  );
  return findLearner(db, id);
}

/** Sets or removes a profile's PIN hash; a new PIN also clears any wait from earlier wrong tries. */
export function setLearnerPinHash(db: Db, id: string, pinHash: string | null): Learner | undefined {
  db.prepare('UPDATE learners SET pin_hash = ?, failed_pin_tries = 0, pin_locked_until = NULL WHERE id = ?').run(pinHash, id);
  return findLearner(db, id);
}

/** Removes the profile; its progress, attempts and answers go with it (ON DELETE CASCADE). */
export function deleteLearner(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM learners WHERE id = ?').run(id).changes > 0;
}

export interface PinState {
  pinHash: string | null;
  failedTries: number;
  /** ISO time before which no PIN is accepted, or null. */
  lockedUntil: string | null;
}

export function readPinState(db: Db, id: string): PinState | undefined {
  const row = db.prepare('SELECT pin_hash, failed_pin_tries, pin_locked_until FROM learners WHERE id = ?').get(id) as
    { pin_hash: string | null; failed_pin_tries: number; pin_locked_until: string | null } | undefined;
  return row ? { pinHash: row.pin_hash, failedTries: row.failed_pin_tries, lockedUntil: row.pin_locked_until } : undefined;
}

export function writePinFailures(db: Db, id: string, failedTries: number, lockedUntil: string | null): void {
  db.prepare('UPDATE learners SET failed_pin_tries = ?, pin_locked_until = ? WHERE id = ?').run(failedTries, lockedUntil, id);
}
