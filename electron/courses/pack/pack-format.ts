/**
 * The course pack: one zip file holding a compiled course, a manifest with the SHA-256 of every
 * file, and an Ed25519 signature over the manifest's exact bytes.
 *
 *   aula-pack.json   the manifest (format version, course identity, signer, files)
 *   aula-pack.sig    base64 Ed25519 signature of aula-pack.json (absent in an unsigned pack)
 *   course/...       the compiled course: course.yaml, lessons/<id>.js and .json, quizzes/,
 *                    exercises/, data/, assets/
 */
import { z } from 'zod';
import { SlugSchema } from '../../contract/channels.js';

export const PACK_FORMAT_VERSION = 1;
export const PACK_MANIFEST_NAME = 'aula-pack.json';
export const PACK_SIGNATURE_NAME = 'aula-pack.sig';
export const PACK_COURSE_PREFIX = 'course/';
export const PACK_FILE_EXTENSION = '.aulapack';

/** Refusal limits: a pack over them is refused before anything is extracted. */
export const PACK_LIMITS = {
  maxEntries: 5000,
  maxEntryBytes: 200 * 1024 * 1024,
  maxTotalBytes: 500 * 1024 * 1024,
  /** A real course compresses far less than this; more means a zip bomb. */
  maxCompressionRatio: 100,
  maxManifestBytes: 2 * 1024 * 1024,
  maxPathLength: 240,
} as const;

export const PackSignerSchema = z.object({
  name: z.string().min(1).max(200),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
});
export type PackSigner = z.infer<typeof PackSignerSchema>;

export const PackFileSchema = z.object({
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const PackManifestSchema = z
  .object({
    format: z.literal(PACK_FORMAT_VERSION),
    course: z.object({ id: SlugSchema, version: z.string(), title: z.string() }),
    signer: PackSignerSchema.nullable(),
    files: z.array(PackFileSchema),
  })
  .strict();
export type PackManifest = z.infer<typeof PackManifestSchema>;
