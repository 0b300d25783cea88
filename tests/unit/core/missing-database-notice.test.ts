import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { backupsFolder, listBackups } from '../../../electron/db/backups.js';
import { DATABASE_FILE_NAME } from '../../../electron/db/open-database.js';
import { ok } from '../../helpers/typed-core.js';
import { makeTempDir, sampleOnlyCourseRoot } from '../../helpers/temp-dir.js';

describe('a data folder whose database is gone but whose backups are not', () => {
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
  const notices = async (running: RunningCore) => (await ok(running, 'app.info', {})).notices;

  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => {
    core?.close();
    temp.remove();
  });

  it('starts empty, restores nothing on its own, and says where the backups are', async () => {
    const first = await start();
    await ok(first, 'learners.create', { displayName: 'Ørjan Ødegård', language: 'en' });
    await first.backups.runNow();
    first.close();
    const [backup] = listBackups(temp.dir);
    expect(backup).toBeDefined();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(temp.dir, `${DATABASE_FILE_NAME}${suffix}`), { force: true });

    const second = await start();
    expect(await ok(second, 'learners.list', {})).toEqual([]);
    expect(await notices(second)).toEqual([
      {
        id: expect.any(String) as string,
        kind: 'missing-with-backups',
        backupMadeAt: backup!.madeAt.toISOString(),
        backupsFolder: backupsFolder(temp.dir),
      },
    ]);
    expect(logged.join('\n')).toContain(backupsFolder(temp.dir));
  });

  it('says nothing on a new data folder, which has no backups', async () => {
    const running = await start();
    expect(await notices(running)).toEqual([]);
  });
});
