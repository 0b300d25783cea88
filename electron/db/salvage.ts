/**
 * Salvage from a damaged database: before a backup replaces it, every row that still reads back
 * is copied into the restored database where the backup lacks it. A damaged page costs the rows
 * on that page, not everything since the backup. Rows are read table by table in rowid order;
 * when a read fails, the reader jumps ahead past the damage and goes on. Learner work is made of
 * immutable records with global ids (attempts, answers, submissions, canvas revisions,
 * certificates), so merging never duplicates; lesson progress keeps the newer of the two.
 *
 * The PCs known from progress files (migration 11) are carried over, so a block stays. The final
 * answers of finished attempts (migration 12) are not copied: the database's triggers make them
 * again from the attempts and answers as they are merged.
 *
 * The xAPI outbox (migration 9) is carried over too: the statements of the salvaged records were
 * written with them, in the same transactions, so the damaged file's outbox holds them. Without
 * them, work recovered here would never reach the LRS. Statement ids are made once and kept, so a
 * statement the LRS already has is recognised there (409, or the same id) and never recorded
 * twice; one the restored outbox already holds is not copied again, only marked sent if the
 * damaged file knew it was delivered. Statements are not made anew for records whose statements
 * were on a damaged page: a statement says when it was recorded, which nobody can know now.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openSqliteFile, type Db, type OpenDatabaseOptions } from './open-database.js';

/** The tables merged, parents first so that foreign keys hold. */
const SALVAGED_TABLES = [
  // The PCs imported learners came from (progress files): learners refer to them.
  { table: 'progress_origins', time: 'last_imported_at' },
  { table: 'learners', time: 'created_at' },
  { table: 'lesson_progress', time: 'updated_at' },
  { table: 'quiz_attempts', time: 'started_at' },
  { table: 'quiz_answers', time: 'answered_at' },
  { table: 'exercise_submissions', time: 'submitted_at' },
  { table: 'canvas_revisions', time: 'saved_at' },
  { table: 'certificates', time: 'issued_at' },
] as const;

export type SalvagedTable = (typeof SALVAGED_TABLES)[number]['table'];

export interface SalvageResult {
  /** Rows added to (or, for lesson progress, updated in) the restored database, per table. */
  recovered: Record<SalvagedTable, number>;
  /** Rows read back from the damaged file, per table. */
  readBack: Record<SalvagedTable, number>;
  /** Tables whose reading hit damage (some rows there could not be read). */
  damagedTables: SalvagedTable[];
  /** The newest time among the rows recovered; null when nothing was recovered. */
  newestRecoveredAt: string | null;
  /**
   * xAPI statements copied from the damaged file's outbox, or marked sent there; not learner work,
   * so kept apart from `recovered` (which the startup notice lists).
   */
  statements: { recovered: number; readBack: number; damaged: boolean };
}

type Row = Record<string, unknown>;

/** How far ahead (in rowids) the reader looks for readable rows after damage; rowids here grow by one per row. */
const MAX_SKIP = 2 ** 40;

