/**
 * Backups while Aula runs, so that damage costs minutes of work, not a day: the daily backup
 * shortly after start (once the first screen can be served, so the start is not slowed), then a
 * recent backup every 10 minutes when something changed since the last one, and one at a clean
 * stop. Rotation keeps the recent ones and the daily ones within a size budget (backups.ts).
 */
import { isDailyBackupDue, makeBackup, makeBackupNow, rotateBackups, type BackupFile, type BackupReason } from '../db/backups.js';
import type { Db, OpenDatabaseOptions } from '../db/open-database.js';

export const FIRST_BACKUP_DELAY_MS = 3_000;
export const BACKUP_EVERY_MS = 10 * 60 * 1000;

export interface AutomaticBackupOptions extends OpenDatabaseOptions {
  db: Db;
  dataDir: string;
  /** Called when a backup could not be made (it never stops the app). */
  onFailure: (error: unknown) => void;
  log: (message: string) => void;
  /** Milliseconds before the first check; `false` leaves every check to `runNow` (tests). */
  firstDelayMs?: number | false;
  /** Whether `stop` backs up what changed since the last backup (a clean stop); true unless said. */
  backupAtStop?: boolean;
  now?: () => Date;
}

export interface AutomaticBackups {
  /**
   * Makes the daily backup if one is due, else a recent one if something changed since the last
   * backup; resolves to it, or to undefined when none was due or it failed.
   */
  runNow(): Promise<BackupFile | undefined>;
  /** Stops the timers; at a clean stop, first backs up what changed since the last backup. */
  stop(): void;
}

export function startAutomaticBackups(options: AutomaticBackupOptions): AutomaticBackups {
  const now = options.now ?? (() => new Date());
  let running: Promise<BackupFile | undefined> | undefined;
  let stopped = false;
  const timers: NodeJS.Timeout[] = [];
  // This connection is the only writer: its change counter says whether anything changed.
  const changes = () => options.db.prepare('SELECT total_changes()').pluck().get() as number;
  let changesAtLastBackup = changes();

  const backUpIfDue = async (): Promise<BackupFile | undefined> => {
    const at = now();
    if (stopped) return undefined;
    const changesNow = changes();
    const reason: BackupReason | null = isDailyBackupDue(options.dataDir, at)
      ? { kind: 'daily' }
      : changesNow !== changesAtLastBackup
        ? { kind: 'recent' }
        : null;
    if (!reason) return undefined;
    try {
      const backup = await makeBackup(options.db, options.dataDir, reason, options, at);
      changesAtLastBackup = changesNow;
      rotateBackups(options.dataDir);
      options.log(`Aula: automatic backup made: ${backup.file}`);
      return backup;
    } catch (error) {
      // Closing Aula during a backup interrupts it; that is not a failure worth telling anyone.
      if (!stopped) options.onFailure(error);
      return undefined;
    }
  };

  const runNow = () => {
    running ??= backUpIfDue().finally(() => {
      running = undefined;
    });
    return running;
  };

  if (options.firstDelayMs !== false) {
    // unref: a pending check never keeps the process alive.
    timers.push(setTimeout(() => void runNow(), options.firstDelayMs ?? FIRST_BACKUP_DELAY_MS).unref());
    timers.push(setInterval(() => void runNow(), BACKUP_EVERY_MS).unref());
  }
  return {
    runNow,
    stop() {
      if (stopped) return;
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      if (options.backupAtStop === false || !options.db.open || changes() === changesAtLastBackup) return;
      try {
        const backup = makeBackupNow(options.db, options.dataDir, { kind: 'recent' }, options, now());
        rotateBackups(options.dataDir);
        options.log(`Aula: backup at stop made: ${backup.file}`);
      } catch (error) {
        // Stopping goes on: the work itself is in the database.
        options.log(`Aula: the backup at stop failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
