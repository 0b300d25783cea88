import { randomUUID } from 'node:crypto';
import type { Db } from './open-database.js';

export interface CanvasRef {
  learnerId: string;
  courseId: string;
  canvasId: string;
}

export interface StoredCanvas {
  revisionId: string;
  contentJson: string;
  savedAt: string;
}

/** Saves a canvas as a new revision; earlier revisions stay. When this returns, it is durably on disk. */
export function saveCanvasRevision(db: Db, ref: CanvasRef, contentJson: string, now = new Date()): StoredCanvas {
  const stored: StoredCanvas = { revisionId: randomUUID(), contentJson, savedAt: now.toISOString() };
  db.prepare(
    'INSERT INTO canvas_revisions (id, learner_id, course_id, canvas_id, content_json, saved_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(stored.revisionId, ref.learnerId, ref.courseId, ref.canvasId, stored.contentJson, stored.savedAt);
  return stored;
}

/** The latest revision of a learner's canvas, if they ever saved it. */
export function readLatestCanvas(db: Db, ref: CanvasRef): StoredCanvas | undefined {
  const row = db
    .prepare(
      `SELECT id, content_json, saved_at FROM canvas_revisions WHERE learner_id = ? AND course_id = ? AND canvas_id = ?
       ORDER BY saved_at DESC, rowid DESC LIMIT 1`,
    )
    .get(ref.learnerId, ref.courseId, ref.canvasId) as { id: string; content_json: string; saved_at: string } | undefined;
  return row ? { revisionId: row.id, contentJson: row.content_json, savedAt: row.saved_at } : undefined;
}

/** When the learner first saved each canvas of a course they have saved, keyed by canvas id. */
export function readFirstCanvasSaves(db: Db, learnerId: string, courseId: string): Map<string, string> {
  const rows = db
    .prepare(
      `SELECT canvas_id AS canvasId, MIN(saved_at) AS savedAt FROM canvas_revisions
       WHERE learner_id = ? AND course_id = ? GROUP BY canvas_id`,
    )
    .all(learnerId, courseId) as { canvasId: string; savedAt: string }[];
  return new Map(rows.map((row) => [row.canvasId, row.savedAt]));
}
