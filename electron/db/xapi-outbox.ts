import { randomUUID } from 'node:crypto';
import { statementsFor, type LearningEvent, type XapiStatement } from '../xapi/learning-statements.js';
import { readIriBase } from './xapi-iri-base.js';
import type { Db } from './open-database.js';
import { readSetting, writeSetting } from './settings.js';

/**
 * The xAPI outbox (migration 9). Statements are recorded always, whether or not an LRS is set up:
 * recording is cheap, and a learner's record is then whole when a manager connects an LRS later
 * or exports the outbox for a USB trip to one. Callers record inside the transaction that writes
 * the event itself, so there is never an event without its statement, nor the other way round.
 */

const INSTALLATION_ID_SETTING = 'xapi.installation-id';

/** This data folder's id in statements (the actor's account home page); made on first use. */
export function installationId(db: Db): string {
  const stored = readSetting(db, INSTALLATION_ID_SETTING);
  if (stored) return stored;
  const made = randomUUID();
  writeSetting(db, INSTALLATION_ID_SETTING, made);
  return made;
}

/** Listeners told after a statement is recorded (the sender wakes up); called after commit. */
const recordedListeners = new WeakMap<Db, Set<() => void>>();

export function onStatementsRecorded(db: Db, listener: () => void): () => void {
  let listeners = recordedListeners.get(db);
  if (!listeners) recordedListeners.set(db, (listeners = new Set()));
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Writes the statements of one event. Call it inside the event's own transaction; the listeners
 * hear of it once no transaction is open (a rolled-back event then leaves nothing to send).
 */
export function recordLearningEvent(db: Db, learnerId: string, event: LearningEvent, at = new Date()): XapiStatement[] {
  // Made under the base set now; statements already recorded keep theirs (they are immutable).
  const statements = statementsFor(event, {
    installationId: installationId(db),
    learnerId,
    at,
    newId: randomUUID,
    iriBase: readIriBase(db),
  });
  const insert = db.prepare('INSERT INTO xapi_outbox (id, learner_id, statement_json, created_at) VALUES (?, ?, ?, ?)');
  for (const statement of statements) insert.run(statement.id, learnerId, JSON.stringify(statement), at.toISOString());
  const listeners = recordedListeners.get(db);
  if (listeners && listeners.size > 0) {
    queueMicrotask(() => {
      for (const listener of listeners) listener();
    });
  }
  return statements;
}

export interface WaitingStatement {
  seq: number;
  id: string;
  json: string;
}

/** The oldest statements not yet accepted by the LRS, at most `limit`. */
export function readWaitingStatements(db: Db, limit: number): WaitingStatement[] {
  return db
    .prepare('SELECT seq, id, statement_json AS json FROM xapi_outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?')
    .all(limit) as WaitingStatement[];
}

export function countWaitingStatements(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM xapi_outbox WHERE sent_at IS NULL').get() as { n: number }).n;
}

export function markStatementsSent(db: Db, seqs: readonly number[], at = new Date()): void {
  const mark = db.prepare('UPDATE xapi_outbox SET sent_at = ? WHERE seq = ? AND sent_at IS NULL');
  db.transaction(() => {
    for (const seq of seqs) mark.run(at.toISOString(), seq);
  })();
}

/** Every statement recorded, oldest first, as one JSON array: a body any LRS accepts by POST. */
export function exportOutboxJson(db: Db): { json: string; count: number } {
  const rows = db.prepare('SELECT statement_json AS json FROM xapi_outbox ORDER BY seq').all() as { json: string }[];
  return { json: `[${rows.map((row) => row.json).join(',\n')}]\n`, count: rows.length };
}
