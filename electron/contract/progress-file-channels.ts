import { z } from 'zod';
import { LearnerArgs, type ChannelSpec } from './common.js';
import { GroupIdSchema } from './report-channels.js';

/**
 * Progress files (docs/progress-files.md): one signed file with learners' work, carried to another
 * PC by USB stick. A learner's session exports its own learner only; exporting everyone or a group,
 * importing and naming this PC take a manager's session. The core checks both on every call.
 */

/** Largest progress file the app accepts from a file picker (the core's own limit is checked inside). */
export const MAX_PROGRESS_UPLOAD_BYTES = 256 * 1024 * 1024;

export const ExportedProgressFileSchema = z.object({
  fileName: z.string(),
  base64: z.string(),
  /** How many learners the file carries. */
  learners: z.number().int(),
});
export type ExportedProgressFile = z.infer<typeof ExportedProgressFileSchema>;

const NewAndKnownSchema = z.object({ new: z.number().int(), known: z.number().int() });

/** What an import did: what was new here and what this PC already had. */
export const ProgressImportSummarySchema = z.object({
  pcName: z.string(),
  createdAt: z.string(),
  learners: NewAndKnownSchema,
  attempts: NewAndKnownSchema,
  /** Lesson progress, answers, exercise submissions, canvas revisions and certificates. */
  otherRecords: NewAndKnownSchema,
});
export type ProgressImportSummary = z.infer<typeof ProgressImportSummarySchema>;

export const PcIdentitySchema = z.object({
  /** The key id progress files from this PC carry. */
  pcId: z.string(),
  pcName: z.string(),
});
export type PcIdentity = z.infer<typeof PcIdentitySchema>;

export const progressFileChannels = {
  /** The session's own learner's progress. */
  'progressFiles.exportOwn': { args: LearnerArgs, result: ExportedProgressFileSchema },
  /** Everyone's progress (profiles of this PC and learners imported here), or one group's. */
  'progressFiles.exportAll': {
    args: LearnerArgs.extend({ groupId: GroupIdSchema.optional() }).strict(),
    result: ExportedProgressFileSchema,
  },
  /**
   * Desktop shell: the file's bytes over IPC. Browser mode posts the file itself to this channel's
   * URL, with the session in the `x-aula-session` header, as course packs are uploaded.
   */
  'progressFiles.import': {
    args: LearnerArgs.extend({
      bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_PROGRESS_UPLOAD_BYTES, 'the file is too large'),
    }).strict(),
    result: ProgressImportSummarySchema,
  },
  'progressFiles.identity': { args: LearnerArgs, result: PcIdentitySchema },
  'progressFiles.setPcName': {
    args: LearnerArgs.extend({ name: z.string().trim().min(1).max(80) }).strict(),
    result: PcIdentitySchema,
  },
} as const satisfies Record<string, ChannelSpec>;
