/**
 * Checking a progress file before anything of it is used: its kind, its version, its signature over
 * the exact payload bytes, then every value and every reference between records. Touches no
 * database; a file that passes is safe to import in one transaction.
 */
import { z } from 'zod';
import type { ErrorReason } from '../contract/channels.js';
import { DomainRefusal } from '../domain/domain-refusal.js';
import { keyIdOf, signatureIsValid } from '../crypto/signing-keys.js';
import {
  EnvelopeSchema,
  MAX_PROGRESS_FILE_BYTES,
  PayloadSchema,
  PROGRESS_FILE_FORMAT,
  PROGRESS_FILE_START,
  PROGRESS_FILE_VERSION,
  RECORD_TABLES,
  RecordSchemas,
  type ProgressPayload,
  type RecordTable,
} from './progress-file-format.js';

export type ProgressFileProblem =
  | 'wrong-kind'
  | 'incomplete'
  | 'other-version'
  | 'tampered'
  | 'invalid'
  | 'too-large'
  /** Signed by a PC a manager blocked here (known-pcs.ts); checked when importing, not here. */
  | 'blocked-pc';

/** Why a file was refused; `params` are the facts the person's message needs. */
/** Each refusal of a progress file, as the reason the person reads in their language. */
const REFUSAL_REASONS: Record<ProgressFileProblem, ErrorReason> = {
  'wrong-kind': 'progress-file.wrong-kind',
  incomplete: 'progress-file.incomplete',
  'other-version': 'progress-file.other-version',
  tampered: 'progress-file.tampered',
  invalid: 'progress-file.invalid',
  'too-large': 'progress-file.too-large',
  'blocked-pc': 'progress-file.blocked-pc',
};

