import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../electron/db/migrations.js';
import { listLearners } from '../../../electron/db/learners.js';
import { closeDatabase, DATABASE_FILE_NAME, openDatabase } from '../../../electron/db/open-database.js';
import { openAtSchemaVersion } from '../../helpers/older-database.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const EVA = '11111111-1111-4111-8111-111111111111';

describe('migration 8: where imported learners came from', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('upgrades a schema-7 data folder: its profiles stay profiles of this PC, and an origin must exist', () => {
    const file = path.join(temp.dir, DATABASE_FILE_NAME);
    const old = openAtSchemaVersion(file, 7);
    old
      .prepare(
        `INSERT INTO learners (id, display_name, language, created_at) VALUES (?, 'Eva', 'en', '2026-01-01T00:00:00.000Z')`,
      )
      .run(EVA);
    old.close();

    const db = openDatabase(temp.dir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(db.prepare('SELECT origin_pc_id, origin_file_at FROM learners').all()).toEqual([
        { origin_pc_id: null, origin_file_at: null },
      ]);
      expect(listLearners(db).map((learner) => learner.displayName)).toEqual(['Eva']);
      // A learner can only name a PC this one knows.
      expect(() =>
        db
          .prepare(
            `INSERT INTO learners (id, display_name, language, created_at, origin_pc_id)
             VALUES ('22222222-2222-4222-8222-222222222222', 'Ona', 'ca', '2026-01-01T00:00:00.000Z', '0123456789abcdef')`,
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      closeDatabase(db);
    }
  });
});
