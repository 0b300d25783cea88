/**
 * Opening the data folder's database so that no learner's work is lost: a backup before a
 * migration changes the schema (so an upgrade can be undone), and on a damaged file, the file
 * moved aside (never deleted) and the newest sound backup put in its place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LATEST_SCHEMA_VERSION } from './migrations.js';
import {
  assertDatabaseSound,
  DATABASE_FILE_NAME,
  DatabaseCorruptError,
  DatabaseTooNewError,
  openDatabase,
  openSqliteFile,
  readSchemaVersion,
  type Db,
  type OpenDatabaseOptions,
} from './open-database.js';
import {
  backupsFolder,
  listBackups,
  makeBackup,
  passesIntegrityCheck,
  removeInterruptedBackups,
  rotateBackups,
  type BackupFile,
  type BackupReason,
} from './backups.js';
import { salvageInto, type SalvageResult } from './salvage.js';

export const DAMAGED_FOLDER_NAME = 'damaged';

/** The data folder (or the database in it) cannot be written: the person must choose another or get access. */
export class DataFolderNotWritableError extends Error {
  constructor(
    readonly dataDir: string,
    readonly detail: string,
  ) {
    super(
      `Aula cannot save progress in its data folder ${dataDir}: ${detail}. ` +
        'Ask the person who looks after this computer to give you permission to change that folder, ' +
        'or start Aula with a folder you can write to (npm start -- --data-dir <folder>).',
    );
    this.name = 'DataFolderNotWritableError';
  }
}

const NOT_WRITABLE_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN', 'SQLITE_READONLY']);

export function isNotWritable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (NOT_WRITABLE_CODES.has(code) || code.startsWith('SQLITE_READONLY'));
}

/** Says which folder or file can't be written, before anything else is tried (nothing is changed by asking). */
function assertWritable(dataDir: string, file: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    if (isNotWritable(error)) throw new DataFolderNotWritableError(dataDir, 'the folder cannot be created');
    throw error;
  }
  try {
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch {
    throw new DataFolderNotWritableError(dataDir, 'the folder is read-only for you');
  }
  if (!fs.existsSync(file)) return;
  try {
    fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  } catch {
    throw new DataFolderNotWritableError(dataDir, `the file ${path.basename(file)} in it is read-only for you`);
  }
}

/** What happened while opening, for the core to tell the person and write to the log. */
export type DatabaseOpeningEvent =
  | { kind: 'restored-from-backup'; backup: BackupFile; damagedFolder: string; problem: string; salvage: SalvageResult | null }
  | { kind: 'started-fresh'; damagedFolder: string; problem: string; salvage: SalvageResult | null }
  | { kind: 'backup-failed'; reason: BackupReason; error: unknown }
  | { kind: 'unusable-backup-skipped'; file: string }
  | { kind: 'interrupted-backups-removed'; names: string[] }
  /** No database file, yet backups of an earlier one: deleted on purpose, or lost? Only the person knows. */
  | { kind: 'missing-with-backups'; newest: BackupFile; backupsFolder: string };

export interface OpenedDatabase {
  db: Db;
  events: DatabaseOpeningEvent[];
}

/** The database file and the files SQLite keeps beside it. */
function databaseFiles(file: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];
}

function folderTimestamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
}

/** Moves the damaged database (with its -wal and -shm) to damaged/<time>/, and returns that folder. */
function moveDamagedAside(dataDir: string, file: string, now: Date): string {
  const base = path.join(dataDir, DAMAGED_FOLDER_NAME, folderTimestamp(now));
  let folder = base;
  for (let n = 2; fs.existsSync(folder) && n < 1000; n += 1) folder = `${base}-${n}`;
  fs.mkdirSync(folder, { recursive: true });
  for (const part of databaseFiles(file)) {
    if (fs.existsSync(part)) fs.renameSync(part, path.join(folder, path.basename(part)));
  }
  return folder;
}

function removeDatabaseFiles(file: string): void {
  for (const part of databaseFiles(file)) fs.rmSync(part, { force: true });
}

