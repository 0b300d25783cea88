import { randomUUID } from 'node:crypto';
import type { Language, Learner } from '../contract/channels.js';
import type { Db } from './open-database.js';

interface LearnerRow {
  id: string;
  display_name: string;
  language: string;
  created_at: string;
}

function toLearner(row: LearnerRow): Learner {
  return {
    id: row.id,
    displayName: row.display_name,
    language: row.language === 'ca' ? 'ca' : 'en',
    createdAt: row.created_at,
  };
}

export function listLearners(db: Db): Learner[] {
  const rows = db.prepare('SELECT * FROM learners ORDER BY created_at, id').all() as LearnerRow[];
  return rows.map(toLearner);
}

export function findLearner(db: Db, id: string): Learner | undefined {
  const row = db.prepare('SELECT * FROM learners WHERE id = ?').get(id) as LearnerRow | undefined;
  return row ? toLearner(row) : undefined;
}

export function createLearner(db: Db, displayName: string, language: Language, now = new Date()): Learner {
  const learner: Learner = { id: randomUUID(), displayName, language, createdAt: now.toISOString() };
  db.prepare('INSERT INTO learners (id, display_name, language, created_at) VALUES (?, ?, ?, ?)').run(
    learner.id,
    learner.displayName,
    learner.language,
    learner.createdAt,
  );
  return learner;
}

/** First run on a data folder: one profile so the app is usable before anyone sets one up. */
export function ensureDefaultLearner(db: Db, displayName: string, language: Language): Learner {
  return db.transaction(() => listLearners(db)[0] ?? createLearner(db, displayName, language))();
}
