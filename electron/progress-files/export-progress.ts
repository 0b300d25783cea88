/**
 * Making a progress file: the chosen learners and every record of their work, signed by this
 * installation's key. Reads only; what a caller may export is checked by the handler. A file an
 * import would refuse as too large is refused here instead, before it is made.
 */
import type { ErrorReason } from '../contract/channels.js';
import { signBytes } from '../crypto/signing-keys.js';
import type { Db } from '../db/open-database.js';
import { DomainRefusal } from '../domain/domain-refusal.js';
import type { InstallationIdentity } from './installation-identity.js';
import {
  MAX_PROGRESS_FILE_BYTES,
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

/** Each scope's refusal names what the person can do instead. */
const TOO_LARGE_REASONS = {
  learner: 'progress-file.export-too-large-learner',
  all: 'progress-file.export-too-large-all',
  group: 'progress-file.export-too-large-group',
} as const satisfies Record<ExportScope['kind'], ErrorReason>;

const TOO_LARGE_ADVICE: Record<ExportScope['kind'], string> = {
  learner: 'It cannot be moved as a progress file.',
  all: "Put the learners in groups and export one group's progress at a time.",
  group: 'Split the group into smaller groups and export each of them.',
};

/** An export whose file would be larger than an import accepts: refused before anything is saved. */
export class ProgressExportTooLarge extends DomainRefusal {
  constructor(scope: ExportScope, maxFileBytes: number) {
    const limitMb = Math.floor(maxFileBytes / 1048576);
    super(
      'conflict',
      `This progress would make a file larger than ${limitMb} MB, more than Aula imports. Nothing was saved. ${TOO_LARGE_ADVICE[scope.kind]}`,
      { reason: TOO_LARGE_REASONS[scope.kind], params: { limitMb } },
    );
    this.name = 'ProgressExportTooLarge';
  }
}

/** The bytes a file takes around its payload: the envelope's keys, the signature and the newline. */
const ENVELOPE_BYTES = Buffer.byteLength(
  `${JSON.stringify({
    format: PROGRESS_FILE_FORMAT,
    formatVersion: PROGRESS_FILE_VERSION,
    signature: 'x'.repeat(88), // base64 of a 64-byte Ed25519 signature
    payload: '',
  } satisfies Envelope)}\n`,
);

/**
 * The payload's JSON text, kept piece by piece (a row each) while counting what the payload and
 * the file will weigh, so that an export too large to import is refused after reading at most a
 * limit's worth of rows, never the whole database (a busy PC's everything can be gigabytes, more
 * than a string can hold). The file is then written straight from the pieces into buffers of the
 * counted sizes: no whole-payload string (which one letter outside Latin-1 would make twice as
 * large) and no JSON.stringify of the envelope around it.
 */
class PayloadText {
  private pieces: string[] = [];
  private payloadBytes = 0;
  /** The payload as escaped inside the envelope's JSON string. */
  private escapedBytes = 0;

  constructor(
    private readonly maxFileBytes: number,
    private readonly refuse: () => never,
  ) {}

  add(piece: string): void {
    this.pieces.push(piece);
    this.payloadBytes += Buffer.byteLength(piece);
    // In the file the payload is a JSON string: each piece counts as it is escaped there.
    this.escapedBytes += Buffer.byteLength(JSON.stringify(piece)) - 2;
    if (ENVELOPE_BYTES + this.escapedBytes > this.maxFileBytes) this.refuse();
  }

  /** The signature over the payload's UTF-8 bytes; the bytes are let go when it returns. */
  private sign(identity: InstallationIdentity): string {
    const payload = Buffer.allocUnsafe(this.payloadBytes);
    let at = 0;
    for (const piece of this.pieces) at += payload.write(piece, at);
    if (at !== payload.byteLength) throw new Error(`the payload took ${at} bytes, not the ${payload.byteLength} counted`);
    return signBytes(identity.key, payload);
  }

  /** The file's bytes: the envelope (keys in the format's order) around the payload and its signature. */
  signedFile(identity: InstallationIdentity): Buffer {
    const envelope: Envelope = {
      format: PROGRESS_FILE_FORMAT,
      formatVersion: PROGRESS_FILE_VERSION,
      signature: this.sign(identity),
      payload: '',
    };
    // The envelope's text up to the payload string's opening quote, and what follows its closing one.
    const head = JSON.stringify(envelope).slice(0, -2);
    const tail = '"}\n';
    const file = Buffer.allocUnsafe(Buffer.byteLength(head) + this.escapedBytes + Buffer.byteLength(tail));
    let at = file.write(head);
    for (const piece of this.pieces) at += file.write(JSON.stringify(piece).slice(1, -1), at);
    at += file.write(tail, at);
    if (at !== file.byteLength) throw new Error(`the file took ${at} bytes, not the ${file.byteLength} counted`);
    this.pieces = [];
    return file;
  }
}

function addRecords(db: Db, table: RecordTable, learnerIdsJson: string, payload: PayloadText): void {
  const columns = columnsOf(table)
    .map((column) => `"${column}"`)
    .join(', ');
  const learnersOf =
    table === 'quiz_answers'
      ? 'attempt_id IN (SELECT id FROM quiz_attempts WHERE learner_id IN (SELECT value FROM json_each(?)))'
      : 'learner_id IN (SELECT value FROM json_each(?))';
  const rows = db.prepare(`SELECT ${columns} FROM "${table}" WHERE ${learnersOf} ORDER BY rowid`).iterate(learnerIdsJson);
  let first = true;
  for (const row of rows) {
    payload.add(first ? JSON.stringify(row) : `,${JSON.stringify(row)}`);
    first = false;
  }
}

export interface ExportLimits {
  /** The largest file to make: what an import accepts (tests make it small). */
  maxFileBytes: number;
}

/**
 * The chosen learners' progress as one signed file, or a `ProgressExportTooLarge` when the file
 * would be larger than `limits.maxFileBytes`. The payload is the same JSON text as
 * `JSON.stringify` of a `ProgressPayload` (keys in the format's order), written row by row.
 */
export function exportProgress(
  db: Db,
  identity: InstallationIdentity,
  choice: ExportChoice,
  appVersion: string,
  now = new Date(),
  limits: ExportLimits = { maxFileBytes: MAX_PROGRESS_FILE_BYTES },
): ProgressFile {
  const learnerIdsJson = JSON.stringify(choice.learnerIds);
  const payload = new PayloadText(limits.maxFileBytes, () => {
    throw new ProgressExportTooLarge(choice.scope, limits.maxFileBytes);
  });
  // One read transaction: the learners and their records are one consistent moment.
  const learners = db.transaction(() => {
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
    const fileLearners: FileLearner[] = learnerRows.map((row) => ({
      id: row.id,
      displayName: row.display_name,
      language: row.language,
      createdAt: row.created_at,
      originPcId: row.origin_pc_id,
    }));
    const head: Omit<ProgressPayload, 'records'> = {
      kind: PROGRESS_FILE_FORMAT,
      formatVersion: PROGRESS_FILE_VERSION,
      createdAt: now.toISOString(),
      appVersion,
      pc: { id: identity.pcId, name: identity.pcName, publicKey: identity.key.signer.publicKey },
      scope: choice.scope,
      origins,
      learners: fileLearners,
    };
    // `records` is the payload's last key: the head's text without its closing brace, then the tables.
    payload.add(`${JSON.stringify(head).slice(0, -1)},"records":{`);
    RECORD_TABLES.forEach((table, index) => {
      payload.add(`${index === 0 ? '' : ','}${JSON.stringify(table)}:[`);
      addRecords(db, table, learnerIdsJson, payload);
      payload.add(']');
    });
    payload.add('}}');
    return fileLearners.length;
  })();

  const bytes = payload.signedFile(identity);
  // The count above is exact; this keeps the promise even if the envelope ever changes.
  if (bytes.byteLength > limits.maxFileBytes) throw new ProgressExportTooLarge(choice.scope, limits.maxFileBytes);
  return { fileName: progressFileName(identity.pcName, choice.label, now), bytes, learners };
}
