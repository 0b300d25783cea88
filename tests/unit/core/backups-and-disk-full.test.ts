import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../electron/contract/channels.js';
import { DISK_FULL_MESSAGE } from '../../../electron/core/disk-full.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { backupsFolder, listBackups, makeBackup, passesIntegrityCheck } from '../../../electron/db/backups.js';
import { createLearner } from '../../../electron/db/learners.js';
import { closeDatabase, DATABASE_FILE_NAME, openDatabase } from '../../../electron/db/open-database.js';
import { call, ok } from '../../helpers/typed-core.js';
import { makeTempDir, sampleOnlyCourseRoot } from '../../helpers/temp-dir.js';

describe('backups, restore and full disk in the running core', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore | undefined;
  let logged: string[];
  const start = async () => {
    logged = [];
    core = await startCore({
      dataDir: temp.dir,
      courseRoots: [sampleOnlyCourseRoot(temp.dir)],
      appVersion: '0.0.0-test',
      log: (message) => logged.push(message),
      firstBackupDelayMs: false,
    });
    return core;
  };
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => {
    core?.close();
    core = undefined;
    temp.remove();
  });

  it('makes the daily backup once per day after start, and it passes the integrity check', async () => {
    const running = await start();
    const backup = await running.backups.runNow();
    expect(backup?.reason).toEqual({ kind: 'daily' });
    expect(passesIntegrityCheck(backup?.file ?? '')).toBe(true);
    expect(await running.backups.runNow()).toBeUndefined();
    expect(listBackups(temp.dir)).toHaveLength(1);
    expect(logged.some((line) => line.includes('automatic backup made'))).toBe(true);
  });

  it('closing Aula in the middle of a backup leaves no half backup and reports no failure', async () => {
    const running = await start();
    running.db.transaction(() => {
      for (let i = 0; i < 8000; i += 1) createLearner(running.db, `Learner ${i} ${'y'.repeat(200)}`, 'en');
    })();
    const pending = running.backups.runNow();
    // db.backup copies 100 pages per turn of the event loop: close once the copy has begun.
    const copying = () =>
      fs.existsSync(backupsFolder(temp.dir)) &&
      fs.readdirSync(backupsFolder(temp.dir)).some((name) => name.startsWith('partial-'));
    for (let turn = 0; turn < 10_000 && !copying(); turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(copying()).toBe(true);
    running.close();
    core = undefined;
    expect(await pending).toBeUndefined();
    // No half backup: only the one a clean stop makes of what changed, complete and sound.
    const left = fs.existsSync(backupsFolder(temp.dir)) ? fs.readdirSync(backupsFolder(temp.dir)) : [];
    expect(left).toEqual([expect.stringMatching(/^aula-\d{8}T\d{6}Z-recent\.sqlite$/)]);
    expect(passesIntegrityCheck(path.join(backupsFolder(temp.dir), left[0] ?? ''))).toBe(true);
    expect(logged.some((line) => line.includes('backup failed'))).toBe(false);
  });

  it('restores a damaged database at start and tells the person once through app.info', async () => {
    const db = openDatabase(temp.dir);
    createLearner(db, 'Montse', 'ca');
    await makeBackup(db, temp.dir, { kind: 'daily' }, {}, new Date('2026-11-26T14:02:00Z'));
    closeDatabase(db);
    fs.writeFileSync(path.join(temp.dir, DATABASE_FILE_NAME), 'SQLite format 3\0 but garbage after it'.repeat(200));

    const running = await start();
    const learners = await ok(running, 'learners.list', {});
    expect(learners.map((learner) => learner.displayName)).toContain('Montse');

    const info = await ok(running, 'app.info', {});
    expect(info.notices).toHaveLength(1);
    const [notice] = info.notices;
    expect(notice).toMatchObject({ kind: 'restored-from-backup', backupMadeAt: '2026-11-26T14:02:00.000Z' });
    const damagedFolder = notice?.kind === 'restored-from-backup' ? notice.damagedFolder : '';
    expect(fs.existsSync(path.join(damagedFolder, DATABASE_FILE_NAME))).toBe(true);
    // What the start script prints: the same news, in words, with the folder of the damaged file.
    const printed = logged.find((line) => line.includes('restored the automatic backup'));
    expect(printed).toContain('26 Nov 2026');
    expect(printed).toContain('may be missing');
    expect(printed).toContain(damagedFolder);

    expect(await ok(running, 'app.dismissNotice', { id: notice!.id })).toEqual({ dismissed: true });
    expect((await ok(running, 'app.info', {})).notices).toEqual([]);
    expect(await ok(running, 'app.dismissNotice', { id: notice!.id })).toEqual({ dismissed: false });
  });

  it('says so when no backup could be used and Aula started with an empty database', async () => {
    fs.writeFileSync(path.join(temp.dir, DATABASE_FILE_NAME), Buffer.alloc(16384, 0xab));
    const running = await start();
    const info = await ok(running, 'app.info', {});
    expect(info.notices.map((notice) => notice.kind)).toEqual(['started-fresh']);
    expect(logged.some((line) => line.includes('no usable backup'))).toBe(true);
  });

  it('starts and reports it when the automatic backup cannot be made', async () => {
    // The backups folder cannot be made: a file stands in its place.
    fs.writeFileSync(backupsFolder(temp.dir), 'in the way');
    const running = await start();
    expect(await running.backups.runNow()).toBeUndefined();
    const info = await ok(running, 'app.info', {});
    expect(info.notices).toEqual([{ id: expect.any(String), kind: 'backup-failed', diskFull: false }]);
    // The app works on.
    await ok(running, 'learners.create', { displayName: 'Still working', language: 'en' });
  });

  it('ends a write on a full database with disk-full, saves nothing, keeps earlier data and keeps working', async () => {
    const running = await start();
    const before = await ok(running, 'learners.create', { displayName: 'Saved before', language: 'ca' });
    // SQLite's own limit on the file's size makes its real SQLITE_FULL path run, as a full disk would.
    const pages = running.db.pragma('page_count', { simple: true }) as number;
    running.db.pragma(`max_page_count = ${pages}`);

    let refused: ApiError | undefined;
    let created = 0;
    for (let i = 0; i < 2000 && !refused; i += 1) {
      const response = await call(running, 'learners.create', {
        displayName: `Learner ${String(i).padStart(4, '0')} with a long name`,
        language: 'en',
      });
      if (response.ok) created += 1;
      else refused = response.error;
    }
    expect(refused).toEqual({ code: 'disk-full', message: DISK_FULL_MESSAGE, reason: 'data.disk-full' });
    expect(refused?.message).toMatch(/disk .* is full, so nothing was saved/);

    const names = (await ok(running, 'learners.list', {})).map((learner) => learner.displayName);
    expect(names).toContain(before.displayName);
    expect(names).toHaveLength(created + 1); // "Saved before", and those that fitted
    expect(names).not.toContain(`Learner ${String(created).padStart(4, '0')} with a long name`);
    expect((running.db.prepare('PRAGMA integrity_check').pluck().all() as string[])[0]).toBe('ok');

    // Space freed: the same call now works.
    running.db.pragma('max_page_count = 1073741823');
    await ok(running, 'learners.create', { displayName: 'After space was freed', language: 'en' });
  });

  it('turns ENOSPC from a file write into disk-full through the one door every channel passes', async () => {
    const running = await start();
    // /dev/full answers every write with a real ENOSPC.
    const handlers = {
      ...running.handlers,
      'settings.setLanguage': () => {
        fs.writeFileSync('/dev/full', 'a certificate file');
        return { language: 'en' as const };
      },
    };
    const response = await call({ handlers }, 'settings.setLanguage', { language: 'en' });
    expect(response).toEqual({ ok: false, error: { code: 'disk-full', message: DISK_FULL_MESSAGE, reason: 'data.disk-full' } });
  });
});