/** Every row of `table` that reads back, in rowid order, and whether some could not be read. */
function readRowsThatReadBack(db: Db, table: string): { rows: Row[]; damaged: boolean } {
  const rows: Row[] = [];
  let damaged = false;
  let after = Number.MIN_SAFE_INTEGER;
  const read = db.prepare(`SELECT rowid AS "aula_rowid", * FROM "${table}" WHERE rowid > ? ORDER BY rowid`);
  const next = db.prepare(`SELECT rowid FROM "${table}" WHERE rowid > ? ORDER BY rowid LIMIT 1`).pluck();
  const exact = db.prepare(`SELECT rowid AS "aula_rowid", * FROM "${table}" WHERE rowid = ?`);
  for (;;) {
    try {
      for (const row of read.iterate(after) as Iterable<Row>) {
        after = Number(row.aula_rowid);
        delete row.aula_rowid;
        rows.push(row);
      }
      return { rows, damaged };
    } catch {
      damaged = true;
    }
    // Past the damaged page: the first rowid a seek can reach beyond it. Look ahead in doubling
    // steps until a seek works, then narrow down so no readable row after the damage is skipped.
    const seek = (skip: number): { ok: true; found: number | null } | { ok: false } => {
      try {
        const found = next.get(after + skip) as number | bigint | undefined;
        return { ok: true, found: found === undefined ? null : Number(found) };
      } catch {
        return { ok: false };
      }
    };
    let failing = 0;
    let working: { skip: number; found: number | null } | null = null;
    for (let skip = 1; skip <= MAX_SKIP; skip *= 2) {
      const result = seek(skip);
      if (result.ok) {
        working = { skip, found: result.found };
        break;
      }
      failing = skip;
    }
    while (working && working.skip - failing > 1) {
      const middle = Math.floor((failing + working.skip) / 2);
      const result = seek(middle);
      if (result.ok) working = { skip: middle, found: result.found };
      else failing = middle;
    }
    if (!working) return { rows, damaged };
    // The seek works from `after + skip` on; that row itself may still read back on its own.
    const first = after + working.skip;
    try {
      const row = exact.get(first) as Row | undefined;
      if (row) {
        delete row.aula_rowid;
        rows.push(row);
      }
    } catch {
      // On the damaged page after all.
    }
    if (working.found === null) return { rows, damaged };
    after = first;
  }
}

