import { AULA_IRI_BASE } from '../xapi/learning-statements.js';
import type { Db } from './open-database.js';
import { readSetting, writeSetting } from './settings.js';

/**
 * The base new statements' activity and installation ids are made under (learning-statements.ts).
 * Kept with the outbox, which writes statements in the same transaction as the record they describe;
 * the LRS settings (lrs/lrs-settings.ts) change it with the rest of the connection.
 */
const IRI_BASE = 'xapi.iri-base';

export function readIriBase(db: Db): string {
  return readSetting(db, IRI_BASE) || AULA_IRI_BASE;
}

/** An https base (checked by the caller with `isHttpsIriBase`), or null for the default URN. */
export function writeIriBase(db: Db, base: string | null): void {
  writeSetting(db, IRI_BASE, base ?? '');
}
