import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../electron/db/migrations.js';
import { openDataFolderDatabase } from '../../../electron/db/database-recovery.js';
import { closeDatabase, DATABASE_FILE_NAME, DatabaseTooNewError, openDatabase } from '../../../electron/db/open-database.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('openDatabase', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('creates a WAL database with foreign keys, durable commits and every migration applied', () => {
    const db = openDatabase(temp.dir);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      const tables = (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
      ).map((row) => row.name);
      expect(tables).toEqual(
        expect.arrayContaining(['learners', 'lesson_progress', 'quiz_attempts', 'quiz_answers', 'settings']),
      );
    } finally {
      closeDatabase(db);
    }
  });

  it('migration 1 builds the tables on an empty file and reopening does not run it again', () => {
    const file = path.join(temp.dir, DATABASE_FILE_NAME);
    const first = openDatabase(temp.dir);
    first
      .prepare(
        "INSERT INTO learners (id, display_name, language, created_at) VALUES ('a1b2', 'Núria', 'ca', '2026-01-01T00:00:00.000Z')",
      )
      .run();
    closeDatabase(first);
    const second = openDatabase(temp.dir);
    try {
      expect(second.prepare('SELECT display_name FROM learners').pluck().all()).toEqual(['Núria']);
      expect(second.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    } finally {
      closeDatabase(second);
    }
    expect(fs.existsSync(file)).toBe(true);
  });

  it('enforces foreign keys: progress for a learner who does not exist is refused', () => {
    const db = openDatabase(temp.dir);
    try {
      expect(() =>
        db
          .prepare(
            "INSERT INTO lesson_progress (learner_id, course_id, lesson_id, status, first_opened_at, updated_at) VALUES ('nobody', 'c', 'l', 'in-progress', 'x', 'x')",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      closeDatabase(db);
    }
  });

  it('refuses a database from a newer Aula with a clear message and leaves it untouched', () => {
    const file = path.join(temp.dir, DATABASE_FILE_NAME);
    const newer = new Database(file);
    newer.exec('CREATE TABLE future_things (x)');
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    newer.close();
    const before = sha256(file);

    let caught: unknown;
    try {
      openDatabase(temp.dir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabaseTooNewError);
    expect((caught as Error).message).toContain('newer version of Aula');
    expect((caught as Error).message).toContain(file);
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(temp.dir).sort()).toEqual([DATABASE_FILE_NAME]);
  });
});

describe('a database from a newer Aula, in WAL mode as Aula writes it', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  /** Every name in the folder (recursively) with the hash of its bytes. */
  function folderState(dir: string): string[] {
    return fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .sort()
      .map((name) => {
        const full = path.join(dir, name);
        return fs.statSync(full).isFile() ? `${name} ${sha256(full)}` : `${name}/`;
      });
  }

  it('is refused by the data folder opening, which leaves the folder byte for byte as it was (no -wal, no -shm)', async () => {
    const file = path.join(temp.dir, DATABASE_FILE_NAME);
    const newer = new Database(file);
    newer.pragma('journal_mode = WAL');
    newer.exec('CREATE TABLE future_things (x)');
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    newer.close();
    fs.mkdirSync(path.join(temp.dir, 'backups'));
    const before = folderState(temp.dir);
    expect(before).toEqual(['aula.sqlite ' + sha256(file), 'backups/']);

    await expect(openDataFolderDatabase(temp.dir)).rejects.toBeInstanceOf(DatabaseTooNewError);
    expect(folderState(temp.dir)).toEqual(before);
  });
});
