/** Schemas shared by the contract's channel groups. Like all of the contract: zod only. */
import { z } from 'zod';
import { ErrorParamsSchema, ErrorReasonSchema, type ErrorReason } from './error-reasons.js';
import { SUPPORTED_LANGUAGES } from './languages.js';

export { INTERFACE_LANGUAGES, isLanguage, SUPPORTED_LANGUAGES, type Language } from './languages.js';
export const LanguageSchema = z.enum(SUPPORTED_LANGUAGES);

/** Ids of courses, lessons, quizzes and questions: short, lower-case, safe in paths and URLs. */
export const SlugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens');

/** Learner ids are UUIDs so that records can later be merged between PCs without clashes. */
export const LearnerIdSchema = z.uuid();

/**
 * Proof that a learner's profile was opened (with its PIN, where it has one) in this launch of
 * Aula. Every channel that reads or writes a learner's work takes this, never a bare learner id.
 */
export const LearnerSessionSchema = z.string().min(20).max(100);

export const NoArgs = z.object({}).strict();
export const LearnerArgs = z.object({ session: LearnerSessionSchema }).strict();
export const CourseArgs = LearnerArgs.extend({ courseId: SlugSchema }).strict();
export const LessonArgs = CourseArgs.extend({ lessonId: SlugSchema }).strict();
export const QuizArgs = CourseArgs.extend({ quizId: SlugSchema }).strict();

/** Errors a channel call may end in; `message` is written for a person to act on. */
export const ApiErrorCodeSchema = z.enum([
  'invalid-arguments',
  'unknown-channel',
  'not-found',
  'conflict',
  'forbidden',
  'internal',
  /** learners.open on a profile that has a PIN, without one. */
  'pin-required',
  /** learners.open with the wrong PIN; `retryAfterSeconds` says when the next try is allowed. */
  'wrong-pin',
  /** Too many wrong PINs: no try is accepted until `retryAfterSeconds` have passed. */
  'pin-locked',
  /** A write failed because the disk is full: nothing was saved, the app carries on. */
  'disk-full',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

export const ApiErrorSchema = z.object({
  code: ApiErrorCodeSchema,
  message: z.string(),
  /** Why, as a stable key the renderer translates (`errors.<reason>`); `message` is the English fallback. */
  reason: ErrorReasonSchema.optional(),
  /** The facts the translated sentence needs (names, titles, numbers). */
  params: ErrorParamsSchema.optional(),
  details: z.array(z.string()).optional(),
  /** For wrong-pin and pin-locked: how long the person must wait before trying again. */
  retryAfterSeconds: z.number().int().nonnegative().optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** Every call, in either shell, resolves to this envelope rather than throwing across the boundary. */
export type ApiResponse<T> = { ok: true; result: T } | { ok: false; error: ApiError };

/**
 * A channel that takes a file (a course pack, a progress file): the file is not one of `args`
 * but travels beside them, the way each shell moves large data best (a streamed HTTP body in
 * browser mode, chunks over IPC in the desktop shell). Both receive it into a file in the data
 * folder, refusing it as soon as it grows past `maxBytes`, and the core's handler gets the file's
 * path as the argument `field`. Nothing holds the whole file in memory on its way in.
 */
export interface UploadSpec {
  /** The handler's argument that names the received file. */
  field: string;
  /** Larger files are refused while they arrive (the core may check tighter limits inside). */
  maxBytes: number;
  /** How a larger file is refused: a reason the renderer translates, and its English wording. */
  tooLarge: { reason: ErrorReason; message: string };
}

/** A channel's entry in the registry. */
export interface ChannelSpec {
  args: z.ZodType;
  result: z.ZodType;
  /** Present on channels that take a file beside their arguments (see UploadSpec). */
  upload?: UploadSpec;
}
