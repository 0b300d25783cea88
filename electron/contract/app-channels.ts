import { z } from 'zod';
import { LanguageSchema, NoArgs, type ChannelSpec } from './common.js';

/**
 * Something the person must know about this start of Aula, shown once on the first screen
 * (the renderer words it in the person's language from these fields).
 */
/** What was salvaged from a damaged database's readable pages, beyond what the backup held. */
export const RecoveredWorkSchema = z.object({
  answers: z.number().int(),
  attempts: z.number().int(),
  lessons: z.number().int(),
  exercises: z.number().int(),
  canvases: z.number().int(),
  certificates: z.number().int(),
  profiles: z.number().int(),
  /** The newest time among the recovered records. */
  newestAt: z.string().nullable(),
});
export type RecoveredWork = z.infer<typeof RecoveredWorkSchema>;

export const StartupNoticeSchema = z.discriminatedUnion('kind', [
  /** The database was damaged and was replaced by a backup: work after `backupMadeAt` may be missing. */
  z.object({
    id: z.string(),
    kind: z.literal('restored-from-backup'),
    backupMadeAt: z.string(),
    damagedFolder: z.string(),
    /** Records salvaged from the damaged file and added to the backup. */
    recovered: RecoveredWorkSchema.optional(),
  }),
  /** The database was damaged and no sound backup existed: Aula started with what could be salvaged. */
  z.object({
    id: z.string(),
    kind: z.literal('started-fresh'),
    damagedFolder: z.string(),
    recovered: RecoveredWorkSchema.optional(),
  }),
  /**
   * The database is older than the last write Aula recorded beside it (its -wal was probably
   * deleted after a crash): work saved after `databaseNewestAt` may be missing.
   */
  z.object({
    id: z.string(),
    kind: z.literal('older-than-last-write'),
    lastWriteAt: z.string(),
    databaseNewestAt: z.string().nullable(),
  }),
  /** An automatic backup could not be made (the work itself is saved). */
  z.object({ id: z.string(), kind: z.literal('backup-failed'), diskFull: z.boolean() }),
  /** There was no progress file, but there are backups of an earlier one (newest made at `backupMadeAt`). */
  z.object({ id: z.string(), kind: z.literal('missing-with-backups'), backupMadeAt: z.string(), backupsFolder: z.string() }),
]);
export type StartupNotice = z.infer<typeof StartupNoticeSchema>;

/**
 * How a partner's package presents Aula (the partner file's window title and accent colour); all null in plain Aula.
 */
export const BrandingSchema = z.object({
  windowTitle: z.string().nullable(),
  accentColour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .nullable(),
});
export type Branding = z.infer<typeof BrandingSchema>;

export const appChannels = {
  'app.info': {
    args: NoArgs,
    result: z.object({
      version: z.string(),
      language: LanguageSchema,
      languages: z.array(LanguageSchema),
      /** Pages reload when course files change (`course preview`): listen on /events. */
      liveReload: z.boolean(),
      /** What the person must know about this start (a restored database, a failed backup). */
      notices: z.array(StartupNoticeSchema),
      branding: BrandingSchema,
      /**
       * The host of the LRS a manager set up (learning records leave the PC for it), or null. The
       * profile picker and the first-run welcome say so (GDPR: people are told before, not after).
       */
      learningRecordsSentTo: z.string().nullable(),
    }),
  },
  /** The person has read a startup notice: it is not shown again in this launch. */
  'app.dismissNotice': {
    args: z.object({ id: z.string().min(1).max(100) }).strict(),
    result: z.object({ dismissed: z.boolean() }),
  },
  'settings.setLanguage': {
    args: z.object({ language: LanguageSchema }).strict(),
    result: z.object({ language: LanguageSchema }),
  },
} as const satisfies Record<string, ChannelSpec>;
