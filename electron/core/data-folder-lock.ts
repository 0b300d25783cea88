/**
 * Only one Aula opens a data folder at a time. Two processes on one folder both wrote to the
 * database, and the second one's start emptied the first one's pending pack uploads; so the
 * lock is taken before anything in the data folder is read or changed, and released on close.
 *
 * The lock is the file `aula.lock`, created exclusively (`wx`, so of two starts only one can make
 * it) and holding the holder's process id, start time and, in browser mode, its address with the
 * per-launch secret, which is why only the user may read it (mode 0600). A lock whose process is
 * gone (killed, crashed, or from before the PC restarted) does not block: the next start finds
 * it stale and takes it over.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE_NAME = 'aula.lock';

/** Who holds a data folder: the app (either shell) or `npm run course -- install`. */
export type LockHolderKind = 'app' | 'course-install';

export interface LockHolder {
  kind: LockHolderKind;
  pid: number;
  /** ISO time the holder took the lock. */
  startedAt: string;
  /** When the PC started, as the holder saw it: a lock from before a restart is stale even if its pid is reused. */
  bootedAt: number;
  /** Browser mode's launch address with its secret, once the server listens. */
  url?: string;
  /** Tells this holder's file from a later one, so a release never removes another's lock. */
  token: string;
}

export interface DataFolderLock {
  readonly file: string;
  /** Records browser mode's address, so a second start can send the person to it. */
  setUrl(url: string): void;
  /** Removes the lock if it is still this one's; safe to call twice. */
  release(): void;
}

/** The data folder is in use by another process; `holder` says by whom. */
export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(describeHolder(dataDir, holder));
    this.name = 'DataFolderInUseError';
  }
}

function describeHolder(dataDir: string, holder: LockHolder): string {
  if (holder.kind === 'course-install') {
    return `A course is being installed into the data folder ${dataDir} (process ${holder.pid}); try again when it has finished.`;
  }
  return holder.url
    ? `Aula is already open with this data folder: ${holder.url}`
    : `Aula is already open with this data folder (${dataDir}${holder.pid ? `, process ${holder.pid}` : ''}); use its window, or close it first.`;
}

// Two readings of the boot time differ by rounding and clock adjustments; a restart moves it by far more.
const BOOT_TIME_TOLERANCE_MS = 120_000;
// A lock file with no readable content yet is a start caught between creating and writing it.
const UNWRITTEN_LOCK_GRACE_MS = 10_000;

function bootTime(): number {
  return Date.now() - os.uptime() * 1000;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.token !== 'string' || typeof value.bootedAt !== 'number') return null;
    return {
      kind: value.kind === 'course-install' ? 'course-install' : 'app',
      pid: value.pid,
      startedAt: String(value.startedAt ?? ''),
      bootedAt: value.bootedAt,
      url: typeof value.url === 'string' ? value.url : undefined,
      token: value.token,
    };
  } catch {
    return null;
  }
}

type LockState = { state: 'free' } | { state: 'held'; holder: LockHolder } | { state: 'stale'; text: string };

function inspectLock(file: string): LockState {
  let text: string;
  let modifiedMs: number;
  try {
    text = fs.readFileSync(file, 'utf8');
    modifiedMs = fs.statSync(file).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'free' };
    throw error;
  }
  const holder = parseHolder(text);
  if (!holder) {
    if (Date.now() - modifiedMs < UNWRITTEN_LOCK_GRACE_MS) {
      return { state: 'held', holder: { kind: 'app', pid: 0, startedAt: '', bootedAt: 0, token: '' } };
    }
    return { state: 'stale', text };
  }
  const sameBoot = Math.abs(holder.bootedAt - bootTime()) < BOOT_TIME_TOLERANCE_MS;
  if (sameBoot && processIsAlive(holder.pid)) return { state: 'held', holder };
  return { state: 'stale', text };
}

/** The live holder of a data folder's lock, if any (without taking it). */
export function readDataFolderLock(dataDir: string): LockHolder | null {
  const found = inspectLock(path.join(dataDir, LOCK_FILE_NAME));
  return found.state === 'held' ? found.holder : null;
}

function writeReplacing(file: string, content: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, content, { mode: 0o600 });
  fs.renameSync(temp, file);
}

/**
 * Takes the data folder for this process, or throws DataFolderInUseError naming who has it.
 * Creates the folder itself if needed, and nothing else in it.
 */
export function acquireDataFolderLock(dataDir: string, kind: LockHolderKind = 'app'): DataFolderLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const holder: LockHolder = {
    kind,
    pid: process.pid,
    startedAt: new Date().toISOString(),
    bootedAt: bootTime(),
    token: randomBytes(12).toString('hex'),
  };
  for (let attempt = 0; ; attempt += 1) {
    try {
      // Written, not fsync'd: the lock only speaks for this boot, in which every process reads the
      // same page cache; after a power cut it is stale whatever its content (another boot time, or
      // unreadable and older than the grace period). The fsync cost up to a quarter of a second of
      // every start on a busy disk.
      const fd = fs.openSync(file, 'wx', 0o600);
      try {
        fs.writeSync(fd, JSON.stringify(holder));
      } finally {
        fs.closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const found = inspectLock(file);
    if (found.state === 'held') throw new DataFolderInUseError(dataDir, found.holder);
    if (found.state === 'stale' && attempt < 3) {
      // Remove the stale lock only if it is still the one judged stale (another start may have
      // replaced it meanwhile), then try to create ours again.
      try {
        if (fs.readFileSync(file, 'utf8') === found.text) fs.rmSync(file, { force: true });
      } catch {
        // Gone already: someone else removed it.
      }
    } else if (attempt >= 3) {
      throw new Error(`Could not take the lock ${file}: it keeps changing. Is another Aula starting with this data folder?`);
    }
  }

  let released = false;
  const isStillOurs = () => parseHolder(fs.readFileSync(file, 'utf8'))?.token === holder.token;
  return {
    file,
    setUrl(url: string) {
      holder.url = url;
      if (!released && isStillOurs()) writeReplacing(file, JSON.stringify(holder));
    },
    release() {
      if (released) return;
      released = true;
      try {
        if (isStillOurs()) fs.rmSync(file, { force: true });
      } catch {
        // Already gone (the folder was removed, say): nothing to release.
      }
    },
  };
}
