import { ApiFailure } from './api-failure.js';

/**
 * A write that failed because the disk (or the user's quota) is full: SQLite reports
 * SQLITE_FULL (better-sqlite3's `code`), Node's file functions ENOSPC (or EDQUOT for a quota).
 */
export function isDiskFullError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

export const DISK_FULL_MESSAGE =
  'The disk of this computer is full, so nothing was saved. Your earlier work is safe. ' +
  'Free some space (for example, empty the Recycle Bin or delete large files you no longer need), then try again.';

export function diskFullFailure(): ApiFailure {
  return new ApiFailure('disk-full', DISK_FULL_MESSAGE, { reason: 'data.disk-full' });
}
