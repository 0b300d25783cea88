import { z } from 'zod';
import { LearnerArgs, NoArgs, SlugSchema, type ChannelSpec } from './common.js';

/** Largest pack the app accepts from a file picker or drop (the pack's own limits apply inside). */
export const MAX_PACK_UPLOAD_BYTES = 300 * 1024 * 1024;

export const StagedPackSchema = z.object({
  /** Names the uploaded pack until it is installed or discarded. */
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  course: z.object({ id: SlugSchema, version: z.string(), title: z.string() }),
  signer: z.object({ name: z.string(), keyId: z.string() }).nullable(),
  /** Whether this installation already trusts the signer; if not, the person is asked first. */
  trusted: z.boolean(),
  /** Whether the developer option allows installing an unsigned pack. */
  unsignedAllowed: z.boolean(),
  installedVersion: z.string().nullable(),
});
export type StagedPack = z.infer<typeof StagedPackSchema>;

export const InstalledCourseSchema = z.object({
  courseId: SlugSchema,
  version: z.string(),
  title: z.string(),
  replacedVersion: z.string().nullable(),
  signerName: z.string().nullable(),
});
export type InstalledCourse = z.infer<typeof InstalledCourseSchema>;

/** Every channel that manages the installation takes the session of a manager's profile. */
const TokenArgs = LearnerArgs.extend({ token: StagedPackSchema.shape.token }).strict();

export const packChannels = {
  /** Checks a pack file (sent as an upload, see UploadSpec) and keeps it until installed or discarded. */
  'packs.stage': {
    args: LearnerArgs,
    result: StagedPackSchema,
    upload: {
      field: 'file',
      maxBytes: MAX_PACK_UPLOAD_BYTES,
      tooLarge: { reason: 'pack.upload-too-large', message: 'This file is larger than any course pack Aula accepts.' },
    },
  },
  'packs.install': { args: TokenArgs.extend({ trustSigner: z.boolean() }).strict(), result: InstalledCourseSchema },
  'packs.discard': { args: TokenArgs, result: z.object({}) },
  /** Removes an installed course; learners' records of it stay. */
  'courses.uninstall': {
    args: LearnerArgs.extend({ courseId: SlugSchema }).strict(),
    result: z.object({ courseId: SlugSchema }),
  },
  /** Courses that could not be loaded, each with the file and reason, for the catalog and preview. */
  'catalog.problems': { args: NoArgs, result: z.array(z.string()) },
  'settings.developer': { args: LearnerArgs, result: z.object({ allowUnsignedPacks: z.boolean() }) },
  'settings.setAllowUnsignedPacks': {
    args: LearnerArgs.extend({ allowed: z.boolean() }).strict(),
    result: z.object({ allowUnsignedPacks: z.boolean() }),
  },
} as const satisfies Record<string, ChannelSpec>;
