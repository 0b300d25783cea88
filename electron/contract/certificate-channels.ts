import { z } from 'zod';
import { CourseArgs, LearnerArgs, SlugSchema, type ChannelSpec } from './common.js';

/** A certificate in the learner's list (the signed credential itself stays in the core). */
export const CertificateSummarySchema = z.object({
  certificateId: z.uuid(),
  courseId: SlugSchema,
  courseTitle: z.string(),
  courseVersion: z.string(),
  learnerName: z.string(),
  completedAt: z.string(),
  issuedAt: z.string(),
  /** The short code printed on the certificate. */
  verificationCode: z.string(),
  issuerName: z.string(),
});
export type CertificateSummary = z.infer<typeof CertificateSummarySchema>;

/** Whether a course offers this learner a certificate now, and the one issued already, if any. */
export const CertificateStatusSchema = z.object({
  courseId: SlugSchema,
  offered: z.boolean(),
  /** The completion rule is met (checked in the core). */
  eligible: z.boolean(),
  certificate: CertificateSummarySchema.nullable(),
});
export type CertificateStatus = z.infer<typeof CertificateStatusSchema>;

export const CERTIFICATE_FORMATS = ['pdf', 'json'] as const;
export const PAPER_SIZES = ['a4', 'letter'] as const;
export type CertificateFormat = (typeof CERTIFICATE_FORMATS)[number];
export type PaperSize = (typeof PAPER_SIZES)[number];

export const ExportedCertificateSchema = z.object({
  fileName: z.string(),
  mediaType: z.enum(['application/pdf', 'application/json']),
  base64: z.string(),
});
export type ExportedCertificate = z.infer<typeof ExportedCertificateSchema>;

/** A certificate file sent to be checked, as base64; bigger than any Aula certificate is refused. */
export const MAX_CHECKED_CERTIFICATE_BASE64 = 960_000;

export const CheckedFieldsSchema = z.object({
  certificateId: z.string(),
  verificationCode: z.string(),
  learnerName: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  courseVersion: z.string(),
  completedAt: z.string(),
  issuedAt: z.string(),
  hours: z.number().nullable(),
  scores: z.array(z.object({ title: z.string(), percent: z.number(), passMark: z.number().nullable() })),
  issuerId: z.string(),
  issuerName: z.string(),
  issuerUrl: z.string().nullable(),
});
export type CheckedFields = z.infer<typeof CheckedFieldsSchema>;

/** Parts of a certificate page that the check compares with the signed credential. */
export const PRINTED_DIFFERENCES = [
  'learner-name',
  'course-title',
  'course-version',
  'completion-date',
  'hours',
  'result',
  'verification-code',
  'issuer',
  'wording',
  'qr-code',
  'extra-text',
] as const;

/** The verdict on a certificate file, the same as `npm run certificate -- verify` gives. */
export const CertificateVerdictSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('valid'), issuer: z.enum(['this-installation', 'trusted']), fields: CheckedFieldsSchema }),
  z.object({ status: z.literal('unknown-issuer'), fields: CheckedFieldsSchema }),
  z.object({
    status: z.literal('page-unchecked'),
    reason: z.string(),
    issuer: z.enum(['this-installation', 'trusted']),
    fields: CheckedFieldsSchema,
  }),
  z.object({
    status: z.literal('tampered'),
    reason: z.string(),
    fields: CheckedFieldsSchema,
    /** When the printed page differs from the signed credential: which part. */
    printed: z.enum(PRINTED_DIFFERENCES).optional(),
  }),
  z.object({ status: z.literal('malformed'), reason: z.string() }),
]);
export type CertificateVerdictResult = z.infer<typeof CertificateVerdictSchema>;

export const certificateChannels = {
  /** The open profile's certificates, newest first. */
  'certificates.list': { args: LearnerArgs, result: z.array(CertificateSummarySchema) },
  'certificates.status': { args: CourseArgs, result: CertificateStatusSchema },
  /**
   * Issues the certificate for a completed course (or returns the one already issued). Fails with
   * `forbidden` before the completion rule is met, or if the course offers no certificate.
   */
  'certificates.issue': { args: CourseArgs, result: CertificateSummarySchema },
  'certificates.export': {
    args: LearnerArgs.extend({
      certificateId: z.uuid(),
      format: z.enum(CERTIFICATE_FORMATS),
      paper: z.enum(PAPER_SIZES).default('a4'),
    }).strict(),
    result: ExportedCertificateSchema,
  },
  /** Checks any certificate file (PDF or Open Badges JSON); no profile needed. */
  'certificates.check': {
    args: z
      .object({
        contentBase64: z
          .string()
          .max(MAX_CHECKED_CERTIFICATE_BASE64, 'the file is larger than any Aula certificate')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
      })
      .strict(),
    result: CertificateVerdictSchema,
  },
} as const satisfies Record<string, ChannelSpec>;
