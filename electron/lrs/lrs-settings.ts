import type { LrsLastError } from '../contract/lrs-channels.js';
import type { Db } from '../db/open-database.js';
import { readSetting, writeSetting } from '../db/settings.js';
import { writeIriBase } from '../db/xapi-iri-base.js';
import { DomainRefusal } from '../domain/domain-refusal.js';
import { isHttpsIriBase } from '../xapi/learning-statements.js';

/**
 * Where the LRS settings live: the `settings` table of the data folder's database, like every other
 * setting. The secret is there in clear (the LRS needs it as given, so a hash would not do); what
 * keeps it from learners and lessons is that no channel returns it, lessons run in a sandbox with
 * no access to the core, and the data folder is the PC user's own (see docs/reports-and-records.md).
 */
const ENDPOINT = 'xapi.lrs.endpoint';
const KEY = 'xapi.lrs.key';
const SECRET = 'xapi.lrs.secret';
const LAST_ERROR = 'xapi.lrs.last-error';
const LAST_SENT_AT = 'xapi.lrs.last-sent-at';

export interface LrsConnection {
  /** Always ends in `/`, so `statements` can be appended. */
  endpoint: string;
  key: string;
  secret: string;
}

export function readLrsConnection(db: Db): LrsConnection | null {
  const endpoint = readSetting(db, ENDPOINT);
  if (!endpoint) return null;
  return { endpoint, key: readSetting(db, KEY) ?? '', secret: readSetting(db, SECRET) ?? '' };
}

/** Whether a manager (or a partner's package) ever set an LRS here, even one removed since. */
export function lrsEverConfigured(db: Db): boolean {
  return readSetting(db, ENDPOINT) !== undefined;
}

export function lrsSecretSet(db: Db): boolean {
  return (readSetting(db, SECRET) ?? '') !== '';
}

export { readIriBase } from '../db/xapi-iri-base.js';

/**
 * Stores the connection; `secret` undefined keeps the stored one, as `iriBase` undefined keeps the
 * base (null or empty: back to the default URN). A base that is not an https address ending in
 * "/" is refused with nothing stored. A new endpoint clears the last error.
 */
export function writeLrsConnection(
  db: Db,
  connection: { endpoint: string | null; key: string; secret?: string; iriBase?: string | null },
): void {
  const base = connection.iriBase === '' ? null : connection.iriBase;
  if (typeof base === 'string' && !isHttpsIriBase(base)) {
    throw new DomainRefusal('bad-input', `"${base}" cannot be a base for activity ids: use an https:// address ending in "/".`, {
      reason: 'lrs.iri-base-invalid',
      params: { base },
    });
  }
  db.transaction(() => {
    if (base !== undefined) writeIriBase(db, base);
    const endpoint = connection.endpoint === null ? '' : withTrailingSlash(connection.endpoint.trim());
    writeSetting(db, ENDPOINT, endpoint);
    writeSetting(db, KEY, connection.endpoint === null ? '' : connection.key);
    if (connection.endpoint === null) writeSetting(db, SECRET, '');
    else if (connection.secret !== undefined) writeSetting(db, SECRET, connection.secret);
    writeSetting(db, LAST_ERROR, '');
  })();
}

function withTrailingSlash(endpoint: string): string {
  return endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
}

export function readLastError(db: Db): LrsLastError | null {
  const stored = readSetting(db, LAST_ERROR);
  return stored ? (JSON.parse(stored) as LrsLastError) : null;
}

export function writeLastError(db: Db, error: LrsLastError | null): void {
  writeSetting(db, LAST_ERROR, error ? JSON.stringify(error) : '');
}

export function readLastSentAt(db: Db): string | null {
  return readSetting(db, LAST_SENT_AT) || null;
}

export function writeLastSentAt(db: Db, at: string): void {
  writeSetting(db, LAST_SENT_AT, at);
}
