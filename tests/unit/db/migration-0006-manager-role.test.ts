import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listLearners } from '../../../electron/db/learners.js';
import { LATEST_SCHEMA_VERSION } from '../../../electron/db/migrations.js';
import { migration0001Initial } from '../../../electron/db/migrations/0001-initial.js';
import { migration0002LearnersAndAttempts } from '../../../electron/db/migrations/0002-learners-and-attempts.js';
import { migration0003ExercisesAndCanvas } from '../../../electron/db/migrations/0003-exercises-and-canvas.js';
import { migration0004Certificates } from '../../../electron/db/migrations/0004-certificates.js';
import { migration0005FirstPassesIndex } from '../../../electron/db/migrations/0005-first-passes-index.js';
import { closeDatabase, DATABASE_FILE_NAME, openDatabase } from '../../../electron/db/open-database.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

/** A data folder as Aula wrote it with schema 5, with the given profiles (id, name, created at). */
function writeSchema5Database(file: string, learners: [string, string, string][]): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  for (const step of [
    migration0001Initial,
    migration0002LearnersAndAttempts,
    migration0003ExercisesAndCanvas,
    migration0004Certificates,
    migration0005FirstPassesIndex,
  ])
    step(db);
  db.pragma('user_version = 5');
  const insert = db.prepare("INSERT INTO learners (id, display_name, language, created_at) VALUES (?, ?, 'en', ?)");
  for (const learner of learners) insert.run(...learner);
  db.close();
}

describe('migration 6: the manager role', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('makes the oldest existing profile the manager, so an upgraded PC can still be managed', () => {
    writeSchema5Database(path.join(temp.dir, DATABASE_FILE_NAME), [
      ['6c1f9d2f-8b5a-4e3c-8b68-3a2d4e5f6a71', 'Anna', '2026-03-01T09:00:00.000Z'],
      ['5b0e8c1e-7a4f-4d2b-9a57-2f1c3d4e5f60', 'Jordi', '2026-01-01T09:00:00.000Z'],
      ['7d2a0e3a-9c6b-4f4d-9c79-4b3e5f6a7b82', 'Laura', '2026-02-01T09:00:00.000Z'],
    ]);
    const db = openDatabase(temp.dir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(listLearners(db).map((learner) => [learner.displayName, learner.isManager])).toEqual([
        ['Jordi', true],
        ['Laura', false],
        ['Anna', false],
      ]);
      // The column takes only 0 and 1.
      expect(() => db.prepare("UPDATE learners SET is_manager = 2 WHERE display_name = 'Anna'").run()).toThrow(/CHECK/);
    } finally {
      closeDatabase(db);
    }
  });

  it('leaves a data folder without profiles without a manager: the first profile made will be one', () => {
    writeSchema5Database(path.join(temp.dir, DATABASE_FILE_NAME), []);
    const db = openDatabase(temp.dir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(listLearners(db)).toEqual([]);
      const columns = db.prepare('PRAGMA table_info(learners)').all() as { name: string }[];
      expect(columns.map((column) => column.name)).toContain('is_manager');
    } finally {
      closeDatabase(db);
    }
  });
});