/** Copies a backup to the database's place under a temporary name first, so a crash never leaves half a file there. */
function putBackupInPlace(backup: string, file: string): void {
  const temp = `${file}.restoring`;
  fs.copyFileSync(backup, temp);
  const fd = fs.openSync(temp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

/**
 * Before migrations change an existing database, a backup of it as it is. A failure to back up
 * (a full disk, say) is reported but does not stop the upgrade; a damaged file throws
 * DatabaseCorruptError, so it is restored rather than migrated.
 */
async function backupBeforeMigration(
  dataDir: string,
  file: string,
  options: OpenDatabaseOptions,
  now: Date,
): Promise<DatabaseOpeningEvent | undefined> {
  if (!fs.existsSync(file)) return undefined;
  const version = readSchemaVersion(file, options);
  // A new, empty file has nothing to keep; a newer schema is refused by openDatabase.
  if (version === 0 || version >= LATEST_SCHEMA_VERSION) return undefined;
  const db = openSqliteFile(file, options);
  const reason: BackupReason = { kind: 'before-migration', fromVersion: version, toVersion: LATEST_SCHEMA_VERSION };
  try {
    assertDatabaseSound(db, file);
    try {
      await makeBackup(db, dataDir, reason, options, now);
      rotateBackups(dataDir);
    } catch (error) {
      return { kind: 'backup-failed', reason, error };
    }
    return undefined;
  } finally {
    db.close();
  }
}

/**
 * SQLite takes an empty (0-byte) file for a new database. But once backups exist, the database
 * had data: a file emptied since (by a power cut on some file systems, or a broken copy) is
 * damage, not a fresh start, and must be restored rather than silently begun again.
 */
function assertNotEmptiedAfterUse(dataDir: string, file: string, options: OpenDatabaseOptions): void {
  if (!fs.existsSync(file) || listBackups(dataDir).length === 0) return;
  if (readSchemaVersion(file, options) === 0) throw new DatabaseCorruptError(file, 'the file is empty');
}

/**
 * Copies into the restored database what still reads back from the damaged one, then checks the
 * result. A merge that leaves the file unsound is never kept: the caller starts over from the backup.
 */
function openWithSalvage(
  dataDir: string,
  file: string,
  damagedFolder: string,
  options: OpenDatabaseOptions,
  putInPlace: () => void,
): { db: Db; salvage: SalvageResult | null } {
  putInPlace();
  const db = openDatabase(dataDir, options);
  const salvage = salvageInto(path.join(damagedFolder, path.basename(file)), db, options);
  const check = db.prepare('PRAGMA integrity_check(5)').pluck().all();
  const orphans = db.prepare('PRAGMA foreign_key_check').all();
  if (check.length === 1 && check[0] === 'ok' && orphans.length === 0) return { db, salvage };
  db.close();
  removeDatabaseFiles(file);
  putInPlace();
  return { db: openDatabase(dataDir, options), salvage: null };
}

/**
 * Replaces a damaged database with the newest backup that passes integrity_check (or with a new
 * one), and salvages into it what the damaged file still holds.
 */
function recoverFromDamage(
  dataDir: string,
  file: string,
  damage: DatabaseCorruptError,
  options: OpenDatabaseOptions,
  now: Date,
): OpenedDatabase {
  const events: DatabaseOpeningEvent[] = [];
  const damagedFolder = moveDamagedAside(dataDir, file, now);
  for (const backup of listBackups(dataDir)) {
    if (!passesIntegrityCheck(backup.file, options)) {
      events.push({ kind: 'unusable-backup-skipped', file: backup.file });
      continue;
    }
    try {
      const { db, salvage } = openWithSalvage(dataDir, file, damagedFolder, options, () => putBackupInPlace(backup.file, file));
      events.push({ kind: 'restored-from-backup', backup, damagedFolder, problem: damage.problem, salvage });
      return { db, events };
    } catch (error) {
      // The copy is only a copy (the backup stays); a backup from a newer Aula cannot be used here.
      if (!(error instanceof DatabaseCorruptError) && !(error instanceof DatabaseTooNewError)) throw error;
      removeDatabaseFiles(file);
      events.push({ kind: 'unusable-backup-skipped', file: backup.file });
    }
  }
  const { db, salvage } = openWithSalvage(dataDir, file, damagedFolder, options, () => {});
  events.push({ kind: 'started-fresh', damagedFolder, problem: damage.problem, salvage });
  return { db, events };
}

/**
 * Opens `<dataDir>/aula.sqlite` for the app: removes leftovers of interrupted backups, backs up
 * before a migration, and restores from a backup when the file is damaged. Throws only what the
 * person must resolve themselves (a database from a newer Aula, a folder that cannot be written).
 */
export async function openDataFolderDatabase(
  dataDir: string,
  options: OpenDatabaseOptions = {},
  now: Date = new Date(),
): Promise<OpenedDatabase> {
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  assertWritable(dataDir, file);
  const events: DatabaseOpeningEvent[] = [];
  const removed = removeInterruptedBackups(dataDir);
  if (removed.length > 0) events.push({ kind: 'interrupted-backups-removed', names: removed });
  if (!fs.existsSync(file)) {
    // Not restored on our own: someone may have removed the file to start again. Said instead.
    const newest = listBackups(dataDir)[0];
    if (newest) events.push({ kind: 'missing-with-backups', newest, backupsFolder: backupsFolder(dataDir) });
  }
  try {
    assertNotEmptiedAfterUse(dataDir, file, options);
    const failed = await backupBeforeMigration(dataDir, file, options, now);
    if (failed) events.push(failed);
    return { db: openDatabase(dataDir, options), events };
  } catch (error) {
    // What the checks above could not see (a read-only disk, say) still gets the same message.
    if (isNotWritable(error)) throw new DataFolderNotWritableError(dataDir, (error as Error).message);
    if (!(error instanceof DatabaseCorruptError)) throw error;
    const recovered = recoverFromDamage(dataDir, file, error, options, now);
    return { db: recovered.db, events: [...events, ...recovered.events] };
  }
}
