import type { Db } from '../../electron/db/open-database.js';

/**
 * Every row of every table, in a stable order: "nothing changed" means this is equal before and
 * after. Rows are sorted by their contents, since a table without rowid (quiz_final_answers) has no
 * insertion order to sort by.
 */
export function dumpDatabase(db: Db): Record<string, unknown[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const rowsOf = (table: string) =>
    db
      .prepare(`SELECT * FROM "${table}"`)
      .all()
      .map((row) => JSON.stringify(row))
      .sort()
      .map((row) => JSON.parse(row) as unknown);
  return Object.fromEntries(tables.map((table) => [table, rowsOf(table)]));
}
