/**
 * Why a call failed, as a stable key the renderer translates (`errors.<reason>` in its language
 * files), with the facts the sentence needs in `params`. The core's English `message` stays for
 * the command-line tools, the logs, and as the fallback when a translation is missing.
 *
 * Every reason here needs an entry in both renderer/src/i18n/en.json and ca.json (a unit test
 * checks it); ApiFailure accepts only these reasons.
 */
import { z } from 'zod';

export const ERROR_REASONS = [
  // The dispatch and the client themselves.
  'request.unknown-channel',
  'request.invalid-arguments',
  'request.internal',
  'request.core-stopped',
  'request.bad-reply',
  // The disk is full: nothing was saved.
  'data.disk-full',
  // The progress file turned out damaged while Aula was running.
  'data.damaged',
  // Learner profiles.
  'profile.not-open',
  'profile.not-found',
  'profile.name-taken',
  'profile.name-unprintable',
  'profile.pin-required',
  'profile.wrong-pin',
  'profile.pin-locked',
  // Managing the installation (packs, trust, developer options, other people's profiles).
  'profile.manager-required',
  'profile.last-manager',
  // Groups of learners (reports).
  'group.not-found',
  'group.name-taken',
  // Progress files from other PCs (docs/progress-files.md): refused before anything is imported.
  'progress-file.wrong-kind',
  'progress-file.incomplete',
  'progress-file.other-version',
  'progress-file.tampered',
  'progress-file.invalid',
  'progress-file.too-large',
  'progress-file.blocked-pc',
  'progress-file.unknown-pc',
  // An export whose file would be larger than an import accepts, by what was exported.
  'progress-file.export-too-large-learner',
  'progress-file.export-too-large-all',
  'progress-file.export-too-large-group',
  // Learning records (xAPI).
  'lrs.iri-base-invalid',
  // Courses and lessons.
  'course.not-installed',
  'course.not-loaded',
  'course.bundled',
  'lesson.not-found',
  'lesson.not-opened',
  // Quizzes.
  'quiz.not-found',
  'quiz.question-not-found',
  'quiz.attempts-used',
  'quiz.attempt-finished',
  'quiz.already-answered',
  'quiz.nothing-answered',
  'quiz.already-finished',
  'quiz.attempt-open',
  // Answers that do not fit their question (AnswerShapeError).
  'answer.given-twice',
  'answer.no-choice',
  'answer.choose-one',
  'answer.number-empty',
  'answer.not-a-number',
  'answer.text-empty',
  'answer.no-item',
  'answer.order-all',
  'answer.no-match-item',
  'answer.match-all',
  'answer.no-option',
  'answer.no-blank',
  'answer.fill-blanks',
  'answer.wrong-type',
  // Exercises and canvases.
  'exercise.not-found',
  'exercise.wrong-type',
  'exercise.not-a-number',
  'exercise.reference-fails',
  'canvas.nothing-saved',
  // Certificates.
  'certificate.not-offered',
  'certificate.not-completed',
  'certificate.not-completed-quizzes',
  'certificate.not-completed-lessons',
  'certificate.not-completed-both',
  'certificate.not-found',
  // Course packs (PackRefusal; `entry` names the file in the pack where the English does).
  'pack.upload-too-large',
  'pack.no-longer-staged',
  'pack.not-a-zip',
  'pack.zip-damaged',
  'pack.invalid-name',
  'pack.unsafe-name',
  'pack.absolute-path',
  'pack.leaves-folder',
  'pack.path-too-long',
  'pack.symlink',
  'pack.encrypted',
  'pack.duplicate-path',
  'pack.entry-too-large',
  'pack.entry-expands',
  'pack.too-large',
  'pack.too-many-entries',
  'pack.no-manifest',
  'pack.manifest-unreadable',
  'pack.manifest-not-json',
  'pack.manifest-invalid',
  'pack.format-newer',
  'pack.format-unknown',
  'pack.key-mismatch',
  'pack.missing-signature',
  'pack.bad-signature',
  'pack.signature-without-signer',
  'pack.unlisted-entry',
  'pack.entry-changed',
  'pack.entry-missing',
  'pack.entry-damaged',
  'pack.checksum-mismatch',
  'pack.unsigned',
  'pack.untrusted-signer',
  'pack.outside-course',
  'pack.invalid-course',
  'pack.course-mismatch',
] as const;

export const ErrorReasonSchema = z.enum(ERROR_REASONS);
export type ErrorReason = z.infer<typeof ErrorReasonSchema>;

/** The facts a translated sentence needs: names, titles, numbers (a `count` picks the plural). */
export const ErrorParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type ErrorParams = z.infer<typeof ErrorParamsSchema>;

/** A reason with its params, as carried by ApiFailure and by the core's refusal errors. */
export interface ErrorFacts {
  reason: ErrorReason;
  params?: ErrorParams;
}
