import type Database from 'better-sqlite3';

/**
 * 8: learners whose progress came in a progress file from another PC (docs/progress-files.md).
 *
 * Every record a progress file carries already has a global id: learners, quiz attempts and
 * answers, exercise submissions, canvas revisions and certificates are keyed by UUIDs made when
 * they were written, and a lesson's progress by (learner UUID, course, lesson). So importing needs
 * no new ids, only to know where a learner came from:
 *
 * - `progress_origins`: each PC whose files were imported, named by its key id (the first 16 hex
 *   digits of the SHA-256 of its Ed25519 public key, so a name cannot be claimed with another key),
 *   with the name its newest file gave it.
 * - `learners.origin_pc_id`: set for a learner who came from another PC. Such a learner appears in
 *   reports ("from <PC name>") but is not a profile of this PC: nobody can open it here (it has
 *   no PIN here, and its owner is on the other PC). `origin_file_at` is the creation time of the
 *   newest file whose name and language for the learner were taken, so an older file never
 *   overwrites a newer one.
 */
export function migration0008ProgressFileOrigins(db: Database.Database): void {
  db.exec(`
      CREATE TABLE progress_origins (
        pc_id TEXT PRIMARY KEY,
        pc_name TEXT NOT NULL,
        public_key TEXT NOT NULL,
        newest_file_at TEXT NOT NULL,
        last_imported_at TEXT NOT NULL
      ) STRICT;

      ALTER TABLE learners ADD COLUMN origin_pc_id TEXT REFERENCES progress_origins(pc_id);
      ALTER TABLE learners ADD COLUMN origin_file_at TEXT;
      CREATE INDEX learners_by_origin ON learners (origin_pc_id);
    `);
}
