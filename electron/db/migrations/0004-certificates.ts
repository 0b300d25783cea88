import type Database from 'better-sqlite3';

/**
 * 4: certificates as issued. A row is written once and never changed: it keeps the signed
 * credential exactly as issued (the PDF and the JSON are made from it on every export), with the
 * fields the lists need beside it. A new name or a new course version means a new certificate.
 */
export function migration0004Certificates(db: Database.Database): void {
  db.exec(`
      CREATE TABLE certificates (
        id TEXT PRIMARY KEY,
        learner_id TEXT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
        course_id TEXT NOT NULL,
        course_version TEXT NOT NULL,
        course_title TEXT NOT NULL,
        learner_name TEXT NOT NULL,
        issuer_id TEXT NOT NULL,
        issuer_name TEXT NOT NULL,
        completed_at TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        verification_code TEXT NOT NULL UNIQUE,
        credential_json TEXT NOT NULL,
        -- The compact signed payload the PDF's QR code carries (compact-payload.ts).
        qr_payload TEXT NOT NULL
      ) STRICT;
      CREATE INDEX certificates_by_learner ON certificates (learner_id, course_id, issued_at);
      CREATE TRIGGER certificates_are_immutable BEFORE UPDATE ON certificates
      BEGIN
        SELECT RAISE(ABORT, 'certificates are never changed once issued');
      END;
    `);
}
