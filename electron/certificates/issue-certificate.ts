/**
 * Issuing a certificate: only when the course's completion rule is met (checked here, in the
 * core) and the course offers certificates. The signed credential is stored once; the PDF and the
 * JSON are made from it whenever the learner exports.
 */
import { randomUUID } from 'node:crypto';
import type { ErrorFacts, Learner } from '../contract/channels.js';
import { evaluateMastery, type CourseMastery } from '../courses/course-mastery.js';
import type { LoadedCourse } from '../courses/load-course.js';
import { findLatestCertificate, insertCertificate, readBestQuizScores, type StoredCertificate } from '../db/certificates.js';
import type { Db } from '../db/open-database.js';
import { DomainRefusal } from '../domain/domain-refusal.js';
import type { CertificateFacts } from './achievement-credential.js';
import { credentialText } from './credential-text.js';

export type CertificateRefusalReason = 'not-offered' | 'not-completed';

/** Why a certificate cannot be issued, in words the learner can act on. */
export class CertificateRefusal extends DomainRefusal {
  constructor(
    readonly reason: CertificateRefusalReason,
    message: string,
    /** The same in words the renderer can translate. */
    facts: ErrorFacts,
  ) {
    super('not-allowed', message, facts);
    this.name = 'CertificateRefusal';
  }
}

/** A course without a `certificate` block offers one; `enabled: false` turns it off. */
export function certificatesOffered(course: LoadedCourse): boolean {
  return course.manifest.certificate?.enabled !== false;
}

/** Study time printed on the certificate: the manifest's hours, else the course's estimate. */
export function studyHours(course: LoadedCourse): number {
  const hours = course.manifest.certificate?.hours;
  if (hours !== undefined) return hours;
  return Math.max(0.5, Math.round((course.manifest.estimatedMinutes / 60) * 2) / 2);
}

/** The completion rule in words, as the credential's criteria, in the language the course is read in. */
export function criteriaNarrative(course: LoadedCourse, mastery: CourseMastery): string {
  const text = credentialText(course.shownLanguage);
  const rule = course.manifest.completion;
  const lessons = rule.lessonsVisited;
  if (rule.rule === 'final-assessment') {
    return text.passedFinal(course.quizzes.get(rule.quiz ?? '')?.title ?? rule.quiz ?? '', lessons);
  }
  if (rule.rule === 'some-quizzes') return text.passedSome(mastery.quizzesRequired, lessons);
  return mastery.quizzesRequired > 0 ? text.passedEvery(lessons) : text.openedEvery;
}

/** What is still missing, for the refusal message. */
function missingSteps(mastery: CourseMastery): string {
  const parts: string[] = [];
  const quizzes = mastery.quizzesRequired - mastery.quizzesPassed;
  if (quizzes > 0) parts.push(`pass ${quizzes} more ${quizzes === 1 ? 'quiz' : 'quizzes'}`);
  const lessons = mastery.lessonCount - mastery.lessonsVisited;
  if (mastery.rule.lessonsVisited && lessons > 0) parts.push(`open ${lessons} more ${lessons === 1 ? 'lesson' : 'lessons'}`);
  return parts.length > 0 ? ` To complete it, ${parts.join(' and ')}.` : '';
}

/** The refusal's reason and counts: which steps are missing picks the sentence. */
function notCompletedFacts(title: string, mastery: CourseMastery): ErrorFacts {
  const quizzes = Math.max(0, mastery.quizzesRequired - mastery.quizzesPassed);
  const lessons = mastery.rule.lessonsVisited ? Math.max(0, mastery.lessonCount - mastery.lessonsVisited) : 0;
  if (quizzes > 0 && lessons > 0) return { reason: 'certificate.not-completed-both', params: { title, quizzes, lessons } };
  if (quizzes > 0) return { reason: 'certificate.not-completed-quizzes', params: { title, count: quizzes } };
  if (lessons > 0) return { reason: 'certificate.not-completed-lessons', params: { title, count: lessons } };
  return { reason: 'certificate.not-completed', params: { title } };
}

