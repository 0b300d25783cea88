import type Database from 'better-sqlite3';
import { fillQuizItemTallies } from '../../electron/db/migrations/0014-quiz-item-tallies.js';

/**
 * The item-analysis tallies (migration 14) of the synthetic data: filled once after the bulk load,
 * from the final answers, by the migration's own fill, before the triggers that keep them are made
 * again (synthetic-data.ts drops them for the load). Adds the rows written to `rows`.
 */
export function fillSyntheticItemTallies(db: Database.Database, rows: Record<string, number>): void {
  Object.assign(rows, fillQuizItemTallies(db));
}
