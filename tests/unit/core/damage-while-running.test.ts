import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../../electron/contract/channels.js';
import { DAMAGED_DATABASE_MESSAGE } from '../../../electron/core/dispatch.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { DATABASE_FILE_NAME } from '../../../electron/db/open-database.js';
import { call } from '../../helpers/typed-core.js';
import { makeTempDir, sampleOnlyCourseRoot } from '../../helpers/temp-dir.js';

describe('a database damaged while Aula runs', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore | undefined;
  const start = () =>
    startCore({
      dataDir: temp.dir,
      courseRoots: [sampleOnlyCourseRoot(temp.dir)],
      appVersion: '0.0.0-test',
      firstBackupDelayMs: false,
    });

  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => {
    core?.close();
    temp.remove();
  });

  it('ends the call with a message that says to restart, and the restart restores the backup', async () => {
    core = await start();
    for (let i = 0; i < 300; i += 1) {
      const created = await call(core, 'learners.create', {
        displayName: `Learner ${i} Lindqvist-Ødegård Puig i Ferrà`,
        language: 'en',
      });
      expect(created.ok).toBe(true);
    }
    await core.backups.runNow();
    // Everything into the main file, and no page kept in memory: the next read comes from the disk.
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    core.db.pragma('cache_size = 1');
    const file = path.join(temp.dir, DATABASE_FILE_NAME);
    const pageSize = core.db.pragma('page_size', { simple: true }) as number;
    const pages = fs.statSync(file).size / pageSize;
    const handle = fs.openSync(file, 'r+');
    // Junk over every page but the first (the header): whatever the next read touches is damaged.
    for (let page = 1; page < pages; page += 1) fs.writeSync(handle, Buffer.alloc(pageSize, 0x5a), 0, pageSize, page * pageSize);
    fs.closeSync(handle);

    const response: ApiResponse<unknown> = await call(core, 'learners.list', {});
    expect(response).toEqual({
      ok: false,
      error: { code: 'internal', message: DAMAGED_DATABASE_MESSAGE, reason: 'data.damaged' },
    });
    core.close();

    core = await start();
    const learners = await call(core, 'learners.list', {});
    expect(learners.ok && learners.result.length).toBe(300);
  });
});
