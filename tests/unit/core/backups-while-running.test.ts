import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StartupNotice } from '../../../electron/contract/channels.js';
import { startAutomaticBackups } from '../../../electron/core/automatic-backups.js';
import { LAST_WRITE_FILE_NAME } from '../../../electron/core/last-write-marker.js';
import { startCore } from '../../../electron/core/start-core.js';
import { noticeText } from '../../../electron/core/startup-notices.js';
import { listBackups, makeBackup, rotateBackups, KEEP_RECENT_BACKUPS } from '../../../electron/db/backups.js';
import { createLearner } from '../../../electron/db/learners.js';
import { closeDatabase, DATABASE_FILE_NAME, openDatabase, type Db } from '../../../electron/db/open-database.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { ok } from '../../helpers/typed-core.js';

const learnersIn = (file: string) => {
  const copy = new Database(file, { readonly: true });
  try {
    return copy.prepare('SELECT display_name FROM learners ORDER BY display_name').pluck().all();
  } finally {
    copy.close();
  }
};

function addAttempt(db: Db, learnerId: string, at: string): void {
  db.prepare(
    `INSERT INTO quiz_attempts (id, learner_id, course_id, course_version, quiz_id, started_at) VALUES (?, ?, 'c', '1', 'q', ?)`,
  ).run(crypto.randomUUID(), learnerId, at);
}

describe('backups while Aula runs', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('backs up when something changed since the last backup (not otherwise), and at a clean stop', async () => {
    const db = openDatabase(temp.dir);
    let clock = new Date(2026, 11, 7, 9, 0);
    const backups = startAutomaticBackups({
      db,
      dataDir: temp.dir,
      log: () => {},
      onFailure: (error) => {
        throw error;
      },
      firstDelayMs: false,
      now: () => clock,
    });
    try {
      expect((await backups.runNow())?.reason).toEqual({ kind: 'daily' });
      clock = new Date(2026, 11, 7, 9, 10);
      expect(await backups.runNow()).toBeUndefined(); // nothing changed
      createLearner(db, 'Ieva', 'en');
      const recent = await backups.runNow();
      expect(recent?.reason).toEqual({ kind: 'recent' });
      expect(learnersIn(recent!.file)).toEqual(['Ieva']);
      clock = new Date(2026, 11, 7, 9, 20);
      expect(await backups.runNow()).toBeUndefined();

      createLearner(db, 'Jonas', 'en');
      clock = new Date(2026, 11, 7, 9, 24);
    } finally {
      backups.stop();
    }
    // The clean stop backed up what changed after the last backup, synchronously.
    const newest = listBackups(temp.dir)[0]!;
    expect(newest.reason).toEqual({ kind: 'recent' });
    expect(newest.madeAt).toEqual(new Date(2026, 11, 7, 9, 24));
    expect(learnersIn(newest.file)).toEqual(['Ieva', 'Jonas']);
    expect(listBackups(temp.dir)).toHaveLength(3);
    closeDatabase(db);
  });

  it('keeps the newest recent backups and the daily ones within a size budget, oldest recent first', async () => {
    const db = openDatabase(temp.dir);
    try {
      createLearner(db, 'Ieva', 'en');
      const start = new Date('2026-12-01T09:00:00Z').getTime();
      for (let day = 0; day < 3; day += 1)
        await makeBackup(db, temp.dir, { kind: 'daily' }, {}, new Date(start + day * 86_400_000));
      for (let n = 0; n < KEEP_RECENT_BACKUPS + 3; n += 1) {
        await makeBackup(db, temp.dir, { kind: 'recent' }, {}, new Date(start + 3 * 86_400_000 + n * 600_000));
      }
      rotateBackups(temp.dir);
      expect(listBackups(temp.dir).filter((backup) => backup.reason.kind === 'recent')).toHaveLength(KEEP_RECENT_BACKUPS);

      const size = fs.statSync(listBackups(temp.dir)[0]!.file).size;
      // Room for five backups: the two oldest daily ones stay only if recent ones go first.
      rotateBackups(temp.dir, size * 5);
      const kept = listBackups(temp.dir);
      expect(kept).toHaveLength(5);
      expect(kept.filter((backup) => backup.reason.kind === 'daily')).toHaveLength(3);
      expect(kept[0]!.madeAt).toEqual(new Date(start + 3 * 86_400_000 + (KEEP_RECENT_BACKUPS + 2) * 600_000));
      // However small the budget, the newest backup stays.
      rotateBackups(temp.dir, 1);
      expect(listBackups(temp.dir).map((backup) => backup.file)).toEqual([kept[0]!.file]);
    } finally {
      closeDatabase(db);
    }
  });

  it('says at the next start that progress may be missing when the database is older than the last acknowledged write (a deleted -wal)', async () => {
    const core = await startCore({ dataDir: temp.dir, courseRoots: [], appVersion: 'test', firstBackupDelayMs: false });
    const learner = createLearner(core.db, 'Ieva', 'en');
    addAttempt(core.db, learner.id, '2026-12-07T09:00:00.000Z');
    // Everything up to here reaches the main file; what follows stays in the WAL.
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    core.db.pragma('wal_autocheckpoint = 0');
    addAttempt(core.db, learner.id, '2026-12-07T09:30:00.000Z');
    addAttempt(core.db, learner.id, '2026-12-07T09:31:00.000Z');
    await ok(core, 'app.info', {});
    // As after a crash in which the -wal was then deleted: the main file and the marker beside it.
    const crashed = path.join(temp.dir, 'crashed');
    fs.mkdirSync(crashed);
    fs.copyFileSync(path.join(temp.dir, DATABASE_FILE_NAME), path.join(crashed, DATABASE_FILE_NAME));
    // Closing records the last write at once (while running, it follows each call within a second).
    core.close();
    expect(JSON.parse(fs.readFileSync(path.join(temp.dir, LAST_WRITE_FILE_NAME), 'utf8'))).toMatchObject({
      counts: { quiz_attempts: 3 },
    });
    fs.copyFileSync(path.join(temp.dir, LAST_WRITE_FILE_NAME), path.join(crashed, LAST_WRITE_FILE_NAME));

    const reopened = await startCore({ dataDir: crashed, courseRoots: [], appVersion: 'test', firstBackupDelayMs: false });
    try {
      const notices: StartupNotice[] = reopened.notices.list();
      expect(notices).toHaveLength(1);
      const notice = notices[0]!;
      expect(notice).toMatchObject({ kind: 'older-than-last-write', databaseNewestAt: '2026-12-07T09:00:00.000Z' });
      expect(noticeText(notice)).toContain('Progress saved after 7 Dec 2026');
    } finally {
      reopened.close();
    }
    // Once said, the marker follows the database: the next start says nothing.
    const again = await startCore({ dataDir: crashed, courseRoots: [], appVersion: 'test', firstBackupDelayMs: false });
    try {
      expect(again.notices.list()).toEqual([]);
    } finally {
      again.close();
    }
  });
});
