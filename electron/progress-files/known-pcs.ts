/**
 * The PCs this installation has imported progress files from, remembered by their key (migration
 * 11, docs/progress-files.md). Trust on first import: the first file from a key is accepted and its
 * key and name remembered; later files from it are "known", a new name beside the old one is
 * shown, a new key using a known PC's name is pointed out, and a manager can block a key (its files
 * are refused) or forget it (its next file is a first one again).
 *
 * What this cannot do: tell a PC from a copy of its key. Whoever has a PC's key file can sign as
 * that PC; blocking it is the answer once that is known.
 */
import type { Db } from '../db/open-database.js';
import { DomainRefusal } from '../domain/domain-refusal.js';
import type { ProgressFilePc } from './progress-file-format.js';

/** How the PC that signed a file stands here, told with the import's summary. */
export interface PcStanding {
  /** `this-pc`: this installation's own file came back; `new`: the first file from this key. */
  kind: 'new' | 'known' | 'this-pc';
  /** For a known PC whose file gives it another name: the name it had here until now. */
  previousName: string | null;
  /** How many other known PCs (other keys) go by the file's name: a file may claim another PC's name. */
  otherPcsWithName: number;
}

export interface KnownPc {
  pcId: string;
  firstName: string;
  lastName: string;
  firstImportedAt: string;
  lastImportedAt: string;
  blockedAt: string | null;
  /** Learners here who came from this PC. */
  learners: number;
}

interface KnownPcRow {
  key_id: string;
  first_name: string;
  last_name: string;
  first_imported_at: string;
  last_imported_at: string;
  blocked_at: string | null;
  learners: number;
}

/** Names compared as a person reads them: composed, trimmed, case ignored. */
function sameName(a: string, b: string): boolean {
  const plain = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('und');
  return plain(a) === plain(b);
}

function toKnownPc(row: KnownPcRow): KnownPc {
  return {
    pcId: row.key_id,
    firstName: row.first_name,
    lastName: row.last_name,
    firstImportedAt: row.first_imported_at,
    lastImportedAt: row.last_imported_at,
    blockedAt: row.blocked_at,
    learners: row.learners,
  };
}

const SELECT_KNOWN = `SELECT key_id, first_name, last_name, first_imported_at, last_imported_at, blocked_at,
    (SELECT count(*) FROM learners WHERE origin_pc_id = known_pcs.key_id) AS learners
  FROM known_pcs`;

export function listKnownPcs(db: Db): KnownPc[] {
  const rows = db.prepare(`${SELECT_KNOWN} ORDER BY last_name COLLATE NOCASE, key_id`).all() as KnownPcRow[];
  return rows.map(toKnownPc);
}

export function findKnownPc(db: Db, pcId: string): KnownPc | undefined {
  const row = db.prepare(`${SELECT_KNOWN} WHERE key_id = ?`).get(pcId) as KnownPcRow | undefined;
  return row ? toKnownPc(row) : undefined;
}

/** How the file's signer stands here, before anything is written. */
export function standingOf(db: Db, pc: ProgressFilePc, thisPcId: string): PcStanding {
  if (pc.id === thisPcId) return { kind: 'this-pc', previousName: null, otherPcsWithName: 0 };
  const known = findKnownPc(db, pc.id);
  const others = (db.prepare('SELECT key_id, last_name FROM known_pcs WHERE key_id <> ?').all(pc.id) as KnownPcRow[]).filter(
    (row) => sameName(row.last_name, pc.name),
  ).length;
  if (!known) return { kind: 'new', previousName: null, otherPcsWithName: others };
  return { kind: 'known', previousName: sameName(known.lastName, pc.name) ? null : known.lastName, otherPcsWithName: others };
}

/** Remembers the signer of an imported file (call in the import's transaction). */
export function rememberPc(db: Db, pc: ProgressFilePc, now: Date): void {
  const at = now.toISOString();
  const name = pc.name.normalize('NFC');
  db.prepare(
    `INSERT INTO known_pcs (key_id, public_key, first_name, last_name, first_imported_at, last_imported_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (key_id) DO UPDATE SET last_name = excluded.last_name, last_imported_at = excluded.last_imported_at`,
  ).run(pc.id, pc.publicKey, name, name, at, at);
}

function unknownPc(): DomainRefusal {
  return new DomainRefusal('not-found', 'Aula has not imported any file from this PC (or it was forgotten).', {
    reason: 'progress-file.unknown-pc',
  });
}

/** Blocks a known PC (its later files are refused) or accepts its files again; refused for a PC not known here. */
export function setPcBlocked(db: Db, pcId: string, blocked: boolean, now = new Date()): void {
  const change = blocked
    ? db.prepare('UPDATE known_pcs SET blocked_at = coalesce(blocked_at, ?) WHERE key_id = ?').run(now.toISOString(), pcId)
    : db.prepare('UPDATE known_pcs SET blocked_at = NULL WHERE key_id = ?').run(pcId);
  if (change.changes === 0) throw unknownPc();
}

/**
 * Forgets a PC: its next file is a first one again. Its learners and their work stay (they are
 * records, and still say which PC they came from); refused for a PC not known here.
 */
export function forgetPc(db: Db, pcId: string): void {
  if (db.prepare('DELETE FROM known_pcs WHERE key_id = ?').run(pcId).changes === 0) throw unknownPc();
}
