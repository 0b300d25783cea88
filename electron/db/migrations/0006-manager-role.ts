import type Database from 'better-sqlite3';

/**
 * 6: a role for profiles. Managing the installation (course packs, trust, developer options,
 * other people's profiles) needs a profile with `is_manager = 1`; a lesson's code, running as the
 * learner who opened it, must not be able to do any of that.
 *
 * A data folder from before this migration has profiles but no manager, and nobody could install
 * or remove a course on it any more. Its oldest profile becomes the manager: on a shared PC that is
 * the person who set Aula up (the first-run welcome creates the first profile), which is also who
 * a new data folder makes the manager.
 */
export function migration0006ManagerRole(db: Database.Database): void {
  db.exec(`
      ALTER TABLE learners ADD COLUMN is_manager INTEGER NOT NULL DEFAULT 0 CHECK (is_manager IN (0, 1));
      UPDATE learners SET is_manager = 1
        WHERE id = (SELECT id FROM learners ORDER BY created_at, id LIMIT 1);
    `);
}
