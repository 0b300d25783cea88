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

/**
 * How the PC that signed an imported file stands here (PCs are remembered by their key on first
 * import, docs/progress-files.md): `new` (the first file from it), `known`, or `this-pc` (this
 * installation's own file came back).
 */
export const PcStandingSchema = z.object({
  kind: z.enum(['new', 'known', 'this-pc']),
  /** A known PC whose file gives it another name: the name it had here until now. */
  previousName: z.string().nullable(),
  /** Other known PCs (other keys) that go by the file's name: the file may claim another PC's name. */
  otherPcsWithName: z.number().int(),
});
export type PcStanding = z.infer<typeof PcStandingSchema>;

/** What an import did: what was new here and what this PC already had. */
export const ProgressImportSummarySchema = z.object({
  pcName: z.string(),
  createdAt: z.string(),
  learners: NewAndKnownSchema,
  attempts: NewAndKnownSchema,
  /** Lesson progress, answers, exercise submissions, canvas revisions and certificates. */
  otherRecords: NewAndKnownSchema,
  pcStanding: PcStandingSchema,
});
export type ProgressImportSummary = z.infer<typeof ProgressImportSummarySchema>;

export const PcIdentitySchema = z.object({
  /** The key id progress files from this PC carry. */
  pcId: z.string(),
  pcName: z.string(),
});
export type PcIdentity = z.infer<typeof PcIdentitySchema>;

/** A PC whose progress files were imported here, remembered by its key. */
export const KnownPcSchema = z.object({
  pcId: z.string(),
  /** The name its first file imported here gave it. */
  firstName: z.string(),
  /** The name its latest file imported here gave it. */
  lastName: z.string(),
  firstImportedAt: z.string(),
  lastImportedAt: z.string(),
  /** When a manager blocked it (its files are refused); null: its files are accepted. */
  blockedAt: z.string().nullable(),
  /** Learners here who came from it. */
  learners: z.number().int(),
});
export type KnownPc = z.infer<typeof KnownPcSchema>;

const PcIdArgs = LearnerArgs.extend({ pcId: z.string().regex(/^[0-9a-f]{16}$/) });

export const progressFileChannels = {
  /** The session's own learner's progress. */
  'progressFiles.exportOwn': { args: LearnerArgs, result: ExportedProgressFileSchema },
  /** Everyone's progress (profiles of this PC and learners imported here), or one group's. */
  'progressFiles.exportAll': {
    args: LearnerArgs.extend({ groupId: GroupIdSchema.optional() }).strict(),
    result: ExportedProgressFileSchema,
  },
  /** Imports a progress file from another PC (sent as an upload, see UploadSpec). */
  'progressFiles.import': {
    args: LearnerArgs,
    result: ProgressImportSummarySchema,
    upload: {
      field: 'file',
      maxBytes: MAX_PROGRESS_UPLOAD_BYTES,
      tooLarge: { reason: 'progress-file.too-large', message: 'This file is larger than any progress file Aula accepts.' },
    },
  },
  'progressFiles.identity': { args: LearnerArgs, result: PcIdentitySchema },
  'progressFiles.setPcName': {
    args: LearnerArgs.extend({ name: z.string().trim().min(1).max(80) }).strict(),
    result: PcIdentitySchema,
  },
  /** The PCs files were imported from, for a manager to see, block or forget. */
  'progressFiles.knownPcs': { args: LearnerArgs, result: z.array(KnownPcSchema) },
  /** Refuses (or, with `blocked: false`, accepts again) later files signed by this PC's key. */
  'progressFiles.blockPc': {
    args: PcIdArgs.extend({ blocked: z.boolean() }).strict(),
    result: z.array(KnownPcSchema),
  },
  /** Forgets a PC: its next file counts as the first one. Its learners and their work stay. */
  'progressFiles.forgetPc': { args: PcIdArgs.strict(), result: z.array(KnownPcSchema) },
} as const satisfies Record<string, ChannelSpec>;
