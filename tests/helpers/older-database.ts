import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../electron/db/migrations.js';

/**
 * A database file as an older Aula left it: only the first `version` migrations applied, so a
 * test can put in the rows that version had and then let the current Aula upgrade it.
 */
export function openAtSchemaVersion(file: string, version: number): Database.Database {
  const db = new Database(file);
  for (const step of MIGRATIONS.slice(0, version)) step(db);
  db.pragma(`user_version = ${version}`);
  return db;
}
