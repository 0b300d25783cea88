import type Database from 'better-sqlite3';

/**
 * 11: the PCs whose progress files were imported here, remembered by their key (trust on first
 * import, docs/progress-files.md).
 *
 * A progress file proves which key signed it, not which PC it is: any installation can call itself
 * "Library PC". Remembering each key with the name it first came with lets the import say whether a
 * file is the first from its PC or from one seen before, show both names when a known PC renamed
 * itself, warn when a new key takes a known PC's name, and lets a manager block a PC (later files
 * from its key are refused) or forget it (its next file counts as a first one again).
 *
 * - `key_id` is the PC id progress files carry (derived from `public_key`, so it cannot be claimed
 *   without the key); `first_name` the name its first file gave, `last_name` its newest import's.
 * - `blocked_at`: NULL for a PC whose files are accepted, else when a manager blocked it.
 *
 * Kept apart from `progress_origins` (migration 8), which names the PC each imported learner came
 * from, including PCs only mentioned in a file another PC passed on and never imported from.
 * A data folder that imported files before this migration knows those PCs already: each PC that
 * signed a file imported here becomes known with the name it has there now.
 */
export function migration0011KnownPcs(db: Database.Database): void {
  db.exec(`
      CREATE TABLE known_pcs (
        key_id TEXT PRIMARY KEY,
        public_key TEXT NOT NULL,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        first_imported_at TEXT NOT NULL,
        last_imported_at TEXT NOT NULL,
        blocked_at TEXT
      ) STRICT;

      INSERT INTO known_pcs (key_id, public_key, first_name, last_name, first_imported_at, last_imported_at)
        SELECT pc_id, public_key, pc_name, pc_name, last_imported_at, last_imported_at
        FROM progress_origins WHERE newest_file_at <> '';
    `);
}
