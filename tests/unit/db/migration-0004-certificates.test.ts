import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertCertificate, listCertificates, type StoredCertificate } from '../../../electron/db/certificates.js';
import { LATEST_SCHEMA_VERSION } from '../../../electron/db/migrations.js';
import { migration0001Initial } from '../../../electron/db/migrations/0001-initial.js';
import { migration0002LearnersAndAttempts } from '../../../electron/db/migrations/0002-learners-and-attempts.js';
import { closeDatabase, DATABASE_FILE_NAME, openDatabase } from '../../../electron/db/open-database.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const LEARNER = '5b0e8c1e-7a4f-4d2b-9a57-2f1c3d4e5f60';

const certificate = (id: string): StoredCertificate => ({
  id,
  learnerId: LEARNER,
  courseId: 'sample',
  courseVersion: '1.0.0',
  courseTitle: 'Sample',
  learnerName: 'Jordi',
  issuerId: 'did:key:z6MkexampleexampleexampleexampleexampleexampleAbc',
  issuerName: 'Coop',
  completedAt: '2026-01-02T09:00:00.000Z',
  issuedAt: '2026-01-03T09:00:00.000Z',
  verificationCode: `CODE-${id.slice(0, 5)}`,
  credentialJson: '{}',
  qrPayload: 'AULA1.x.y',
});

describe('migration 4: certificates', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('adds the certificates table to an older database, keeping its learners', () => {
    const file = path.join(temp.dir, DATABASE_FILE_NAME);
    const old = new Database(file);
    migration0001Initial(old);
    migration0002LearnersAndAttempts(old);
    old.pragma('user_version = 2');
    old
      .prepare("INSERT INTO learners (id, display_name, language, created_at) VALUES (?, 'Jordi', 'ca', '2026-01-01')")
      .run(LEARNER);
    old.close();

    const db = openDatabase(temp.dir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      insertCertificate(db, certificate('11111111-1111-4111-8111-111111111111'));
      expect(listCertificates(db, LEARNER)).toHaveLength(1);
    } finally {
      closeDatabase(db);
    }
  });

  it('never changes an issued certificate, and removes them with the profile', () => {
    const db = openDatabase(temp.dir);
    try {
      db.prepare("INSERT INTO learners (id, display_name, language, created_at) VALUES (?, 'Jordi', 'ca', '2026-01-01')").run(
        LEARNER,
      );
      insertCertificate(db, certificate('22222222-2222-4222-8222-222222222222'));
      expect(() => db.prepare("UPDATE certificates SET learner_name = 'Someone else'").run()).toThrow(
        'certificates are never changed once issued',
      );
      expect(() => insertCertificate(db, certificate('22222222-2222-4222-8222-222222222222'))).toThrow(/UNIQUE/);
      expect(listCertificates(db, LEARNER)[0]!.learnerName).toBe('Jordi');
      db.prepare('DELETE FROM learners WHERE id = ?').run(LEARNER);
      expect(listCertificates(db, LEARNER)).toEqual([]);
    } finally {
      closeDatabase(db);
    }
  });
});
