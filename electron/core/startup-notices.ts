/**
 * What the person must know about this start of Aula (a database restored from a backup, a
 * backup that could not be made). Kept in memory for this launch: the renderer shows each
 * notice on the first screen until the person dismisses it, and the log gets it in English.
 */
import { randomUUID } from 'node:crypto';
import type { RecoveredWork, StartupNotice } from '../contract/channels.js';
import type { DatabaseOpeningEvent } from '../db/database-recovery.js';
import type { SalvageResult } from '../db/salvage.js';
import { isDiskFullError } from './disk-full.js';

type NewNotice = StartupNotice extends infer N ? (N extends StartupNotice ? Omit<N, 'id'> : never) : never;

function formatTime(iso: string): string {
  // "26 Nov 2026, 14:02": unambiguous for a person reading a log in any country.
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

function recoveredWork(salvage: SalvageResult | null): RecoveredWork | undefined {
  if (!salvage) return undefined;
  const counts = salvage.recovered;
  const work: RecoveredWork = {
    answers: counts.quiz_answers,
    attempts: counts.quiz_attempts,
    lessons: counts.lesson_progress,
    exercises: counts.exercise_submissions,
    canvases: counts.canvas_revisions,
    certificates: counts.certificates,
    profiles: counts.learners,
    newestAt: salvage.newestRecoveredAt,
  };
  return Object.values(counts).some((count) => count > 0) ? work : undefined;
}

/** "312 answers, 40 quiz attempts and 3 lessons' progress", leaving out what is zero. */
export function recoveredSummary(work: RecoveredWork): string {
  const parts = [
    [work.answers, 'answer', 'answers'],
    [work.attempts, 'quiz attempt', 'quiz attempts'],
    [work.lessons, "lesson's progress", "lessons' progress"],
    [work.exercises, 'exercise submission', 'exercise submissions'],
    [work.canvases, 'canvas revision', 'canvas revisions'],
    [work.certificates, 'certificate', 'certificates'],
    [work.profiles, 'profile', 'profiles'],
  ] as const;
  const said = parts.filter(([count]) => count > 0).map(([count, one, many]) => `${count} ${count === 1 ? one : many}`);
  return said.length <= 1 ? (said[0] ?? '') : `${said.slice(0, -1).join(', ')} and ${said.at(-1)}`;
}

function recoveredSentence(work: RecoveredWork | undefined): string {
  if (!work) return '';
  const newest = work.newestAt ? ` (the newest from ${formatTime(work.newestAt)})` : '';
  return ` From the damaged file it recovered ${recoveredSummary(work)}${newest}.`;
}

/** The notice in English, for the log and the start script. */
export function noticeText(notice: StartupNotice): string {
  switch (notice.kind) {
    case 'restored-from-backup':
      return (
        `The progress database was damaged, so Aula restored the automatic backup of ${formatTime(notice.backupMadeAt)}.` +
        `${recoveredSentence(notice.recovered)} ` +
        `Work done after ${notice.recovered?.newestAt ? 'that' : 'the backup'} may be missing. The damaged file is kept in ${notice.damagedFolder}.`
      );
    case 'started-fresh':
      return (
        'The progress database was damaged and there was no usable backup, so Aula started with an empty one.' +
        `${recoveredSentence(notice.recovered)} ` +
        `The damaged file is kept in ${notice.damagedFolder}; someone with technical knowledge may be able to recover data from it.`
      );
    case 'missing-with-backups':
      return (
        `There was no progress database here, so Aula started with an empty one. Automatic backups of an earlier one are in ${notice.backupsFolder} ` +
        `(the newest from ${formatTime(notice.backupMadeAt)}). If progress is missing, restore one as docs/data-and-backups.md explains.`
      );
    case 'older-than-last-write':
      return (
        `The progress database is older than the last work Aula saved (${formatTime(notice.lastWriteAt)}): a file that belongs with it ` +
        `(aula.sqlite-wal) was probably deleted after Aula was stopped abruptly. Progress saved after ` +
        `${notice.databaseNewestAt ? formatTime(notice.databaseNewestAt) : 'the start'} may be missing; check the automatic backups (docs/data-and-backups.md).`
      );
    case 'backup-failed':
      return notice.diskFull
        ? 'Aula could not make its automatic backup because the disk is full. Your work is saved, but free some space so that backups can be made again.'
        : 'Aula could not make its automatic backup this time. Your work is saved; Aula will try again later.';
  }
}

export class StartupNotices {
  private readonly notices: StartupNotice[] = [];

  constructor(private readonly log: (message: string) => void = () => {}) {}

  add(notice: NewNotice): StartupNotice {
    const added = { ...notice, id: randomUUID() } as StartupNotice;
    this.notices.push(added);
    this.log(`Aula: ${noticeText(added)}`);
    return added;
  }

  list(): StartupNotice[] {
    return [...this.notices];
  }

  dismiss(id: string): boolean {
    const index = this.notices.findIndex((notice) => notice.id === id);
    if (index < 0) return false;
    this.notices.splice(index, 1);
    return true;
  }

  /** Turns what happened while opening the database into notices (for the person) and log lines (for whoever helps them). */
  recordOpening(events: readonly DatabaseOpeningEvent[]): void {
    for (const event of events) {
      switch (event.kind) {
        case 'restored-from-backup':
          this.log(`Aula: the database was damaged (${event.problem}); restoring ${event.backup.file}.`);
          this.add({
            kind: 'restored-from-backup',
            backupMadeAt: event.backup.madeAt.toISOString(),
            damagedFolder: event.damagedFolder,
            recovered: recoveredWork(event.salvage),
          });
          break;
        case 'started-fresh':
          this.log(`Aula: the database was damaged (${event.problem}) and no backup could be used.`);
          this.add({ kind: 'started-fresh', damagedFolder: event.damagedFolder, recovered: recoveredWork(event.salvage) });
          break;
        case 'backup-failed':
          this.recordBackupFailure(event.error);
          break;
        case 'unusable-backup-skipped':
          this.log(`Aula: the backup ${event.file} did not pass SQLite's integrity check and was not used.`);
          break;
        case 'missing-with-backups':
          this.add({
            kind: 'missing-with-backups',
            backupMadeAt: event.newest.madeAt.toISOString(),
            backupsFolder: event.backupsFolder,
          });
          break;
        case 'interrupted-backups-removed':
          this.log(`Aula: removed what an interrupted backup left behind: ${event.names.join(', ')}.`);
          break;
      }
    }
  }

  recordBackupFailure(error: unknown): void {
    this.log(`Aula: automatic backup failed: ${error instanceof Error ? error.message : String(error)}`);
    // One notice is enough: a second failure in the same launch says nothing new.
    if (this.notices.some((notice) => notice.kind === 'backup-failed')) return;
    this.add({ kind: 'backup-failed', diskFull: isDiskFullError(error) });
  }
}