export function checkEligibility(db: Db, learner: Learner, course: LoadedCourse): CourseMastery {
  const title = course.manifest.title;
  if (!certificatesOffered(course)) {
    throw new CertificateRefusal('not-offered', `"${title}" does not offer a certificate.`, {
      reason: 'certificate.not-offered',
      params: { title },
    });
  }
  const mastery = evaluateMastery(db, learner.id, course);
  if (!mastery.mastered || !mastery.masteredAt) {
    throw new CertificateRefusal(
      'not-completed',
      `You have not completed "${title}" yet.${missingSteps(mastery)}`,
      notCompletedFacts(title, mastery),
    );
  }
  return mastery;
}

function factsFor(db: Db, learner: Learner, course: LoadedCourse, mastery: CourseMastery, now: Date): CertificateFacts {
  const best = readBestQuizScores(db, learner.id, course.manifest.id);
  const quizzes = mastery.quizzes
    .filter((quiz) => quiz.required && quiz.passed)
    .map((quiz) => ({
      quizId: quiz.quizId,
      title: quiz.title,
      bestPercent: Math.round((best.get(quiz.quizId) ?? 0) * 100),
      passMark: course.quizzes.get(quiz.quizId)?.passMark ?? 0,
    }));
  return {
    certificateId: randomUUID(),
    learnerName: learner.displayName,
    courseId: course.manifest.id,
    courseTitle: course.manifest.title,
    courseVersion: course.manifest.version,
    courseSummary: course.manifest.summary,
    courseLanguage: course.shownLanguage,
    criteria: criteriaNarrative(course, mastery),
    completedAt: mastery.masteredAt ?? now.toISOString(),
    issuedAt: now.toISOString(),
    hours: studyHours(course),
    quizzes,
  };
}

/**
 * The learner's certificate for this course version: the one already issued if it still carries
 * their name as the profile has it now, else a new one (earlier ones stay as they were).
 */
export async function issueCertificate(
  db: Db,
  dataDir: string,
  learner: Learner,
  course: LoadedCourse,
  now = new Date(),
): Promise<StoredCertificate> {
  const mastery = checkEligibility(db, learner, course);
  const current = () => {
    const existing = findLatestCertificate(db, learner.id, course.manifest.id, course.manifest.version);
    return existing && existing.learnerName === learner.displayName ? existing : undefined;
  };
  const existing = current();
  if (existing) return existing;

  // The signing libraries (JSON-LD, Data Integrity, Ed25519) take a third of a second to load:
  // they load with the first certificate, not with every start of Aula.
  const [{ buildAchievementCredential, verificationCodeOf }, { signCompactPayload }, { loadIssuerIdentity }, { signCredential }] =
    await Promise.all([
      import('./achievement-credential.js'),
      import('./compact-payload.js'),
      import('./issuer-identity.js'),
      import('./sign-credential.js'),
    ]);
  const issuer = await loadIssuerIdentity(dataDir);
  const facts = factsFor(db, learner, course, mastery, now);
  const credential = await signCredential(buildAchievementCredential(facts, issuer), issuer, now);
  const verificationCode = verificationCodeOf(`urn:uuid:${facts.certificateId}`);
  const qrPayload = await signCompactPayload(
    {
      id: facts.certificateId,
      n: facts.learnerName,
      c: facts.courseTitle,
      v: facts.courseVersion,
      d: facts.completedAt.slice(0, 10),
      h: facts.hours,
      o: issuer.name,
      i: issuer.did,
      k: verificationCode,
    },
    issuer,
  );
  const certificate: StoredCertificate = {
    id: facts.certificateId,
    learnerId: learner.id,
    courseId: facts.courseId,
    courseVersion: facts.courseVersion,
    courseTitle: facts.courseTitle,
    learnerName: facts.learnerName,
    issuerId: issuer.did,
    issuerName: issuer.name,
    completedAt: facts.completedAt,
    issuedAt: facts.issuedAt,
    verificationCode,
    credentialJson: JSON.stringify(credential),
    qrPayload,
  };
  // Signing took a moment: if another request issued one meanwhile, keep that one.
  return db.transaction(() => {
    const raced = current();
    if (raced) return raced;
    insertCertificate(db, certificate);
    return certificate;
  })();
}
