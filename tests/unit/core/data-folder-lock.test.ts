import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acquireDataFolderLock,
  DataFolderInUseError,
  LOCK_FILE_NAME,
  readDataFolderLock,
  type LockHolder,
} from '../../../electron/core/data-folder-lock.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

function refusal(dataDir: string): DataFolderInUseError {
  try {
    acquireDataFolderLock(dataDir).release();
  } catch (error) {
    if (error instanceof DataFolderInUseError) return error;
    throw error;
  }
  throw new Error('the second lock was granted');
}

/** The id of a process that has already ended. */
function endedProcessId(): number {
  const run = spawnSync(process.execPath, ['-e', '']);
  if (run.pid === undefined) throw new Error('could not start a process');
  return run.pid;
}

describe('one Aula per data folder: the lock', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let lockFile: string;
  const writeLock = (holder: Partial<LockHolder>) => fs.writeFileSync(lockFile, JSON.stringify(holder), { mode: 0o600 });

  beforeEach(() => {
    temp = makeTempDir();
    lockFile = path.join(temp.dir, LOCK_FILE_NAME);
  });
  afterEach(() => temp.remove());

  it('is refused to a second holder, naming the first and its address, until released', () => {
    const first = acquireDataFolderLock(temp.dir);
    expect(fs.statSync(lockFile).mode & 0o777).toBe(0o600);
    expect(refusal(temp.dir).holder).toMatchObject({ kind: 'app', pid: process.pid });

    first.setUrl('http://127.0.0.1:4321/?secret=abc');
    const refused = refusal(temp.dir);
    expect(refused.message).toBe('Aula is already open with this data folder: http://127.0.0.1:4321/?secret=abc');
    expect(readDataFolderLock(temp.dir)?.url).toBe('http://127.0.0.1:4321/?secret=abc');
    expect(fs.statSync(lockFile).mode & 0o777).toBe(0o600);

    first.release();
    expect(fs.existsSync(lockFile)).toBe(false);
    expect(readDataFolderLock(temp.dir)).toBeNull();
    acquireDataFolderLock(temp.dir).release();
  });

  it('says a course install holds the folder', () => {
    const install = acquireDataFolderLock(temp.dir, 'course-install');
    try {
      expect(refusal(temp.dir).message).toMatch(
        /^A course is being installed into the data folder .* try again when it has finished\.$/,
      );
    } finally {
      install.release();
    }
  });

  it('takes over a lock whose process has ended', () => {
    const pid = endedProcessId();
    writeLock({ kind: 'app', pid, startedAt: new Date().toISOString(), bootedAt: readBootTime(), token: 'gone' });
    // A process that ended is not a holder...
    expect(readDataFolderLock(temp.dir)).toBeNull();
    // ...but the same file naming a live process is.
    writeLock({ kind: 'app', pid: process.pid, startedAt: '', bootedAt: readBootTime(), token: 'alive' });
    expect(readDataFolderLock(temp.dir)?.token).toBe('alive');

    writeLock({ kind: 'app', pid, startedAt: new Date().toISOString(), bootedAt: readBootTime(), token: 'gone' });
    const lock = acquireDataFolderLock(temp.dir);
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('takes over a lock from before the PC restarted, even if its process id is in use again', () => {
    writeLock({
      kind: 'app',
      pid: process.pid,
      startedAt: '2026-01-01T00:00:00Z',
      bootedAt: readBootTime() - 86_400_000,
      token: 'old',
    });
    const lock = acquireDataFolderLock(temp.dir);
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8'))).not.toMatchObject({ token: 'old' });
    lock.release();
  });

  it('never removes a lock that another start has taken over', () => {
    const lock = acquireDataFolderLock(temp.dir);
    const other: LockHolder = { kind: 'app', pid: process.pid, startedAt: '', bootedAt: readBootTime(), token: 'someone-else' };
    writeLock(other);
    lock.release();
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8'))).toEqual(other);
  });
});

/** The boot time the lock records, read the same way (uptime), for lock files written by hand. */
function readBootTime(): number {
  const holder = (() => {
    const dir = makeTempDir();
    try {
      const lock = acquireDataFolderLock(dir.dir);
      const value = JSON.parse(fs.readFileSync(lock.file, 'utf8')) as LockHolder;
      lock.release();
      return value;
    } finally {
      dir.remove();
    }
  })();
  return holder.bootedAt;
}