export class ProgressFileRefusal extends DomainRefusal {
  constructor(
    readonly problem: ProgressFileProblem,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    // A blocked PC is a manager's decision about who may send work here; every other refusal is about the file.
    super(problem === 'blocked-pc' ? 'not-allowed' : 'bad-input', message, { reason: REFUSAL_REASONS[problem], params });
    this.name = 'ProgressFileRefusal';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const refuseInvalid = (detail: string): never => {
  throw new ProgressFileRefusal('invalid', `This progress file is signed but not valid (${detail}). Nothing was imported.`, {
    detail,
  });
};

/** Every record names a learner in the file, every answer an attempt in the file, every learner a known PC. */
function checkReferences(payload: ProgressPayload): void {
  const learnerIds = new Set<string>();
  for (const learner of payload.learners) {
    if (learnerIds.has(learner.id)) refuseInvalid(`learner ${learner.id} appears twice`);
    learnerIds.add(learner.id);
  }
  const pcIds = new Set([payload.pc.id, ...payload.origins.map((origin) => origin.id)]);
  for (const origin of payload.origins) {
    if (keyIdOf(origin.publicKey) !== origin.id) refuseInvalid(`PC ${origin.id} does not match its key`);
  }
  for (const learner of payload.learners) {
    if (learner.originPcId !== null && !pcIds.has(learner.originPcId)) refuseInvalid(`learner ${learner.id} names an unknown PC`);
  }
  const { records } = payload;
  for (const table of ['lesson_progress', 'quiz_attempts', 'exercise_submissions', 'canvas_revisions', 'certificates'] as const) {
    for (const record of records[table]) {
      if (!learnerIds.has(record.learner_id)) refuseInvalid(`a ${table} record names a learner not in the file`);
    }
  }
  const attemptIds = new Set(records.quiz_attempts.map((attempt) => attempt.id));
  for (const answer of records.quiz_answers) {
    if (!attemptIds.has(answer.attempt_id)) refuseInvalid('an answer names an attempt not in the file');
  }
}

/** What the envelope holds: the signature and the payload's JSON text, not yet verified. */
interface SignedText {
  signature: string;
  payloadText: string;
}

const tooLarge = () =>
  new ProgressFileRefusal(
    'too-large',
    `This file is larger than ${MAX_PROGRESS_FILE_BYTES / 1024 / 1024} MB, more than any progress file.`,
  );

/**
 * The envelope's signature and payload text. The file's bytes, their text and the parsed envelope
 * live only in this call: when it returns, the payload text is the one copy of the file left.
 */
function openEnvelope(read: () => Uint8Array): SignedText {
  const bytes = read();
  if (bytes.byteLength > MAX_PROGRESS_FILE_BYTES) throw tooLarge();
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const envelope = parseJson(text);
  if (!isRecord(envelope)) {
    if (text.startsWith(PROGRESS_FILE_START)) {
      throw new ProgressFileRefusal(
        'incomplete',
        'This progress file is cut off or damaged (perhaps the stick was pulled out while copying). Export it again.',
      );
    }
    throw new ProgressFileRefusal('wrong-kind', 'This is not an Aula progress file (.aulaprogress).');
  }
  if (envelope.format !== PROGRESS_FILE_FORMAT) {
    throw new ProgressFileRefusal('wrong-kind', 'This is not an Aula progress file (.aulaprogress).');
  }
  if (envelope.formatVersion !== PROGRESS_FILE_VERSION) {
    const version = typeof envelope.formatVersion === 'number' ? envelope.formatVersion : String(envelope.formatVersion);
    throw new ProgressFileRefusal(
      'other-version',
      `This progress file has format version ${version}; this Aula reads version ${PROGRESS_FILE_VERSION}. Update Aula, or export with the same version.`,
      { version, supported: PROGRESS_FILE_VERSION },
    );
  }
  const checked = EnvelopeSchema.safeParse(envelope);
  if (!checked.success) {
    throw new ProgressFileRefusal('incomplete', 'This progress file is missing its signature or its contents. Export it again.');
  }
  return { signature: checked.data.signature, payloadText: checked.data.payload };
}

/**
 * The payload parsed, once its signature over the exact bytes of the text is checked by the key
 * of the PC the payload names (its id must be that key's). Nothing in it is trusted before. The
 * text lives only in this call: the records are checked and imported without it.
 */
function verifiedPayload(read: () => Uint8Array): Record<string, unknown> {
  const { signature, payloadText } = openEnvelope(read);
  const tampered = () =>
    new ProgressFileRefusal(
      'tampered',
      'This progress file was changed after it was made: its signature does not match. Nothing was imported. Ask for a fresh export.',
    );
  const unverified = parseJson(payloadText);
  if (!isRecord(unverified) || !isRecord(unverified.pc)) throw tampered();
  const { id, publicKey } = unverified.pc;
  if (typeof id !== 'string' || typeof publicKey !== 'string') throw tampered();
  const keyMatches = (() => {
    try {
      return keyIdOf(publicKey) === id && Buffer.from(publicKey, 'base64').length === 32;
    } catch {
      return false;
    }
  })();
  if (!keyMatches || !signatureIsValid({ publicKey }, Buffer.from(payloadText, 'utf8'), signature)) throw tampered();
  return unverified;
}

/** The payload with its records as any values: each record is checked on its own below. */
const PayloadShellSchema = PayloadSchema.extend({
  records: z
    .object(
      Object.fromEntries(RECORD_TABLES.map((table) => [table, z.array(z.unknown())])) as Record<
        RecordTable,
        z.ZodArray<z.ZodUnknown>
      >,
    )
    .strict(),
});

/**
 * Every value checked against the format. Each record is checked on its own and kept as parsed:
 * zod's output of the whole payload would be a second copy of every record, as large as the
 * first, at the moment memory is tightest. The record schemas transform nothing (no defaults,
 * coercions or transforms), so a record that passes is what zod would have returned.
 */
function checkedPayload(unverified: Record<string, unknown>): ProgressPayload {
  const shell = PayloadShellSchema.safeParse(unverified);
  if (!shell.success) {
    const issue = shell.error.issues[0];
    return refuseInvalid(`${issue?.path.join('.') ?? 'payload'}: ${issue?.message ?? 'invalid'}`);
  }
  for (const table of RECORD_TABLES) {
    const schema = RecordSchemas[table];
    shell.data.records[table].forEach((record, index) => {
      const checked = schema.safeParse(record);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        refuseInvalid(`${['records', table, index, ...(issue?.path ?? [])].join('.')}: ${issue?.message ?? 'invalid'}`);
      }
    });
  }
  const payload = shell.data as ProgressPayload;
  checkReferences(payload);
  return payload;
}

/**
 * The checked payload of a progress file, or a `ProgressFileRefusal` saying what is wrong. Give
 * the file as a function that reads it (`() => fs.readFileSync(file)`) so that its bytes are
 * let go once the payload's text is out of them: at most one copy of the file's text is held
 * while the payload is parsed, and none while its records are checked.
 */
export function readProgressFile(file: Uint8Array | (() => Uint8Array)): ProgressPayload {
  return checkedPayload(verifiedPayload(typeof file === 'function' ? file : () => file));
}