function columnsOf(db: Db, table: string): string[] {
  return (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((column) => column.name);
}

function emptyCounts(): Record<SalvagedTable, number> {
  return Object.fromEntries(SALVAGED_TABLES.map(({ table }) => [table, 0])) as Record<SalvagedTable, number>;
}

/** A copy of the damaged file (and its -wal) to read from, so the evidence kept for a person stays as it was. */
function workingCopy(damagedFile: string, workDir: string): string {
  fs.mkdirSync(workDir, { recursive: true });
  const copy = path.join(workDir, path.basename(damagedFile));
  fs.copyFileSync(damagedFile, copy);
  if (fs.existsSync(`${damagedFile}-wal`)) fs.copyFileSync(`${damagedFile}-wal`, `${copy}-wal`);
  return copy;
}

/**
 * Copies what reads back from `damagedFile` into `target` where `target` lacks it. Never throws
 * for damage: what cannot be read is simply not recovered.
 */
export function salvageInto(damagedFile: string, target: Db, options: OpenDatabaseOptions = {}): SalvageResult {
  const result: SalvageResult = {
    recovered: emptyCounts(),
    readBack: emptyCounts(),
    damagedTables: [],
    newestRecoveredAt: null,
    statements: { recovered: 0, readBack: 0, damaged: false },
  };
  const workDir = `${damagedFile}.salvage`;
  let source: Db | undefined;
  try {
    source = openSqliteFile(workingCopy(damagedFile, workDir), options);
    const merge = target.transaction(() => {
      for (const { table, time } of SALVAGED_TABLES) {
        let read: { rows: Row[]; damaged: boolean };
        try {
          read = readRowsThatReadBack(source as Db, table);
        } catch {
          // The table itself cannot be found (its schema page is damaged): nothing from it.
          result.damagedTables.push(table);
          continue;
        }
        if (read.damaged) result.damagedTables.push(table);
        result.readBack[table] = read.rows.length;
        const targetColumns = new Set(columnsOf(target, table));
        for (const row of read.rows) {
          const columns = Object.keys(row).filter((column) => targetColumns.has(column));
          const names = columns.map((column) => `"${column}"`).join(', ');
          const values = columns.map((column) => row[column]);
          const placeholders = columns.map(() => '?').join(', ');
          const sql =
            table === 'lesson_progress'
              ? `INSERT INTO lesson_progress (${names}) VALUES (${placeholders})
                 ON CONFLICT (learner_id, course_id, lesson_id) DO UPDATE SET
                 ${columns.map((column) => `"${column}" = excluded."${column}"`).join(', ')}
                 WHERE excluded.updated_at > lesson_progress.updated_at`
              : `INSERT OR IGNORE INTO "${table}" (${names}) VALUES (${placeholders})`;
          try {
            if (target.prepare(sql).run(...values).changes === 0) continue;
          } catch {
            // A row whose parent was lost with the damaged page, or that breaks a rule: left out.
            continue;
          }
          result.recovered[table] += 1;
          const at = row[time];
          if (typeof at === 'string' && (result.newestRecoveredAt === null || at > result.newestRecoveredAt)) {
            result.newestRecoveredAt = at;
          }
        }
      }
      result.statements = carryOverOutbox(source as Db, target);
      carryOverKnownPcs(source as Db, target);
    });
    merge();
  } catch {
    // The damaged file cannot even be opened (or the merge failed and was rolled back): nothing recovered.
    result.recovered = emptyCounts();
    result.newestRecoveredAt = null;
    result.statements = { recovered: 0, readBack: 0, damaged: false };
  } finally {
    source?.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  return result;
}

/**
 * The damaged file's readable outbox rows, in their order (rowid is `seq`), appended to the target's
 * outbox with new sequence numbers: waiting statements are sent after those already waiting.
 */
function carryOverOutbox(source: Db, target: Db): SalvageResult['statements'] {
  let read: { rows: Row[]; damaged: boolean };
  try {
    read = readRowsThatReadBack(source, 'xapi_outbox');
  } catch {
    // No outbox to read: a file from before migration 9, or its schema page is damaged.
    return { recovered: 0, readBack: 0, damaged: true };
  }
  const insert = target.prepare(
    `INSERT INTO xapi_outbox (id, learner_id, statement_json, created_at, sent_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET sent_at = excluded.sent_at
     WHERE xapi_outbox.sent_at IS NULL AND excluded.sent_at IS NOT NULL`,
  );
  let recovered = 0;
  for (const row of read.rows) {
    try {
      recovered += insert.run(row.id, row.learner_id, row.statement_json, row.created_at, row.sent_at).changes;
    } catch {
      // A row damaged into the wrong types (a STRICT table refuses it): left out.
    }
  }
  return { recovered, readBack: read.rows.length, damaged: read.damaged };
}

/**
 * The PCs the damaged file knew (migration 11), over the restored ones: the damaged file is the
 * newer state of the same database, so a PC blocked or first imported from after the backup stays
 * so. Without this, a manager's block would be undone by the damage and that PC's files taken again.
 * A PC forgotten after the backup cannot be told from one lost on a damaged page: it stays known.
 */
function carryOverKnownPcs(source: Db, target: Db): void {
  let read: { rows: Row[]; damaged: boolean };
  try {
    read = readRowsThatReadBack(source, 'known_pcs');
  } catch {
    // No table to read: a file from before migration 11, or its schema page is damaged.
    return;
  }
  const upsert = target.prepare(
    `INSERT INTO known_pcs (key_id, public_key, first_name, last_name, first_imported_at, last_imported_at, blocked_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (key_id) DO UPDATE SET last_name = excluded.last_name, last_imported_at = excluded.last_imported_at,
       blocked_at = excluded.blocked_at`,
  );
  for (const row of read.rows) {
    try {
      upsert.run(
        row.key_id,
        row.public_key,
        row.first_name,
        row.last_name,
        row.first_imported_at,
        row.last_imported_at,
        row.blocked_at,
      );
    } catch {
      // A row damaged into the wrong types (a STRICT table refuses it): left out.
    }
  }
}

/** How many learner records were recovered in all. */
export function totalRecovered(result: SalvageResult): number {
  return Object.values(result.recovered).reduce((sum, count) => sum + count, 0);
}
