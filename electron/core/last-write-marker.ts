/**
 * A record of the last acknowledged write, kept beside the database in a small file of its own.
 * SQLite cannot undo the loss of a deleted `-wal` after a crash: the main file then simply looks
 * older, and nothing inside it says so. The marker holds how many immutable records (answers,
 * attempts, submissions, canvas revisions, certificates) existed after the last write Aula
 * acknowledged; at the next start, a database with fewer means work was lost, and the person is told.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open-database.js';

export const LAST_WRITE_FILE_NAME = 'last-write.json';

/** Append-only tables: a count that went down can only mean lost records. */
const COUNTED = {
  quiz_answers: 'answered_at',
  quiz_attempts: 'started_at',
  exercise_submissions: 'submitted_at',
  canvas_revisions: 'saved_at',
  certificates: 'issued_at',
} as const;
type CountedTable = keyof typeof COUNTED;

interface LastWrite {
  at: string;
  counts: Record<CountedTable, number>;
}

/** Writes after this many milliseconds of quiet are recorded together (one small file write, not one per answer). */
const RECORD_DELAY_MS = 1_000;

function markerFile(dataDir: string): string {
  return path.join(dataDir, LAST_WRITE_FILE_NAME);
}

function countRecords(db: Db): Record<CountedTable, number> {
  const counts = {} as Record<CountedTable, number>;
  for (const table of Object.keys(COUNTED) as CountedTable[]) {
    counts[table] = db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  }
  return counts;
}

function readMarker(dataDir: string): LastWrite | null {
  try {
    const value = JSON.parse(fs.readFileSync(markerFile(dataDir), 'utf8')) as Partial<LastWrite>;
    if (typeof value.at !== 'string' || !value.counts || typeof value.counts !== 'object') return null;
    return value as LastWrite;
  } catch {
    return null;
  }
}

/** Writes the marker under a temporary name first, then renames it into place. */
function writeMarker(dataDir: string, marker: LastWrite): void {
  const file = markerFile(dataDir);
  const temp = `${file}.partial`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, JSON.stringify(marker));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

/** The database holds fewer records than Aula had acknowledged: when, and since when it is complete. */
export interface OlderThanLastWrite {
  lastWriteAt: string;
  /** The newest record the database still has. */
  databaseNewestAt: string | null;
}

/** Compares the database with the last write recorded beside it; null when nothing is missing (or nothing was recorded). */
export function findLostWrites(db: Db, dataDir: string): OlderThanLastWrite | null {
  const marker = readMarker(dataDir);
  if (!marker) return null;
  const counts = countRecords(db);
  const tables = Object.keys(COUNTED) as CountedTable[];
  if (!tables.some((table) => counts[table] < (Number(marker.counts[table]) || 0))) return null;
  const newest = tables
    .map((table) => db.prepare(`SELECT MAX(${COUNTED[table]}) FROM ${table}`).pluck().get() as string | null)
    .filter((at): at is string => typeof at === 'string')
    .sort()
    .at(-1);
  return { lastWriteAt: marker.at, databaseNewestAt: newest ?? null };
}

export interface LastWriteRecorder {
  /** Call after each acknowledged call: records the marker soon when the database changed. */
  afterCall(): void;
  /** Records now if anything changed (a clean stop), and stops. */
  stop(): void;
}

/** Keeps the marker in step with the database: after writes (debounced) and at a clean stop. */
export function startLastWriteRecorder(db: Db, dataDir: string, log: (message: string) => void): LastWriteRecorder {
  const changes = () => db.prepare('SELECT total_changes()').pluck().get() as number;
  let recorded = -1;
  let timer: NodeJS.Timeout | undefined;
  const record = () => {
    timer = undefined;
    if (!db.open) return;
    const now = changes();
    if (now === recorded) return;
    try {
      writeMarker(dataDir, { at: new Date().toISOString(), counts: countRecords(db) });
      recorded = now;
    } catch (error) {
      // Only a safety net: a marker that cannot be written must never fail the learner's call.
      log(`Aula: could not record the last write: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  record();
  return {
    afterCall() {
      if (timer || !db.open || changes() === recorded) return;
      timer = setTimeout(record, RECORD_DELAY_MS).unref();
    },
    stop() {
      if (timer) clearTimeout(timer);
      record();
    },
  };
}

/**
 * The same handlers, each followed by `afterCall` (whether it succeeded or not: a failed call may
 * have written too). A channel that takes a file has its `handle` wrapped; `admit` writes nothing.
 */
export function recordingWrites<H extends object>(handlers: H, recorder: LastWriteRecorder): H {
  const recorded =
    (run: (args: unknown) => unknown) =>
    async (args: unknown): Promise<unknown> => {
      try {
        return await run(args);
      } finally {
        recorder.afterCall();
      }
    };
  const wrapped: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, unknown][]) {
    if (typeof handler === 'function') {
      wrapped[name] = recorded(handler as (args: unknown) => unknown);
    } else {
      const upload = handler as { admit(args: unknown): void; handle(args: unknown): unknown };
      wrapped[name] = { admit: (args: unknown) => upload.admit(args), handle: recorded((args) => upload.handle(args)) };
    }
  }
  return wrapped as H;
}
