import { randomUUID } from 'node:crypto';
import type { Learner } from '../contract/channels.js';
// From languages.ts, not channels.ts: browser mode answers `learners.list` before it loads the channels' schemas.
import { isLanguage, type Language } from '../contract/languages.js';
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
/**
 * Profiles of this PC. Learners imported from another PC's progress file (`origin_pc_id`, see
 * docs/progress-files.md) are in the same table, so their work counts in reports, but they are
 * not profiles here: nobody can list, open, rename or manage them on this PC.
 */
const OWN_PROFILE = 'origin_pc_id IS NULL';

function toLearner(row: LearnerRow): Learner {
  return {
    id: row.id,
    displayName: row.display_name,
    language: isLanguage(row.language) ? row.language : 'en',
    createdAt: row.created_at,
    hasPin: row.pin_hash !== null,
    isManager: row.is_manager === 1,
  };
}

export function listLearners(db: Db): Learner[] {
  const rows = db
    .prepare(`SELECT ${LEARNER_COLUMNS} FROM learners WHERE ${OWN_PROFILE} ORDER BY created_at, id`)
    .all() as LearnerRow[];
  return rows.map(toLearner);
}

export function findLearner(db: Db, id: string): Learner | undefined {
  const row = db.prepare(`SELECT ${LEARNER_COLUMNS} FROM learners WHERE id = ? AND ${OWN_PROFILE}`).get(id) as
    LearnerRow | undefined;
  return row ? toLearner(row) : undefined;
}

/** A name as compared: NFC (names stored before Aula normalised them may not be) and without case. */
function comparableName(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('und');
}

/**
 * Another profile with this name, ignoring case and Unicode form: two "Anna"s (or an "Ieva"
 * typed two ways) on one PC would be told apart by nothing. Compared here rather than in SQL,
 * whose lower() knows only ASCII; a PC has a few dozen profiles at most.
 */
/** A learner whose work reports show: a profile of this PC, or one imported with a progress file. */
export function findReportedLearner(db: Db, id: string): (Learner & { fromPc: string | null }) | undefined {
  const row = db
    .prepare(
      `SELECT ${LEARNER_COLUMNS}, (SELECT pc_name FROM progress_origins WHERE pc_id = origin_pc_id) AS from_pc
       FROM learners WHERE id = ?`,
    )
    .get(id) as (LearnerRow & { from_pc: string | null }) | undefined;
  return row ? { ...toLearner(row), fromPc: row.from_pc } : undefined;
}

/** Everyone reports show, this PC's profiles first, then learners imported from other PCs by name. */
export function listReportedLearners(db: Db): { id: string; displayName: string; fromPc: string | null }[] {
  return db
    .prepare(
      `SELECT l.id, l.display_name AS displayName, o.pc_name AS fromPc
       FROM learners l LEFT JOIN progress_origins o ON o.pc_id = l.origin_pc_id
       ORDER BY l.origin_pc_id IS NOT NULL, l.display_name COLLATE NOCASE, l.id`,
    )
    .all() as { id: string; displayName: string; fromPc: string | null }[];
}

export function findLearnerByName(db: Db, displayName: string, exceptId?: string): Learner | undefined {
  const wanted = comparableName(displayName);
  const rows = db
    .prepare(`SELECT ${LEARNER_COLUMNS} FROM learners WHERE id IS NOT ? AND ${OWN_PROFILE}`)
    .all(exceptId ?? null) as LearnerRow[];
  const row = rows.find((candidate) => comparableName(candidate.display_name) === wanted);
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
    displayName.normalize('NFC'),
    language,
    now.toISOString(),
    pinHash,
    isManager ? 1 : 0,
  );
  return findLearner(db, id) as Learner;
}

export function countLearners(db: Db): number {
  return (db.prepare(`SELECT count(*) AS n FROM learners WHERE ${OWN_PROFILE}`).get() as { n: number }).n;
}

export function countManagers(db: Db): number {
  return (db.prepare(`SELECT count(*) AS n FROM learners WHERE is_manager = 1 AND ${OWN_PROFILE}`).get() as { n: number }).n;
}

export function setLearnerManager(db: Db, id: string, isManager: boolean): Learner | undefined {
  db.prepare('UPDATE learners SET is_manager = ? WHERE id = ?').run(isManager ? 1 : 0, id);
  return findLearner(db, id);
}

export function updateLearner(db: Db, id: string, changes: { displayName?: string; language?: Language }): Learner | undefined {
  db.prepare('UPDATE learners SET display_name = COALESCE(?, display_name), language = COALESCE(?, language) WHERE id = ?').run(
    changes.displayName?.normalize('NFC') ?? null,
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

/**
 * Removes a learner imported from another PC (progress files) with everything of theirs here: their
 * progress, attempts, answers, submissions, canvases and certificates (ON DELETE CASCADE), their
 * group memberships (likewise) and any xAPI statements about them, in one transaction. Only this
 * PC's copy goes: importing a file that holds them again brings them back. This PC's own profiles
 * are never removed here (false, as for an unknown id).
 */
export function deleteImportedLearner(db: Db, id: string): boolean {
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM learners WHERE id = ? AND origin_pc_id IS NOT NULL').get(id)) return false;
    db.prepare('DELETE FROM xapi_outbox WHERE learner_id = ?').run(id);
    return db.prepare('DELETE FROM learners WHERE id = ?').run(id).changes > 0;
  })();
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
