import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/db/migrations.js';
import { migration0011KnownPcs } from '../../../electron/db/migrations/0011-known-pcs.js';
import { closeDatabase, DATABASE_FILE_NAME, openDatabase } from '../../../electron/db/open-database.js';
import { listKnownPcs } from '../../../electron/progress-files/known-pcs.js';
import { openAtSchemaVersion } from '../../helpers/older-database.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

describe('migration 11: PCs remembered by their key', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('upgrades a data folder that imported files: each PC that signed one is known, a PC only passed on is not', () => {
    // The version just before this migration, whatever number it has once parallel migrations are merged.
    const before = MIGRATIONS.indexOf(migration0011KnownPcs);
    const old = openAtSchemaVersion(path.join(temp.dir, DATABASE_FILE_NAME), before);
    old.pragma('journal_mode = WAL');
    const origin = old.prepare(
      'INSERT INTO progress_origins (pc_id, pc_name, public_key, newest_file_at, last_imported_at) VALUES (?, ?, ?, ?, ?)',
    );
    origin.run('00000000000000aa', 'Library PC', 'a2V5LWE=', '2026-03-01T09:00:00.000Z', '2026-03-02T10:00:00.000Z');
    // Named in a file another PC passed on; no file of its own was ever imported.
    origin.run('00000000000000bb', 'Office PC', 'a2V5LWI=', '', '2026-03-02T10:00:00.000Z');
    old
      .prepare(
        `INSERT INTO learners (id, display_name, language, created_at, origin_pc_id, origin_file_at)
         VALUES ('5b0e8c1e-7a4f-4d2b-9a57-2f1c3d4e5f61', 'Jonas', 'lt', '2026-01-01T09:00:00.000Z', '00000000000000aa', '2026-03-01T09:00:00.000Z')`,
      )
      .run();
    old.close();

    const db = openDatabase(temp.dir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(listKnownPcs(db)).toEqual([
        {
          pcId: '00000000000000aa',
          firstName: 'Library PC',
          lastName: 'Library PC',
          firstImportedAt: '2026-03-02T10:00:00.000Z',
          lastImportedAt: '2026-03-02T10:00:00.000Z',
          blockedAt: null,
          learners: 1,
        },
      ]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      closeDatabase(db);
    }
  });
});
