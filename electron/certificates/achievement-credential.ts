/**
 * The Open Badges 3.0 credential behind every Aula certificate: an OpenBadgeCredential
 * (Verifiable Credentials Data Model 2.0) whose subject is the learner, named exactly as in their
 * profile, and whose achievement is the course. Only terms defined by the bundled VC 2.0 and
 * Open Badges 3.0 contexts are used, so the JSON-LD processing that the proof relies on never
 * drops or guesses a field.
 */
import { createHash } from 'node:crypto';
import { OPEN_BADGES_CONTEXT, VC_CONTEXT_V2 } from './bundled-documents.js';
import { credentialText } from './credential-text.js';

export interface QuizScore {
  quizId: string;
  title: string;
  /** The learner's best finished attempt, in percent (0-100, rounded). */
  bestPercent: number;
  passMark: number;
}

/** What a certificate states, gathered by the core from the profile, the course and the attempts. */
export interface CertificateFacts {
  certificateId: string;
  learnerName: string;
  courseId: string;
  courseTitle: string;
  courseVersion: string;
  courseSummary: string;
  /** The language the course title, summary and quiz titles are in; the credential's own words follow it. */
  courseLanguage: string;
  /** How the course was completed, in words (the completion rule), in `courseLanguage`. */
  criteria: string;
  completedAt: string;
  issuedAt: string;
  hours: number;
  quizzes: QuizScore[];
}

export interface IssuerProfile {
  did: string;
  name: string;
  url?: string;
  logoDataUri?: string;
}

export type Credential = Record<string, unknown>;

/** A stable URN from some text: the same course version by the same issuer is the same achievement. */
function nameBasedUrn(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  // Shaped as a UUID (version 8, "custom"), so tools that expect urn:uuid accept it.
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The short code printed on a certificate, derived from its id: the check of a file shows the
 * same code, so a reader can tell that a printout and a file are the same certificate.
 */
export function verificationCodeOf(credentialId: string): string {
  const digest = createHash('sha256').update(credentialId).digest();
  let bits = 0;
  let value = 0;
  let code = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && code.length < 10) {
      code += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (code.length >= 10) break;
  }
  return `${code.slice(0, 5)}-${code.slice(5, 10)}`;
}

/** Hours written as people do: 0.5, 2, 12.5. */
export function formatHours(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}

export const STUDY_HOURS_RESULT = 'ext:StudyHours';

/** The unsigned credential; `signCredential` adds the proof. */
export function buildAchievementCredential(facts: CertificateFacts, issuer: IssuerProfile): Credential {
  const achievementId = nameBasedUrn(`aula-achievement|${issuer.did}|${facts.courseId}|${facts.courseVersion}`);
  const completion = `${achievementId}#completion`;
  const studyHours = `${achievementId}#study-hours`;
  const quizDescription = (quizId: string) => `${achievementId}#quiz-${quizId}`;
  const text = credentialText(facts.courseLanguage);
  return {
    '@context': [VC_CONTEXT_V2, OPEN_BADGES_CONTEXT],
    id: `urn:uuid:${facts.certificateId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: facts.courseTitle,
    description: text.description(facts.courseTitle, facts.courseVersion),
    issuer: {
      id: issuer.did,
      type: ['Profile'],
      name: issuer.name,
      ...(issuer.url ? { url: issuer.url } : {}),
      ...(issuer.logoDataUri ? { image: { id: issuer.logoDataUri, type: 'Image' } } : {}),
    },
    validFrom: facts.issuedAt,
    awardedDate: facts.completedAt,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityHash: facts.learnerName, identityType: 'name', hashed: false }],
      activityEndDate: facts.completedAt,
      achievement: {
        id: achievementId,
        type: ['Achievement'],
        achievementType: 'CertificateOfCompletion',
        name: facts.courseTitle,
        description: facts.courseSummary || facts.courseTitle,
        criteria: { narrative: facts.criteria },
        humanCode: facts.courseId,
        version: facts.courseVersion,
        inLanguage: facts.courseLanguage,
        resultDescription: [
          { id: completion, type: ['ResultDescription'], name: text.courseStatus, resultType: 'Status' },
          { id: studyHours, type: ['ResultDescription'], name: text.studyHours, resultType: STUDY_HOURS_RESULT },
          ...facts.quizzes.map((quiz) => ({
            id: quizDescription(quiz.quizId),
            type: ['ResultDescription'],
            name: quiz.title,
            resultType: 'Percent',
            valueMin: '0',
            valueMax: '100',
            requiredValue: String(quiz.passMark),
          })),
        ],
      },
      result: [
        { type: ['Result'], resultDescription: completion, status: 'Completed' },
        { type: ['Result'], resultDescription: studyHours, value: formatHours(facts.hours) },
        ...facts.quizzes.map((quiz) => ({
          type: ['Result'],
          resultDescription: quizDescription(quiz.quizId),
          value: String(quiz.bestPercent),
        })),
      ],
    },
  };
}
