/**
 * The progress file format, version 1 (docs/progress-files.md). One UTF-8 JSON file:
 *
 *   {"format":"aula-progress","formatVersion":1,"signature":"<base64>","payload":"<JSON text>"}
 *
 * The signature is Ed25519 over the exact UTF-8 bytes of `payload` (a string, so no JSON
 * re-serialisation can change what was signed), by the key of the PC named inside the payload.
 * Records keep the column names of the tables they come from, so that the file reads like the
 * database and a new column is one new optional field.
 */
import { z } from 'zod';

export const PROGRESS_FILE_FORMAT = 'aula-progress';
export const PROGRESS_FILE_VERSION = 1;
export const PROGRESS_FILE_EXTENSION = '.aulaprogress';
/** Far above a shared PC's years of work (a million answers is about 250 MB), far below memory trouble. */
export const MAX_PROGRESS_FILE_BYTES = 256 * 1024 * 1024;

/** How every file starts: the exporter writes these keys first, so even a cut-off file says what it is. */
export const PROGRESS_FILE_START = `{"format":"${PROGRESS_FILE_FORMAT}"`;

export const EnvelopeSchema = z
  .object({
    format: z.literal(PROGRESS_FILE_FORMAT),
    formatVersion: z.number().int(),
    signature: z.string().min(1),
    payload: z.string().min(1),
  })
  .strict();
export type Envelope = z.infer<typeof EnvelopeSchema>;

const Id = z.string().min(1).max(200);
const Uuid = z.uuid();
const Time = z.iso.datetime();
const TimeOrNull = Time.nullable();
const Json = z.string().max(10 * 1024 * 1024);
const Flag = z.union([z.literal(0), z.literal(1)]);

export const PcSchema = z
  .object({
    id: z.string().regex(/^[0-9a-f]{16}$/),
    name: z.string().min(1).max(200),
    /** Raw Ed25519 public key, base64. */
    publicKey: z.string().min(1).max(100),
  })
  .strict();
export type ProgressFilePc = z.infer<typeof PcSchema>;

export const FileLearnerSchema = z
  .object({
    id: Uuid,
    displayName: z.string().min(1).max(200),
    language: z.string().min(2).max(10),
    createdAt: Time,
    /** The PC the learner's profile lives on when it is not the signing PC (a file passed on). */
    originPcId: PcSchema.shape.id.nullable(),
  })
  .strict();
export type FileLearner = z.infer<typeof FileLearnerSchema>;

/** Each table's rows as the file carries them; every column named as in the database. */
export const RecordSchemas = {
  lesson_progress: z
    .object({
      learner_id: Uuid,
      course_id: Id,
      lesson_id: Id,
      status: z.enum(['in-progress', 'completed']),
      first_opened_at: Time,
      completed_at: TimeOrNull,
      updated_at: Time,
      time_spent_seconds: z.number().int().min(0),
      scroll_fraction: z.number().min(0).max(1),
      last_opened_at: TimeOrNull,
      /** Absent in files from before Aula recorded it: read as first_opened_at, as migration 10 does. */
      reached_end_at: TimeOrNull.optional(),
    })
    .strict(),
  quiz_attempts: z
    .object({
      id: Uuid,
      learner_id: Uuid,
      course_id: Id,
      course_version: z.string().max(100),
      quiz_id: Id,
      started_at: Time,
      seed: z.string().max(200).nullable(),
      finished_at: TimeOrNull,
      score: z.number().nullable(),
      max_score: z.number().nullable(),
      pass_mark: z.number().nullable(),
      passed: Flag.nullable(),
    })
    .strict(),
  quiz_answers: z
    .object({
      id: Uuid,
      attempt_id: Uuid,
      question_id: Id,
      answer_json: Json,
      correct: Flag,
      score: z.number(),
      max_score: z.number(),
      answered_at: Time,
    })
    .strict(),
  exercise_submissions: z
    .object({
      id: Uuid,
      learner_id: Uuid,
      course_id: Id,
      course_version: z.string().max(100),
      exercise_id: Id,
      exercise_type: z.enum(['number', 'sql', 'process']),
      answer_json: Json,
      correct: Flag,
      score: z.number(),
      max_score: z.number(),
      outcome_json: Json,
      submitted_at: Time,
    })
    .strict(),
  canvas_revisions: z
    .object({
      id: Uuid,
      learner_id: Uuid,
      course_id: Id,
      canvas_id: Id,
      content_json: Json,
      saved_at: Time,
    })
    .strict(),
  certificates: z
    .object({
      id: Id,
      learner_id: Uuid,
      course_id: Id,
      course_version: z.string().max(100),
      course_title: z.string().max(500),
      learner_name: z.string().max(200),
      issuer_id: z.string().max(500),
      issuer_name: z.string().max(500),
      completed_at: Time,
      issued_at: Time,
      verification_code: z.string().max(200),
      credential_json: Json,
      qr_payload: z.string().max(10_000),
    })
    .strict(),
} as const;

export type RecordTable = keyof typeof RecordSchemas;
/** Parents before children, so foreign keys hold while importing. */
export const RECORD_TABLES = Object.keys(RecordSchemas) as RecordTable[];
export type FileRecord<T extends RecordTable> = z.infer<(typeof RecordSchemas)[T]>;

export const ExportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('learner') }).strict(),
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('group'), groupName: z.string().max(200) }).strict(),
]);
export type ExportScope = z.infer<typeof ExportScopeSchema>;

export const PayloadSchema = z
  .object({
    kind: z.literal(PROGRESS_FILE_FORMAT),
    formatVersion: z.literal(PROGRESS_FILE_VERSION),
    createdAt: Time,
    appVersion: z.string().max(100),
    /** The PC that made and signed the file. */
    pc: PcSchema,
    scope: ExportScopeSchema,
    /** Other PCs that learners in this file came from (they were imported there earlier). */
    origins: z.array(PcSchema),
    learners: z.array(FileLearnerSchema),
    records: z
      .object({
        lesson_progress: z.array(RecordSchemas.lesson_progress),
        quiz_attempts: z.array(RecordSchemas.quiz_attempts),
        quiz_answers: z.array(RecordSchemas.quiz_answers),
        exercise_submissions: z.array(RecordSchemas.exercise_submissions),
        canvas_revisions: z.array(RecordSchemas.canvas_revisions),
        certificates: z.array(RecordSchemas.certificates),
      })
      .strict(),
  })
  .strict();
export type ProgressPayload = z.infer<typeof PayloadSchema>;
