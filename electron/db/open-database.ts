/**
 * The one place where Aula opens its SQLite database. better-sqlite3's prebuilt N-API binary
 * serves Node and Electron alike; `nativeBinding` is only an override (the desktop shell's
 * AULA_SQLITE_BINDING), e.g. for a binary kept outside a packaged app's archive.
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

/**
 * The database file cannot be read as SQLite, or SQLite's own check found damage in it. The
 * file has not been changed; `electron/db/database-recovery.ts` decides what to do with it.
 */
export class DatabaseCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`The progress database ${file} is damaged: ${problem}`);
    this.name = 'DatabaseCorruptError';
  }
}

export interface OpenDatabaseOptions {
  /** Path to a better_sqlite3.node to load instead of the package's prebuilt one (an override). */
  nativeBinding?: string;
}

/**
 * Every SQLite connection Aula makes (the database, its backups, a file being checked) goes
 * through here, so an overriding `nativeBinding` is honoured everywhere.
 */
export function openSqliteFile(file: string, options: OpenDatabaseOptions, mode: { readonly?: boolean } = {}): Db {
  return new Database(file, {
    readonly: mode.readonly ?? false,
    fileMustExist: mode.readonly ?? false,
    nativeBinding: options.nativeBinding,
  });
}

/** SQLite's way of saying a file is damaged or is not a database at all (better-sqlite3 error codes). */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

function asCorruption(file: string, error: unknown): unknown {
  return isCorruptionError(error) ? new DatabaseCorruptError(file, (error as Error).message) : error;
}

/**
 * The schema version written in the file's own header (user_version, 4 bytes at offset 60), read
 * without SQLite: opening a WAL database, even read-only, makes SQLite create -shm and -wal files
 * beside it, and a database from a newer Aula must be left exactly as it was. Null when the file
 * is not a plain SQLite file or a -wal beside it may hold a newer header.
 */
function headerSchemaVersion(file: string): number | null {
  if (fs.existsSync(`${file}-wal`)) return null;
  const header = Buffer.alloc(64);
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    if (fs.readSync(fd, header, 0, 64, 0) < 64) return null;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return null;
  // The fixed payload fractions (64, 32, 32) and a power-of-two page size: a real header, not junk
  // that happens to start with the magic words (that is damage, for SQLite to report).
  const pageSize = header.readUInt16BE(16);
  const validPageSize = pageSize === 1 || (pageSize >= 512 && (pageSize & (pageSize - 1)) === 0);
  if (header[21] !== 64 || header[22] !== 32 || header[23] !== 32 || !validPageSize) return null;
  return header.readInt32BE(60);
}

export function readSchemaVersion(file: string, options: OpenDatabaseOptions): number {
  const fromHeader = headerSchemaVersion(file);
  if (fromHeader !== null && fromHeader > LATEST_SCHEMA_VERSION) return fromHeader;
  // Read-only first, so a database from a newer Aula is refused before we touch it in any way.
  let probe: Db | undefined;
  try {
    probe = openSqliteFile(file, options, { readonly: true });
    return probe.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    throw asCorruption(file, error);
  } finally {
    probe?.close();
  }
}

/**
 * Throws DatabaseCorruptError unless SQLite's quick_check finds the open file sound. quick_check
 * reads every page once but, unlike integrity_check, does not cross-check each index against its
 * table, so it costs about one read of the file. Measured on this project's synthetic data
 * (scripts/bench): 56 MB, i.e. 30 learners with 20,000 quiz attempts (far more than a shared
 * office PC gathers in years), checks in about 150 ms; a typical database of a few MB in tens
 * of milliseconds. That is a fair price at start for never building on a damaged file.
 */
export function assertDatabaseSound(db: Db, file: string): void {
  let rows: string[];
  try {
    rows = db.prepare('PRAGMA quick_check(5)').pluck().all() as string[];
  } catch (error) {
    throw asCorruption(file, error);
  }
  if (rows.length !== 1 || rows[0] !== 'ok') throw new DatabaseCorruptError(file, rows.join('; '));
}

export function openDatabase(dataDir: string, options: OpenDatabaseOptions = {}): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  if (fs.existsSync(file)) {
    const version = readSchemaVersion(file, options);
    if (version > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(file, version, LATEST_SCHEMA_VERSION);
  }
  const db = openSqliteFile(file, options);
  try {
    try {
      db.pragma('journal_mode = WAL');
      assertDatabaseSound(db, file);
    } catch (error) {
      throw asCorruption(file, error);
    }
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
