/**
 * Importing a checked progress file (read-progress-file.ts) in one transaction: new learners come
 * in as learners "from <PC name>", new records are added, known ones keep their id and take the
 * newer state where a record can change (docs/progress-files.md). Importing the same file again,
 * or files in any order, gives the same database.
 */
import type { Db } from '../db/open-database.js';
import {
  RECORD_TABLES,
  RecordSchemas,
  type FileLearner,
  type ProgressFilePc,
  type ProgressPayload,
  type RecordTable,
} from './progress-file-format.js';

export interface NewAndKnown {
  new: number;
  known: number;
}

export interface ImportSummary {
  /** The PC that made the file, as the file names it. */
  pcName: string;
  createdAt: string;
  learners: NewAndKnown;
  attempts: NewAndKnown;
  /** Everything else: lesson progress, answers, exercise submissions, canvas revisions, certificates. */
  otherRecords: NewAndKnown;
}

interface ExistingLearner {
  origin_pc_id: string | null;
  origin_file_at: string | null;
}

function placeholdersFor(table: RecordTable): { names: string; marks: string; columns: string[] } {
  const columns = Object.keys(RecordSchemas[table].shape);
  return { columns, names: columns.map((column) => `"${column}"`).join(', '), marks: columns.map(() => '?').join(', ') };
}

/**
 * The PC a learner came from, made known here. The PC that signed the file is named as the newest
 * of its files says; a PC only named in a file passed on is added if unknown, and renamed by its
 * own files later.
 */
function ensureOrigin(db: Db, pc: ProgressFilePc, signedByIt: boolean, fileCreatedAt: string, now: string): void {
  if (signedByIt) {
    db.prepare(
      `INSERT INTO progress_origins (pc_id, pc_name, public_key, newest_file_at, last_imported_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (pc_id) DO UPDATE SET
         pc_name = CASE WHEN excluded.newest_file_at > progress_origins.newest_file_at THEN excluded.pc_name ELSE progress_origins.pc_name END,
         newest_file_at = max(excluded.newest_file_at, progress_origins.newest_file_at),
         last_imported_at = excluded.last_imported_at`,
    ).run(pc.id, pc.name, pc.publicKey, fileCreatedAt, now);
  } else {
    // '' sorts before any time: the first file that PC signs itself names it.
    db.prepare(
      `INSERT INTO progress_origins (pc_id, pc_name, public_key, newest_file_at, last_imported_at) VALUES (?, ?, ?, '', ?)
       ON CONFLICT (pc_id) DO NOTHING`,
    ).run(pc.id, pc.name, pc.publicKey, now);
  }
}

function importLearner(
  db: Db,
  learner: FileLearner,
  payload: ProgressPayload,
  pcs: ReadonlyMap<string, ProgressFilePc>,
  now: string,
): 'new' | 'known' {
  const originId = learner.originPcId ?? payload.pc.id;
  const existing = db.prepare('SELECT origin_pc_id, origin_file_at FROM learners WHERE id = ?').get(learner.id) as
    ExistingLearner | undefined;
  // A profile of this PC (its own export brought back) stays exactly as it is.
  if (existing && existing.origin_pc_id === null) return 'known';
  if (existing && existing.origin_file_at !== null && existing.origin_file_at >= payload.createdAt) return 'known';
  ensureOrigin(db, pcs.get(originId) as ProgressFilePc, originId === payload.pc.id, payload.createdAt, now);
  if (existing) {
    db.prepare('UPDATE learners SET display_name = ?, language = ?, origin_pc_id = ?, origin_file_at = ? WHERE id = ?').run(
      learner.displayName.normalize('NFC'),
      learner.language,
      originId,
      payload.createdAt,
      learner.id,
    );
    return 'known';
  }
  // Never a manager and without a PIN: nobody opens this profile here (listLearners leaves it out).
  db.prepare(
    `INSERT INTO learners (id, display_name, language, created_at, pin_hash, is_manager, origin_pc_id, origin_file_at)
     VALUES (?, ?, ?, ?, NULL, 0, ?, ?)`,
  ).run(learner.id, learner.displayName.normalize('NFC'), learner.language, learner.createdAt, originId, payload.createdAt);
  return 'new';
}

