import { z } from 'zod';
import { LearnerArgs, type ChannelSpec } from './common.js';

/**
 * Sending xAPI statements to a Learning Record Store (LRS). Every channel takes a manager's
 * session (checked in the core). The LRS secret goes in and never comes back out: no channel
 * returns it, so neither a learner's page nor a lesson can read it.
 */

/** Why the last try to send failed; the renderer words it in the person's language. */
export const LRS_PROBLEMS = [
  /** No answer: the PC is offline, the address is wrong, or the LRS is down. */
  'unreachable',
  /** The LRS refused the key and secret (401/403). */
  'credentials',
  /** The LRS refused the statements themselves (400). */
  'rejected',
  /** Any other answer (5xx, an unexpected status). */
  'server',
] as const;
export const LrsProblemSchema = z.enum(LRS_PROBLEMS);
export type LrsProblem = z.infer<typeof LrsProblemSchema>;

export const LrsLastErrorSchema = z.object({
  problem: LrsProblemSchema,
  /** The HTTP status, when the LRS answered. */
  status: z.number().int().nullable(),
  /** What the LRS or the network said, untranslated (for the person who runs the LRS). */
  detail: z.string(),
  at: z.string(),
});
export type LrsLastError = z.infer<typeof LrsLastErrorSchema>;

export const LrsStatusSchema = z.object({
  /** The statements resource's base, e.g. https://lrs.example.org/data/xAPI/; null: no LRS set. */
  endpoint: z.string().nullable(),
  key: z.string().nullable(),
  /** Whether a secret is stored (never the secret itself). */
  secretSet: z.boolean(),
  /** Statements recorded and not yet accepted by the LRS. */
  waiting: z.number().int(),
  lastSentAt: z.string().nullable(),
  lastError: LrsLastErrorSchema.nullable(),
  /** When the sender tries again after a failure; null when it is not waiting to retry. */
  nextTryAt: z.string().nullable(),
  /** The base new statements' activity ids are made under: `urn:aula:` (the default) or an https base. */
  iriBase: z.string(),
});
export type LrsStatus = z.infer<typeof LrsStatusSchema>;

/** An http(s) address; Aula appends `statements` to it. */
export const LrsEndpointSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => /^https?:\/\/[^\s/]+/i.test(value) && URL.canParse(value), 'must be an http:// or https:// address');

export const ExportedOutboxSchema = z.object({
  fileName: z.string(),
  /** A JSON array of every statement recorded, the body of one POST to an LRS's statements resource. */
  json: z.string(),
  count: z.number().int(),
});
export type ExportedOutbox = z.infer<typeof ExportedOutboxSchema>;

export const lrsChannels = {
  'lrs.status': { args: LearnerArgs, result: LrsStatusSchema },
  /**
   * Sets (or, with `endpoint: null`, removes) the LRS. Without `secret`, the stored secret is kept,
   * so a manager can change the address without typing the secret again.
   */
  'lrs.configure': {
    args: LearnerArgs.extend({
      endpoint: LrsEndpointSchema.nullable(),
      key: z.string().trim().max(500),
      secret: z.string().max(500).optional(),
      /**
       * An https base for activity ids (absolute, ending in '/', checked by the core), or null for
       * the default `urn:aula:`; left out, the stored base is kept.
       */
      iriBase: z.string().trim().max(500).nullable().optional(),
    }).strict(),
    result: LrsStatusSchema,
  },
  /** Tries to send what is waiting now (also while waiting to retry); answers once the try is over. */
  'lrs.sendNow': { args: LearnerArgs, result: LrsStatusSchema },
  'lrs.exportOutbox': { args: LearnerArgs, result: ExportedOutboxSchema },
} as const satisfies Record<string, ChannelSpec>;
