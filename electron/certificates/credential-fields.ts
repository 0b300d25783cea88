/**
 * Reads what a certificate says out of its Open Badges credential: the fields a person checks
 * (who, which course, when, how much, who issued it). Anything missing or of the wrong shape is a
 * malformed certificate, whatever its proof says.
 */
import { z } from 'zod';
import { STUDY_HOURS_RESULT, verificationCodeOf, type Credential } from './achievement-credential.js';

const TypeList = z.union([z.string(), z.array(z.string())]);

const ResultDescriptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  resultType: z.string(),
  requiredValue: z.string().optional(),
});
const ResultSchema = z.object({
  resultDescription: z.string().optional(),
  value: z.string().optional(),
  status: z.string().optional(),
});

const CredentialShape = z.object({
  id: z.string().regex(/^urn:uuid:[0-9a-f-]{36}$/),
  type: TypeList,
  validFrom: z.string(),
  awardedDate: z.string(),
  issuer: z.object({
    id: z.string().startsWith('did:key:'),
    name: z.string(),
    url: z.string().optional(),
    image: z.object({ id: z.string() }).optional(),
  }),
  credentialSubject: z.object({
    identifier: z.array(z.object({ identityType: z.string(), identityHash: z.string(), hashed: z.boolean() })),
    achievement: z.object({
      name: z.string(),
      version: z.string(),
      humanCode: z.string(),
      resultDescription: z.array(ResultDescriptionSchema),
    }),
    result: z.array(ResultSchema),
  }),
  proof: z.object({ type: z.string(), cryptosuite: z.string(), verificationMethod: z.string(), proofValue: z.string() }),
});

export interface CertificateScore {
  title: string;
  percent: number;
  passMark: number | null;
}

export interface CertificateFields {
  certificateId: string;
  verificationCode: string;
  learnerName: string;
  courseId: string;
  courseTitle: string;
  courseVersion: string;
  completedAt: string;
  issuedAt: string;
  hours: number | null;
  scores: CertificateScore[];
  issuerId: string;
  issuerName: string;
  issuerUrl: string | null;
  issuerLogo: string | null;
}

export class MalformedCertificateError extends Error {
  constructor(detail: string) {
    super(`This is not a complete Aula certificate: ${detail}.`);
    this.name = 'MalformedCertificateError';
  }
}

export function readCertificateFields(credential: Credential): CertificateFields {
  const parsed = CredentialShape.safeParse(credential);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MalformedCertificateError(`${issue?.path.join('.') || 'the credential'}: ${issue?.message ?? 'unexpected shape'}`);
  }
  const data = parsed.data;
  const types = Array.isArray(data.type) ? data.type : [data.type];
  if (
    !types.includes('VerifiableCredential') ||
    !(types.includes('OpenBadgeCredential') || types.includes('AchievementCredential'))
  ) {
    throw new MalformedCertificateError('it is not an Open Badges credential');
  }
  const name = data.credentialSubject.identifier.find((entry) => entry.identityType === 'name' && !entry.hashed);
  if (!name) throw new MalformedCertificateError("the learner's name is missing");
  const descriptions = new Map(
    data.credentialSubject.achievement.resultDescription.map((description) => [description.id, description]),
  );
  let hours: number | null = null;
  const scores: CertificateScore[] = [];
  for (const result of data.credentialSubject.result) {
    const description = result.resultDescription ? descriptions.get(result.resultDescription) : undefined;
    if (!description || result.value === undefined) continue;
    if (description.resultType === STUDY_HOURS_RESULT) hours = Number(result.value);
    if (description.resultType === 'Percent') {
      const passMark = description.requiredValue === undefined ? null : Number(description.requiredValue);
      scores.push({ title: description.name, percent: Number(result.value), passMark });
    }
  }
  const certificateId = data.id.slice('urn:uuid:'.length);
  return {
    certificateId,
    verificationCode: verificationCodeOf(data.id),
    learnerName: name.identityHash,
    courseId: data.credentialSubject.achievement.humanCode,
    courseTitle: data.credentialSubject.achievement.name,
    courseVersion: data.credentialSubject.achievement.version,
    completedAt: data.awardedDate,
    issuedAt: data.validFrom,
    hours: hours !== null && Number.isFinite(hours) ? hours : null,
    scores,
    issuerId: data.issuer.id,
    issuerName: data.issuer.name,
    issuerUrl: data.issuer.url ?? null,
    issuerLogo: data.issuer.image?.id ?? null,
  };
}