/** A known lesson's first reaching of its end stays; a newer row only fills it in. */
const REACHED_END_KEPT = '"reached_end_at" = COALESCE(lesson_progress.reached_end_at, excluded.reached_end_at)';

/** Adds what is new and keeps the newer state of what can change, counting new and known records. */
function importRecords(db: Db, table: RecordTable, records: readonly Record<string, unknown>[], count: NewAndKnown): void {
  const { columns, names, marks } = placeholdersFor(table);
  if (table === 'lesson_progress') {
    // Progress can change: the row with the later `updated_at` wins, whichever file came first.
    const exists = db.prepare('SELECT 1 FROM lesson_progress WHERE learner_id = ? AND course_id = ? AND lesson_id = ?');
    const newer = db.prepare(
      `INSERT INTO lesson_progress (${names}) VALUES (${marks})
       ON CONFLICT (learner_id, course_id, lesson_id) DO UPDATE SET
         ${columns.map((column) => (column === 'reached_end_at' ? REACHED_END_KEPT : `"${column}" = excluded."${column}"`)).join(', ')}
       WHERE excluded.updated_at > lesson_progress.updated_at`,
    );
    // Reaching the end is set once and never cleared, whichever file says so first.
    const reachedEnd = db.prepare(
      `UPDATE lesson_progress SET reached_end_at = ?
       WHERE learner_id = ? AND course_id = ? AND lesson_id = ? AND reached_end_at IS NULL`,
    );
    for (const record of records) {
      const known = exists.get(record.learner_id, record.course_id, record.lesson_id) !== undefined;
      const reachedEndAt = (record.reached_end_at === undefined ? record.first_opened_at : record.reached_end_at) as
        string | null;
      newer.run(
        ...columns.map((column) => (column === 'reached_end_at' ? reachedEndAt : (record[column] as string | number | null))),
      );
      if (reachedEndAt !== null) reachedEnd.run(reachedEndAt, record.learner_id, record.course_id, record.lesson_id);
      count[known ? 'known' : 'new'] += 1;
    }
    return;
  }
  const insert = db.prepare(`INSERT OR IGNORE INTO "${table}" (${names}) VALUES (${marks})`);
  // An attempt is finished once; a file made after it was finished finishes it here too.
  const finishAttempt =
    table === 'quiz_attempts'
      ? db.prepare(
          `UPDATE quiz_attempts SET finished_at = ?, score = ?, max_score = ?, pass_mark = ?, passed = ?
           WHERE id = ? AND learner_id = ? AND finished_at IS NULL`,
        )
      : null;
  for (const record of records) {
    if (insert.run(...columns.map((column) => record[column] as string | number | null)).changes > 0) {
      count.new += 1;
      continue;
    }
    count.known += 1;
    if (finishAttempt && record.finished_at !== null) {
      finishAttempt.run(
        record.finished_at,
        record.score,
        record.max_score,
        record.pass_mark,
        record.passed,
        record.id,
        record.learner_id,
      );
    }
  }
}

/** Imports a file `readProgressFile` accepted; all or nothing. */
export function importProgress(db: Db, payload: ProgressPayload, now = new Date()): ImportSummary {
  const summary: ImportSummary = {
    pcName: payload.pc.name,
    createdAt: payload.createdAt,
    learners: { new: 0, known: 0 },
    attempts: { new: 0, known: 0 },
    otherRecords: { new: 0, known: 0 },
  };
  const pcs = new Map([payload.pc, ...payload.origins].map((pc) => [pc.id, pc]));
  const at = now.toISOString();
  db.transaction(() => {
    for (const learner of payload.learners) summary.learners[importLearner(db, learner, payload, pcs, at)] += 1;
    for (const table of RECORD_TABLES) {
      const count = table === 'quiz_attempts' ? summary.attempts : summary.otherRecords;
      importRecords(db, table, payload.records[table] as readonly Record<string, unknown>[], count);
    }
  })();
  return summary;
}
