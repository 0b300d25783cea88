/**
 * Making a progress file: the chosen learners and every record of their work, signed by this
 * installation's key. Reads only; what a caller may export is checked by the handler.
 */
import { signBytes } from '../crypto/signing-keys.js';
import type { Db } from '../db/open-database.js';
import type { InstallationIdentity } from './installation-identity.js';
import {
  PROGRESS_FILE_EXTENSION,
  PROGRESS_FILE_FORMAT,
  PROGRESS_FILE_VERSION,
  RECORD_TABLES,
  RecordSchemas,
  type Envelope,
  type ExportScope,
  type FileLearner,
  type ProgressFilePc,
  type ProgressPayload,
  type RecordTable,
} from './progress-file-format.js';

export interface ProgressFile {
  fileName: string;
  bytes: Buffer;
  learners: number;
}

interface LearnerRow {
  id: string;
  display_name: string;
  language: string;
  created_at: string;
  origin_pc_id: string | null;
}

/** The columns a record carries: exactly those the format names, in its order. */
function columnsOf(table: RecordTable): string[] {
  return Object.keys(RecordSchemas[table].shape);
}

function readRecords(db: Db, table: RecordTable, learnerIdsJson: string): unknown[] {
  const columns = columnsOf(table)
    .map((column) => `"${column}"`)
    .join(', ');
  const learnersOf =
    table === 'quiz_answers'
      ? 'attempt_id IN (SELECT id FROM quiz_attempts WHERE learner_id IN (SELECT value FROM json_each(?)))'
      : 'learner_id IN (SELECT value FROM json_each(?))';
  return db.prepare(`SELECT ${columns} FROM "${table}" WHERE ${learnersOf} ORDER BY rowid`).all(learnerIdsJson);
}

/** A piece of a file name anyone's file system accepts: ASCII letters, digits and dashes. */
function fileNamePart(text: string, fallback: string): string {
  const part = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return part || fallback;
}

export function progressFileName(pcName: string, what: string, createdAt: Date): string {
  const day = createdAt.toISOString().slice(0, 10);
  return `aula-progress-${fileNamePart(pcName, 'pc')}-${fileNamePart(what, 'learners')}-${day}${PROGRESS_FILE_EXTENSION}`;
}

export interface ExportChoice {
  /** The learners to export (local profiles or learners imported earlier), in any order. */
  learnerIds: readonly string[];
  scope: ExportScope;
  /** Names the file: the learner's name, "all" or the group's name. */
  label: string;
}

export function exportProgress(
  db: Db,
  identity: InstallationIdentity,
  choice: ExportChoice,
  appVersion: string,
  now = new Date(),
): ProgressFile {
  const learnerIdsJson = JSON.stringify(choice.learnerIds);
  const read = db.transaction(() => {
    const learnerRows = db
      .prepare(
        `SELECT id, display_name, language, created_at, origin_pc_id FROM learners
         WHERE id IN (SELECT value FROM json_each(?)) ORDER BY created_at, id`,
      )
      .all(learnerIdsJson) as LearnerRow[];
    const originIds = [...new Set(learnerRows.flatMap((row) => (row.origin_pc_id ? [row.origin_pc_id] : [])))];
    const origins = db
      .prepare(
        `SELECT pc_id AS id, pc_name AS name, public_key AS publicKey FROM progress_origins
         WHERE pc_id IN (SELECT value FROM json_each(?)) ORDER BY pc_id`,
      )
      .all(JSON.stringify(originIds)) as ProgressFilePc[];
    const records = Object.fromEntries(RECORD_TABLES.map((table) => [table, readRecords(db, table, learnerIdsJson)]));
    return { learnerRows, origins, records };
  });
  // One read transaction: the learners and their records are one consistent moment.
  const { learnerRows, origins, records } = read();

  const learners: FileLearner[] = learnerRows.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    language: row.language,
    createdAt: row.created_at,
    originPcId: row.origin_pc_id,
  }));
  const payload: ProgressPayload = {
    kind: PROGRESS_FILE_FORMAT,
    formatVersion: PROGRESS_FILE_VERSION,
    createdAt: now.toISOString(),
    appVersion,
    pc: { id: identity.pcId, name: identity.pcName, publicKey: identity.key.signer.publicKey },
    scope: choice.scope,
    origins,
    learners,
    records: records as ProgressPayload['records'],
  };
  const payloadText = JSON.stringify(payload);
  const envelope: Envelope = {
    format: PROGRESS_FILE_FORMAT,
    formatVersion: PROGRESS_FILE_VERSION,
    signature: signBytes(identity.key, Buffer.from(payloadText, 'utf8')),
    payload: payloadText,
  };
  return {
    fileName: progressFileName(identity.pcName, choice.label, now),
    bytes: Buffer.from(`${JSON.stringify(envelope)}\n`, 'utf8'),
    learners: learners.length,
  };
}
