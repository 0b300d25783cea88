/**
 * The daily backup while Aula runs: checked shortly after start (once the first screen can be
 * served, so the start is not slowed) and then every hour, for PCs that stay on for days.
 */
import { isDailyBackupDue, makeBackup, rotateBackups, type BackupFile } from '../db/backups.js';
import type { Db, OpenDatabaseOptions } from '../db/open-database.js';

export const FIRST_BACKUP_DELAY_MS = 3_000;
const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface AutomaticBackupOptions extends OpenDatabaseOptions {
  db: Db;
  dataDir: string;
  /** Called when a backup could not be made (it never stops the app). */
  onFailure: (error: unknown) => void;
  log: (message: string) => void;
  /** Milliseconds before the first check; `false` leaves every check to `runNow` (tests). */
  firstDelayMs?: number | false;
  now?: () => Date;
}

export interface AutomaticBackups {
  /** Makes the daily backup if one is due; resolves to it, or to undefined when none was due or it failed. */
  runNow(): Promise<BackupFile | undefined>;
  stop(): void;
}

export function startAutomaticBackups(options: AutomaticBackupOptions): AutomaticBackups {
  const now = options.now ?? (() => new Date());
  let running: Promise<BackupFile | undefined> | undefined;
  let stopped = false;
  const timers: NodeJS.Timeout[] = [];

  const backUpIfDue = async (): Promise<BackupFile | undefined> => {
    const at = now();
    if (stopped || !isDailyBackupDue(options.dataDir, at)) return undefined;
    try {
      const backup = await makeBackup(options.db, options.dataDir, { kind: 'daily' }, options, at);
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
    timers.push(setInterval(() => void runNow(), CHECK_EVERY_MS).unref());
  }
  return {
    runNow,
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
    },
  };
}
