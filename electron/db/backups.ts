/**
 * Automatic backups of the progress database in `<data folder>/backups/`.
 *
 * A backup is made with SQLite's online backup API (better-sqlite3 `db.backup`), which copies a
 * consistent snapshot even while the app keeps writing in WAL mode. It is written under a
 * temporary name, switched to a self-contained single file (rollback journal, no -wal beside
 * it), checked with `PRAGMA integrity_check`, and only then renamed into place: a crash or a
 * full disk mid-backup leaves at most a temporary file, which never counts as a backup and is
 * removed at the next start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openSqliteFile, type Db, type OpenDatabaseOptions } from './open-database.js';

export const BACKUPS_FOLDER_NAME = 'backups';

/** How many of each kind are kept; older ones are deleted after a new one is in place. */
export const KEEP_DAILY_BACKUPS = 7;
export const KEEP_MIGRATION_BACKUPS = 2;
/** Backups made while Aula runs (every 10 minutes when something changed) and at a clean stop: the last few hours. */
export const KEEP_RECENT_BACKUPS = 12;
/**
 * All backups together stay under this many bytes (the oldest recent ones go first, then the
 * oldest daily ones); the newest backup is always kept, whatever its size.
 */
export const BACKUPS_SIZE_BUDGET_BYTES = 1024 * 1024 * 1024;

/** Files being written start with this; whatever carries it at start is a leftover of a crash. */
const TEMP_PREFIX = 'partial-';

export type BackupReason =
  | { kind: 'daily' }
  /** While Aula runs, when something changed, and at a clean stop. */
  | { kind: 'recent' }
  | { kind: 'before-migration'; fromVersion: number; toVersion: number };

export interface BackupFile {
  file: string;
  /** When the backup was made (second precision, from its name). */
  madeAt: Date;
  reason: BackupReason;
}

// aula-20261126T140205Z-daily.sqlite, aula-20261126T140205Z-before-migration-5-to-6.sqlite:
// the UTC time first, so names sort by time; then why the backup was made.
const BACKUP_NAME = /^aula-(\d{8}T\d{6}Z)-(daily|recent|before-migration-(\d+)-to-(\d+))\.sqlite$/;

export function backupsFolder(dataDir: string): string {
  return path.join(dataDir, BACKUPS_FOLDER_NAME);
}

function compactTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function parseCompactTimestamp(text: string): Date {
  const iso = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}T${text.slice(9, 11)}:${text.slice(11, 13)}:${text.slice(13, 15)}Z`;
  return new Date(iso);
}

export function backupFileName(madeAt: Date, reason: BackupReason): string {
  const why = reason.kind === 'before-migration' ? `before-migration-${reason.fromVersion}-to-${reason.toVersion}` : reason.kind;
  return `aula-${compactTimestamp(madeAt)}-${why}.sqlite`;
}

export function parseBackupFileName(name: string): Omit<BackupFile, 'file'> | undefined {
  const match = BACKUP_NAME.exec(name);
  if (!match?.[1] || !match[2]) return undefined;
  const madeAt = parseCompactTimestamp(match[1]);
  if (Number.isNaN(madeAt.getTime())) return undefined;
  const reason: BackupReason =
    match[2] === 'daily' || match[2] === 'recent'
      ? { kind: match[2] }
      : { kind: 'before-migration', fromVersion: Number(match[3]), toVersion: Number(match[4]) };
  return { madeAt, reason };
}

/** The names in the backups folder; none when it is missing or cannot be read (that must not stop the app). */
function namesInBackupsFolder(dataDir: string): string[] {
  try {
    return fs.readdirSync(backupsFolder(dataDir));
  } catch {
    return [];
  }
}

/** Every backup in the folder, newest first. Temporary and unrelated files are not backups. */
export function listBackups(dataDir: string): BackupFile[] {
  const backups: BackupFile[] = [];
  for (const name of namesInBackupsFolder(dataDir)) {
    const parsed = parseBackupFileName(name);
    if (parsed) backups.push({ file: path.join(backupsFolder(dataDir), name), ...parsed });
  }
  // Names of one second can tie: the name order (which includes the reason) keeps the sort stable.
  return backups.sort((a, b) => b.madeAt.getTime() - a.madeAt.getTime() || b.file.localeCompare(a.file));
}

/** Removes what a backup interrupted by a crash or a full disk left behind. Returns the names removed. */
export function removeInterruptedBackups(dataDir: string): string[] {
  const removed: string[] = [];
  for (const name of namesInBackupsFolder(dataDir)) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    try {
      fs.rmSync(path.join(backupsFolder(dataDir), name), { force: true });
      removed.push(name);
    } catch {
      // Tidying up must never stop Aula from starting; the file never counts as a backup anyway.
    }
  }
  return removed;
}

/** True when SQLite's full integrity check finds nothing wrong with the file (opened read-only). */
export function passesIntegrityCheck(file: string, options: OpenDatabaseOptions = {}): boolean {
  let db: Db | undefined;
  try {
    db = openSqliteFile(file, options, { readonly: true });
    const rows = db.prepare('PRAGMA integrity_check(5)').pluck().all();
    return rows.length === 1 && rows[0] === 'ok';
  } catch {
    // Not a database at all, or damaged beyond what the check can report.
    return false;
  } finally {
    db?.close();
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes the renames in a folder durable where the OS allows it (Windows cannot open folders). */
function fsyncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported on this platform: the rename itself is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export class BackupCheckFailedError extends Error {
  constructor(file: string) {
    super(`The new backup ${file} did not pass SQLite's integrity check; it was not kept.`);
    this.name = 'BackupCheckFailedError';
  }
}

