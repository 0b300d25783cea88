import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupsFolder, listBackups, makeBackup, passesIntegrityCheck } from '../../../electron/db/backups.js';
import { DAMAGED_FOLDER_NAME, openDataFolderDatabase } from '../../../electron/db/database-recovery.js';
import { createLearner, listLearners } from '../../../electron/db/learners.js';
import { LATEST_SCHEMA_VERSION } from '../../../electron/db/migrations.js';
import { migration0001Initial } from '../../../electron/db/migrations/0001-initial.js';
import { migration0002LearnersAndAttempts } from '../../../electron/db/migrations/0002-learners-and-attempts.js';
import { migration0003ExercisesAndCanvas } from '../../../electron/db/migrations/0003-exercises-and-canvas.js';
import { migration0004Certificates } from '../../../electron/db/migrations/0004-certificates.js';
import {
  closeDatabase,
  DATABASE_FILE_NAME,
  DatabaseCorruptError,
  openDatabase,
  type Db,
} from '../../../electron/db/open-database.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const names = (db: Db) => listLearners(db).map((learner) => learner.displayName);

/** Enough learners with long names to spread the learners table over many pages. */
function addManyLearners(db: Db, count: number, prefix: string): void {
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) createLearner(db, `${prefix} ${String(i).padStart(4, '0')} ${'x'.repeat(180)}`, 'en');
  })();
}

/** Overwrites one page in the middle of the file with junk, as a failing disk sector would. */
function corruptMiddlePage(file: string): number {
  const probe = new Database(file, { readonly: true });
  const pageSize = probe.pragma('page_size', { simple: true }) as number;
  const pageCount = probe.pragma('page_count', { simple: true }) as number;
  probe.close();
  const page = Math.floor(pageCount / 2);
  const fd = fs.openSync(file, 'r+');
  try {
    const junk = Buffer.alloc(pageSize);
    for (let i = 0; i < pageSize; i += 1) junk[i] = (i * 7919 + 13) % 251;
    fs.writeSync(fd, junk, 0, pageSize, page * pageSize);
  } finally {
    fs.closeSync(fd);
  }
  return pageCount;
}

function damagedFolders(dataDir: string): string[] {
  const root = path.join(dataDir, DAMAGED_FOLDER_NAME);
  return fs.existsSync(root) ? fs.readdirSync(root).map((name) => path.join(root, name)) : [];
}

