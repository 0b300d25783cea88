/**
 * The one place where Aula opens its SQLite database. The desktop build runs on Electron's
 * Node (a different ABI from the system Node), so it passes its own `nativeBinding`; everything
 * else uses better-sqlite3's default binary.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, migrate } from './migrations.js';

export type Db = Database.Database;

export const DATABASE_FILE_NAME = 'aula.sqlite';

export class DatabaseTooNewError extends Error {
  constructor(
    readonly file: string,
    readonly fileVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `The progress database ${file} was written by a newer version of Aula (schema ${fileVersion}; ` +
        `this version understands up to ${supportedVersion}). It has not been changed. ` +
        'Install the newer Aula again, or start this one with another --data-dir.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export interface OpenDatabaseOptions {
  /** Path to a better_sqlite3.node built for the running Node/Electron ABI. */
  nativeBinding?: string;
}

function readSchemaVersion(file: string, options: OpenDatabaseOptions): number {
  // Read-only first, so a database from a newer Aula is refused before we touch it in any way.
  const probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    return probe.pragma('user_version', { simple: true }) as number;
  } finally {
    probe.close();
  }
}

export function openDatabase(dataDir: string, options: OpenDatabaseOptions = {}): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  if (fs.existsSync(file)) {
    const version = readSchemaVersion(file, options);
    if (version > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(file, version, LATEST_SCHEMA_VERSION);
  }
  const db = new Database(file, { nativeBinding: options.nativeBinding });
  try {
    db.pragma('journal_mode = WAL');
    // WAL's default NORMAL can lose the last commits on power loss; an answer shown as saved must survive it.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function closeDatabase(db: Db): void {
  if (!db.open) return;
  // Fold the WAL back into the main file so a copied data folder is complete on its own.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
