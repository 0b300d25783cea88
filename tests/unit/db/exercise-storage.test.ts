import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLatestCanvas, saveCanvasRevision } from '../../../electron/db/canvases.js';
import { countSubmissions, readLatestSubmission, recordSubmission } from '../../../electron/db/exercise-results.js';
import { createLearner } from '../../../electron/db/learners.js';
import { LATEST_SCHEMA_VERSION } from '../../../electron/db/migrations.js';
import { migration0001Initial } from '../../../electron/db/migrations/0001-initial.js';
import { migration0002LearnersAndAttempts } from '../../../electron/db/migrations/0002-learners-and-attempts.js';
import { closeDatabase, DATABASE_FILE_NAME, openDatabase, type Db } from '../../../electron/db/open-database.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

describe('the exercises-and-canvas migration', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('brings a database from before it forward, keeping what was there', () => {
    // A data folder as the migrations before this one left it, with a learner in it.
    const old = new Database(path.join(temp.dir, DATABASE_FILE_NAME));
    migration0001Initial(old);
    migration0002LearnersAndAttempts(old);
    old.pragma('user_version = 2');
    old
      .prepare(
        "INSERT INTO learners (id, display_name, language, created_at) VALUES (?, 'Ana', 'ca', '2026-01-01T09:00:00.000Z')",
      )
      .run('5b0e8c1e-7a4f-4d2b-9a57-2f1c3d4e5f61');
    old.close();

    const db = openDatabase(temp.dir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(db.prepare('SELECT display_name FROM learners').pluck().get()).toBe('Ana');
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['exercise_submissions', 'canvas_revisions']));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      closeDatabase(db);
    }
  });
});

describe('storing submissions and canvases', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: Db;
  let learnerId: string;
  const ref = () => ({ learnerId, courseId: 'components-tour', exerciseId: 'mean-parcels' });
  const submit = (correct: boolean, at: string) =>
    recordSubmission(
      db,
      { ...ref(), courseVersion: '1.0.0' },
      {
        exerciseType: 'number',
        answerJson: JSON.stringify({ type: 'number', value: correct ? '395,67' : '390' }),
        correct,
        score: correct ? 1 : 0,
        maxScore: 1,
        outcomeJson: '{"kind":"number","value":395.67}',
      },
      new Date(at),
    );

  beforeEach(() => {
    temp = makeTempDir();
    db = openDatabase(temp.dir);
    learnerId = createLearner(db, 'Ana', 'ca').id;
  });
  afterEach(() => {
    closeDatabase(db);
    temp.remove();
  });

  it('keeps every submission as its own row with a UUID, and reads the latest', () => {
    const first = submit(false, '2026-03-01T10:00:00.000Z');
    const second = submit(true, '2026-03-01T10:05:00.000Z');
    expect(first.submissionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.submissionId).not.toBe(first.submissionId);
    expect(readLatestSubmission(db, ref())).toMatchObject({
      submissionId: second.submissionId,
      correct: true,
      submittedAt: '2026-03-01T10:05:00.000Z',
    });
    expect(countSubmissions(db, ref())).toEqual({ total: 2, correct: 1 });
    expect(readLatestSubmission(db, { ...ref(), exerciseId: 'other' })).toBeUndefined();
  });

  it('survives closing and reopening the database', () => {
    const stored = submit(true, '2026-03-01T10:00:00.000Z');
    closeDatabase(db);
    db = openDatabase(temp.dir);
    expect(readLatestSubmission(db, ref())?.submissionId).toBe(stored.submissionId);
  });

  it('keeps canvas revisions and reads the latest; another learner sees none', () => {
    const canvas = { learnerId, courseId: 'components-tour', canvasId: 'my-canvas' };
    saveCanvasRevision(db, canvas, '{"surplus":"one"}', new Date('2026-03-01T10:00:00.000Z'));
    const latest = saveCanvasRevision(db, canvas, '{"surplus":"two"}', new Date('2026-03-01T10:00:00.000Z'));
    expect(readLatestCanvas(db, canvas)).toEqual(latest);
    expect(db.prepare('SELECT COUNT(*) FROM canvas_revisions').pluck().get()).toBe(2);
    const other = createLearner(db, 'Joan', 'ca').id;
    expect(readLatestCanvas(db, { ...canvas, learnerId: other })).toBeUndefined();
  });

  it('refuses a submission for a learner who does not exist', () => {
    learnerId = '00000000-0000-4000-8000-000000000000';
    expect(() => submit(true, '2026-03-01T10:00:00.000Z')).toThrow(/FOREIGN KEY/);
  });
});