describe('opening the data folder database', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  beforeEach(() => {
    temp = makeTempDir();
    file = path.join(temp.dir, DATABASE_FILE_NAME);
  });
  afterEach(() => temp.remove());

  /** A data folder with learner data, a good backup of it, and later work that the backup lacks. */
  async function folderWithBackup(): Promise<{ backupMadeAt: Date }> {
    const db = openDatabase(temp.dir);
    createLearner(db, 'Núria', 'ca');
    addManyLearners(db, 200, 'Before backup');
    const backup = await makeBackup(db, temp.dir, { kind: 'daily' }, {}, new Date('2026-11-26T14:02:00Z'));
    createLearner(db, 'After the backup', 'en');
    addManyLearners(db, 100, 'After backup');
    closeDatabase(db);
    return { backupMadeAt: backup.madeAt };
  }

  it('opens a sound database as it is, with no events', async () => {
    const first = openDatabase(temp.dir);
    createLearner(first, 'Jordi', 'ca');
    closeDatabase(first);
    const { db, events } = await openDataFolderDatabase(temp.dir);
    try {
      expect(events).toEqual([]);
      expect(names(db)).toEqual(['Jordi']);
    } finally {
      closeDatabase(db);
    }
  });

  it('detects a file overwritten with garbage, moves it aside and restores the newest backup', async () => {
    const { backupMadeAt } = await folderWithBackup();
    const garbage = Buffer.alloc(64 * 1024, 'this is not a database ');
    fs.writeFileSync(file, garbage);
    expect(() => openDatabase(temp.dir)).toThrow(DatabaseCorruptError);

    const { db, events } = await openDataFolderDatabase(temp.dir, {}, new Date('2026-11-27T08:00:00Z'));
    try {
      const restored = events.find((event) => event.kind === 'restored-from-backup');
      expect(restored).toMatchObject({ backup: { madeAt: backupMadeAt } });
      expect(names(db)).toContain('Núria');
      expect(names(db)).not.toContain('After the backup');
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      // The damaged file is kept, byte for byte, never deleted.
      const [damaged] = damagedFolders(temp.dir);
      expect(restored).toMatchObject({ damagedFolder: damaged });
      expect(fs.readFileSync(path.join(damaged ?? '', DATABASE_FILE_NAME))).toEqual(garbage);
      // The backup itself is still there for another time.
      expect(listBackups(temp.dir)).toHaveLength(1);
    } finally {
      closeDatabase(db);
    }
  });

  it('detects a page of junk in the middle of a database with learner data and restores the backup', async () => {
    await folderWithBackup();
    corruptMiddlePage(file);
    const { db, events } = await openDataFolderDatabase(temp.dir);
    try {
      expect(events.map((event) => event.kind)).toEqual(['restored-from-backup']);
      const restoredNames = names(db);
      expect(restoredNames).toContain('Núria');
      expect(restoredNames.filter((name) => name.startsWith('Before backup'))).toHaveLength(200);
      // Salvaged from the damaged file: all but the profiles on the damaged page (a few per page).
      const salvaged = restoredNames.filter((name) => name.startsWith('After backup')).length;
      expect(salvaged).toBeGreaterThanOrEqual(80);
      expect(salvaged).toBeLessThanOrEqual(100);
      expect((db.prepare('PRAGMA integrity_check').pluck().all() as string[])[0]).toBe('ok');
      expect(damagedFolders(temp.dir)).toHaveLength(1);
      // And the restored database takes new work.
      createLearner(db, 'Back to work', 'ca');
    } finally {
      closeDatabase(db);
    }
  });

  it('moves the -wal and -shm files aside with the damaged database', async () => {
    await folderWithBackup();
    // A crash leaves the WAL behind: keep a second connection's writes un-checkpointed.
    const writer = new Database(file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare("INSERT INTO settings (key, value) VALUES ('left', 'in the wal')").run();
    const walBytes = fs.readFileSync(`${file}-wal`);
    fs.writeFileSync(file, Buffer.alloc(8192, 0x42));
    // Closing would checkpoint into the garbage; copy the WAL back as the crash would leave it.
    writer.close();
    fs.writeFileSync(`${file}-wal`, walBytes);

    const { db } = await openDataFolderDatabase(temp.dir);
    try {
      const [damaged] = damagedFolders(temp.dir);
      expect(fs.readdirSync(damaged ?? '').sort()).toContain(`${DATABASE_FILE_NAME}-wal`);
      expect(fs.readFileSync(path.join(damaged ?? '', `${DATABASE_FILE_NAME}-wal`))).toEqual(walBytes);
      expect(names(db)).toContain('Núria');
    } finally {
      closeDatabase(db);
    }
  });

  it('treats a database emptied to 0 bytes after backups were made as damage, and restores', async () => {
    await folderWithBackup();
    fs.truncateSync(file, 0);
    for (const extra of [`${file}-wal`, `${file}-shm`]) fs.rmSync(extra, { force: true });
    const { db, events } = await openDataFolderDatabase(temp.dir);
    try {
      expect(events.map((event) => event.kind)).toEqual(['restored-from-backup']);
      expect(names(db)).toContain('Núria');
    } finally {
      closeDatabase(db);
    }
  });

  it('skips a backup that fails integrity_check and restores an older sound one', async () => {
    const db0 = openDatabase(temp.dir);
    createLearner(db0, 'Older', 'en');
    const older = await makeBackup(db0, temp.dir, { kind: 'daily' }, {}, new Date('2026-11-24T10:00:00Z'));
    createLearner(db0, 'Newer', 'en');
    const newer = await makeBackup(db0, temp.dir, { kind: 'daily' }, {}, new Date('2026-11-25T10:00:00Z'));
    closeDatabase(db0);
    fs.writeFileSync(newer.file, Buffer.alloc(4096, 0x01));
    fs.writeFileSync(file, Buffer.alloc(4096, 0x02));

    const { db, events } = await openDataFolderDatabase(temp.dir);
    try {
      expect(events.map((event) => event.kind)).toEqual(['unusable-backup-skipped', 'restored-from-backup']);
      expect(events[1]).toMatchObject({ backup: { file: older.file } });
      expect(names(db)).toEqual(['Older']);
    } finally {
      closeDatabase(db);
    }
  });

  it('with no backup, starts a fresh database with what reads back, and keeps the damaged file aside', async () => {
    const first = openDatabase(temp.dir);
    addManyLearners(first, 200, 'Lost');
    closeDatabase(first);
    corruptMiddlePage(file);
    const damagedBytes = fs.readFileSync(file);

    const { db, events } = await openDataFolderDatabase(temp.dir);
    try {
      expect(events.map((event) => event.kind)).toEqual(['started-fresh']);
      // At most the profiles on the damaged page are gone (none when it held only an index).
      expect(names(db).length).toBeGreaterThanOrEqual(180);
      expect(names(db).length).toBeLessThanOrEqual(200);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      const [damaged] = damagedFolders(temp.dir);
      expect(events[0]).toMatchObject({ damagedFolder: damaged });
      expect(fs.readFileSync(path.join(damaged ?? '', DATABASE_FILE_NAME))).toEqual(damagedBytes);
    } finally {
      closeDatabase(db);
    }
  });

  it('ignores and removes a backup interrupted before it was checked, restoring the last complete one', async () => {
    await folderWithBackup();
    const [complete] = listBackups(temp.dir);
    const leftover = path.join(backupsFolder(temp.dir), 'partial-aula-20261127T080000Z-daily.sqlite');
    fs.writeFileSync(leftover, fs.readFileSync(file).subarray(0, 8192));
    fs.writeFileSync(file, 'garbage');

    const { db, events } = await openDataFolderDatabase(temp.dir);
    try {
      expect(events.map((event) => event.kind)).toEqual(['interrupted-backups-removed', 'restored-from-backup']);
      expect(events[1]).toMatchObject({ backup: { file: complete?.file } });
      expect(fs.existsSync(leftover)).toBe(false);
      expect(names(db)).toContain('Núria');
    } finally {
      closeDatabase(db);
    }
  });

  it('backs up a database before migrations change its schema, so the upgrade can be undone', async () => {
    const legacy = new Database(file);
    legacy.pragma('journal_mode = WAL');
    migration0001Initial(legacy);
    migration0002LearnersAndAttempts(legacy);
    migration0003ExercisesAndCanvas(legacy);
    migration0004Certificates(legacy);
    legacy.pragma('user_version = 4');
    legacy
      .prepare(
        "INSERT INTO learners (id, display_name, language, created_at) VALUES ('5b0e8c1e-7a4f-4d2b-9a57-2f1c3d4e5f60', 'Jordi', 'ca', '2026-01-01T09:00:00.000Z')",
      )
      .run();
    legacy.close();

    const { db, events } = await openDataFolderDatabase(temp.dir, {}, new Date('2026-11-26T12:00:00Z'));
    try {
      expect(events).toEqual([]);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    } finally {
      closeDatabase(db);
    }
    const [backup] = listBackups(temp.dir);
    expect(backup?.reason).toEqual({ kind: 'before-migration', fromVersion: 4, toVersion: LATEST_SCHEMA_VERSION });
    expect(passesIntegrityCheck(backup?.file ?? '')).toBe(true);
    const copy = new Database(backup?.file ?? '', { readonly: true });
    try {
      expect(copy.pragma('user_version', { simple: true })).toBe(4);
      expect(copy.prepare('SELECT display_name FROM learners').pluck().all()).toEqual(['Jordi']);
    } finally {
      copy.close();
    }

    // Opening again at the latest schema makes no further pre-migration backup.
    const again = await openDataFolderDatabase(temp.dir);
    closeDatabase(again.db);
    expect(listBackups(temp.dir)).toHaveLength(1);
  });
});
