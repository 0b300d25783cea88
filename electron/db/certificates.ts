import type { Db } from './open-database.js';

/**
 * Issued certificates: inserted once, read many times, never updated (a trigger refuses it).
 * `credentialJson` is the signed credential exactly as issued.
 */
export interface StoredCertificate {
  id: string;
  learnerId: string;
  courseId: string;
  courseVersion: string;
  courseTitle: string;
  learnerName: string;
  issuerId: string;
  issuerName: string;
  completedAt: string;
  issuedAt: string;
  verificationCode: string;
  credentialJson: string;
  qrPayload: string;
}

interface CertificateRow {
  id: string;
  learner_id: string;
  course_id: string;
  course_version: string;
  course_title: string;
  learner_name: string;
  issuer_id: string;
  issuer_name: string;
  completed_at: string;
  issued_at: string;
  verification_code: string;
  credential_json: string;
  qr_payload: string;
}

function toCertificate(row: CertificateRow): StoredCertificate {
  return {
    id: row.id,
    learnerId: row.learner_id,
    courseId: row.course_id,
    courseVersion: row.course_version,
    courseTitle: row.course_title,
    learnerName: row.learner_name,
    issuerId: row.issuer_id,
    issuerName: row.issuer_name,
    completedAt: row.completed_at,
    issuedAt: row.issued_at,
    verificationCode: row.verification_code,
    credentialJson: row.credential_json,
    qrPayload: row.qr_payload,
  };
}

export function insertCertificate(db: Db, certificate: StoredCertificate): void {
  db.prepare(
    `INSERT INTO certificates (id, learner_id, course_id, course_version, course_title, learner_name, issuer_id,
       issuer_name, completed_at, issued_at, verification_code, credential_json, qr_payload)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    certificate.id,
    certificate.learnerId,
    certificate.courseId,
    certificate.courseVersion,
    certificate.courseTitle,
    certificate.learnerName,
    certificate.issuerId,
    certificate.issuerName,
    certificate.completedAt,
    certificate.issuedAt,
    certificate.verificationCode,
    certificate.credentialJson,
    certificate.qrPayload,
  );
}

/** A learner's certificates, newest first. */
export function listCertificates(db: Db, learnerId: string): StoredCertificate[] {
  const rows = db
    .prepare('SELECT * FROM certificates WHERE learner_id = ? ORDER BY issued_at DESC, rowid DESC')
    .all(learnerId) as CertificateRow[];
  return rows.map(toCertificate);
}

export function findCertificate(db: Db, learnerId: string, certificateId: string): StoredCertificate | undefined {
  const row = db.prepare('SELECT * FROM certificates WHERE id = ? AND learner_id = ?').get(certificateId, learnerId) as
    CertificateRow | undefined;
  return row ? toCertificate(row) : undefined;
}

/** The certificate last issued to this learner for this version of a course. */
export function findLatestCertificate(
  db: Db,
  learnerId: string,
  courseId: string,
  courseVersion: string,
): StoredCertificate | undefined {
  const row = db
    .prepare(
      `SELECT * FROM certificates WHERE learner_id = ? AND course_id = ? AND course_version = ?
       ORDER BY issued_at DESC, rowid DESC LIMIT 1`,
    )
    .get(learnerId, courseId, courseVersion) as CertificateRow | undefined;
  return row ? toCertificate(row) : undefined;
}

/** Each quiz's best finished attempt in a course, as a share of its points (0 to 1). */
export function readBestQuizScores(db: Db, learnerId: string, courseId: string): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT quiz_id, MAX(score / max_score) AS best FROM quiz_attempts
       WHERE learner_id = ? AND course_id = ? AND finished_at IS NOT NULL AND max_score > 0
       GROUP BY quiz_id`,
    )
    .all(learnerId, courseId) as { quiz_id: string; best: number }[];
  return new Map(rows.map((row) => [row.quiz_id, row.best]));
}