/** Where a backup is written first, and where it goes once checked. */
function backupPaths(dataDir: string, reason: BackupReason, now: Date): { folder: string; temp: string; target: string } {
  const folder = backupsFolder(dataDir);
  fs.mkdirSync(folder, { recursive: true });
  const name = backupFileName(now, reason);
  return { folder, temp: path.join(folder, `${TEMP_PREFIX}${name}`), target: path.join(folder, name) };
}

/** Makes the copy at `temp` a checked, self-contained backup at `target`; on failure removes every trace of it. */
function finishBackup(paths: { folder: string; temp: string; target: string }, options: OpenDatabaseOptions): void {
  const copy = openSqliteFile(paths.temp, options);
  try {
    // The copy carries the WAL flag of its source; a single self-contained file is what a
    // person can carry away or restore by hand.
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  if (!passesIntegrityCheck(paths.temp, options)) throw new BackupCheckFailedError(paths.target);
  fsyncFile(paths.temp);
  fs.renameSync(paths.temp, paths.target);
  fsyncFolder(paths.folder);
}

function removeTemp(temp: string): void {
  for (const leftover of [temp, `${temp}-journal`]) fs.rmSync(leftover, { force: true });
}

function madeAtOf(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 1000) * 1000);
}

/**
 * Backs up the open database and returns the new backup. On any failure (a full disk included)
 * nothing that looks like a backup is left behind, and the error is thrown for the caller to report.
 */
export async function makeBackup(
  db: Db,
  dataDir: string,
  reason: BackupReason,
  options: OpenDatabaseOptions = {},
  now: Date = new Date(),
): Promise<BackupFile> {
  const paths = backupPaths(dataDir, reason, now);
  try {
    fs.rmSync(paths.temp, { force: true });
    await db.backup(paths.temp);
    finishBackup(paths, options);
  } catch (error) {
    removeTemp(paths.temp);
    throw error;
  }
  return { file: paths.target, madeAt: madeAtOf(now), reason };
}

/**
 * The same, synchronously (SQLite's VACUUM INTO): for a clean stop, when there is no event loop
 * turn left to wait for. Also a consistent snapshot that includes what is still in the WAL.
 */
export function makeBackupNow(
  db: Db,
  dataDir: string,
  reason: BackupReason,
  options: OpenDatabaseOptions = {},
  now = new Date(),
): BackupFile {
  const paths = backupPaths(dataDir, reason, now);
  try {
    removeTemp(paths.temp);
    db.prepare('VACUUM INTO ?').run(paths.temp);
    finishBackup(paths, options);
  } catch (error) {
    removeTemp(paths.temp);
    throw error;
  }
  return { file: paths.target, madeAt: madeAtOf(now), reason };
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Deletes all but the newest KEEP_RECENT_BACKUPS recent, KEEP_DAILY_BACKUPS daily and
 * KEEP_MIGRATION_BACKUPS pre-migration backups; then, while all of them together are over the
 * size budget, the oldest recent ones, then the oldest daily ones (never the newest backup, and
 * never a pre-migration one, which is the only way back from an upgrade). Returns the files deleted.
 */
export function rotateBackups(dataDir: string, budgetBytes = BACKUPS_SIZE_BUDGET_BYTES): string[] {
  const backups = listBackups(dataDir);
  const ofKind = (kind: BackupReason['kind']) => backups.filter((backup) => backup.reason.kind === kind);
  const old = new Set([
    ...ofKind('recent').slice(KEEP_RECENT_BACKUPS),
    ...ofKind('daily').slice(KEEP_DAILY_BACKUPS),
    ...ofKind('before-migration').slice(KEEP_MIGRATION_BACKUPS),
  ]);
  const kept = backups.filter((backup) => !old.has(backup));
  let total = kept.reduce((sum, backup) => sum + sizeOf(backup.file), 0);
  const newest = kept[0];
  for (const kind of ['recent', 'daily'] as const) {
    for (const backup of kept.filter((candidate) => candidate.reason.kind === kind).reverse()) {
      if (total <= budgetBytes) break;
      if (backup === newest) continue;
      total -= sizeOf(backup.file);
      old.add(backup);
    }
  }
  for (const backup of old) fs.rmSync(backup.file, { force: true });
  return [...old].map((backup) => backup.file);
}

function sameLocalDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** At most one daily backup per calendar day (the PC's local day: the day the person lives in). */
export function isDailyBackupDue(dataDir: string, now: Date = new Date()): boolean {
  const latest = listBackups(dataDir).find((backup) => backup.reason.kind === 'daily');
  return !latest || !sameLocalDay(latest.madeAt, now);
}
