import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupsFolder,
  isDailyBackupDue,
  KEEP_DAILY_BACKUPS,
  KEEP_MIGRATION_BACKUPS,
  listBackups,
  makeBackup,
  parseBackupFileName,
  passesIntegrityCheck,
  removeInterruptedBackups,
  rotateBackups,
} from '../../../electron/db/backups.js';
import { createLearner, listLearners } from '../../../electron/db/learners.js';
import { closeDatabase, openDatabase, type Db } from '../../../electron/db/open-database.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const DAY = 24 * 60 * 60 * 1000;

describe('automatic backups', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: Db;
  beforeEach(() => {
    temp = makeTempDir();
    db = openDatabase(temp.dir);
  });
  afterEach(() => {
    closeDatabase(db);
    temp.remove();
  });

  it('names backups so that they sort by time and say why they were made', () => {
    const at = new Date('2026-11-26T14:02:05.123Z');
    expect(backupFileName(at, { kind: 'daily' })).toBe('aula-20261126T140205Z-daily.sqlite');
    const migration = backupFileName(at, { kind: 'before-migration', fromVersion: 5, toVersion: 6 });
    expect(migration).toBe('aula-20261126T140205Z-before-migration-5-to-6.sqlite');
    expect(parseBackupFileName(migration)).toEqual({
      madeAt: new Date('2026-11-26T14:02:05.000Z'),
      reason: { kind: 'before-migration', fromVersion: 5, toVersion: 6 },
    });
    expect(parseBackupFileName(`partial-${migration}`)).toBeUndefined();
    expect(parseBackupFileName('aula.sqlite')).toBeUndefined();
  });

  it('makes a self-contained backup with the learner data, which passes integrity_check, while the app has uncheckpointed WAL writes', async () => {
    createLearner(db, 'Núria', 'ca');
    // Written to the WAL only (no checkpoint): the online backup must still see it.
    expect(fs.existsSync(path.join(temp.dir, 'aula.sqlite-wal'))).toBe(true);
    const backup = await makeBackup(db, temp.dir, { kind: 'daily' });

    expect(path.dirname(backup.file)).toBe(backupsFolder(temp.dir));
    expect(fs.readdirSync(backupsFolder(temp.dir))).toEqual([path.basename(backup.file)]);
    expect(passesIntegrityCheck(backup.file)).toBe(true);
    const copy = new Database(backup.file, { readonly: true });
    try {
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.prepare('SELECT display_name FROM learners').pluck().all()).toEqual(['Núria']);
    } finally {
      copy.close();
    }
    // The live database carries on as before.
    createLearner(db, 'Pau', 'ca');
    expect(
      listLearners(db)
        .map((learner) => learner.displayName)
        .sort(),
    ).toEqual(['Núria', 'Pau']);
  });

  it('keeps the last 7 daily and the last 2 pre-migration backups, deleting older ones', async () => {
    const start = new Date('2026-01-01T10:00:00Z').getTime();
    for (let day = 0; day < 10; day += 1) await makeBackup(db, temp.dir, { kind: 'daily' }, {}, new Date(start + day * DAY));
    for (let version = 1; version <= 4; version += 1) {
      await makeBackup(
        db,
        temp.dir,
        { kind: 'before-migration', fromVersion: version, toVersion: version + 1 },
        {},
        new Date(start + version * DAY + 1000),
      );
    }
    const removed = rotateBackups(temp.dir);
    expect(removed).toHaveLength(10 - KEEP_DAILY_BACKUPS + 4 - KEEP_MIGRATION_BACKUPS);

    const kept = listBackups(temp.dir);
    const daily = kept.filter((backup) => backup.reason.kind === 'daily');
    expect(daily.map((backup) => backup.madeAt.getTime())).toEqual([9, 8, 7, 6, 5, 4, 3].map((day) => start + day * DAY));
    expect(kept.filter((backup) => backup.reason.kind === 'before-migration').map((backup) => backup.reason)).toEqual([
      { kind: 'before-migration', fromVersion: 4, toVersion: 5 },
      { kind: 'before-migration', fromVersion: 3, toVersion: 4 },
    ]);
    for (const backup of kept) expect(passesIntegrityCheck(backup.file)).toBe(true);
  });

  it('makes at most one daily backup per calendar day', async () => {
    const morning = new Date(2026, 10, 26, 9, 0);
    expect(isDailyBackupDue(temp.dir, morning)).toBe(true);
    await makeBackup(db, temp.dir, { kind: 'daily' }, {}, morning);
    expect(isDailyBackupDue(temp.dir, new Date(2026, 10, 26, 17, 30))).toBe(false);
    expect(isDailyBackupDue(temp.dir, new Date(2026, 10, 27, 8, 0))).toBe(true);
    // A pre-migration backup is not the day's backup.
    await makeBackup(db, temp.dir, { kind: 'before-migration', fromVersion: 4, toVersion: 5 }, {}, new Date(2026, 10, 27, 8, 0));
    expect(isDailyBackupDue(temp.dir, new Date(2026, 10, 27, 8, 1))).toBe(true);
  });

  it('ignores and removes what an interrupted backup left behind', async () => {
    const good = await makeBackup(db, temp.dir, { kind: 'daily' }, {}, new Date('2026-11-20T10:00:00Z'));
    // As a crash in the middle of db.backup leaves it: a temp name holding the first bytes of a copy.
    const name = `partial-${backupFileName(new Date('2026-11-26T10:00:00Z'), { kind: 'daily' })}`;
    const half = fs.readFileSync(good.file).subarray(0, 4096);
    fs.writeFileSync(path.join(backupsFolder(temp.dir), name), half);
    fs.writeFileSync(path.join(backupsFolder(temp.dir), `${name}-journal`), 'x');

    expect(listBackups(temp.dir).map((backup) => backup.file)).toEqual([good.file]);
    expect(removeInterruptedBackups(temp.dir).sort()).toEqual([name, `${name}-journal`]);
    expect(fs.readdirSync(backupsFolder(temp.dir))).toEqual([path.basename(good.file)]);
  });

  it('does not keep a backup when the copy cannot be written, and leaves nothing that looks like one', async () => {
    // The backups folder cannot be created: a file is in its place.
    fs.writeFileSync(backupsFolder(temp.dir), 'not a folder');
    await expect(makeBackup(db, temp.dir, { kind: 'daily' })).rejects.toThrow();
    expect(fs.readFileSync(backupsFolder(temp.dir), 'utf8')).toBe('not a folder');
  });

  it('judges damaged files as failing the integrity check', async () => {
    const backup = await makeBackup(db, temp.dir, { kind: 'daily' });
    fs.writeFileSync(backup.file, Buffer.alloc(8192, 0x5a));
    expect(passesIntegrityCheck(backup.file)).toBe(false);
    expect(passesIntegrityCheck(path.join(temp.dir, 'missing.sqlite'))).toBe(false);
  });
});
