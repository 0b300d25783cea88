/**
 * Query plans of the statements a measurement's calls prepare: a handle on the database that
 * records every SQL text run through it, and EXPLAIN QUERY PLAN of each, with its full scans.
 */
import type { Db } from '../../../electron/db/open-database.js';

export interface PlannedStatement {
  sql: string;
  plan: string[];
  fullScans: string[];
}

/** Every SQL text prepared through the returned handle, with the arguments of its first run. */
export function capturingDb(db: Db, captured: Map<string, unknown[]>): Db {
  const runners = new Set(['get', 'all', 'run', 'iterate']);
  return new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') {
        return (sql: string) => {
          const statement = target.prepare(sql);
          return new Proxy(statement, {
            get(inner, key) {
              const value = Reflect.get(inner, key, inner) as unknown;
              if (typeof value !== 'function') return value;
              if (typeof key === 'string' && runners.has(key)) {
                return (...args: unknown[]) => {
                  if (!captured.has(sql)) captured.set(sql, args);
                  return (value as (...a: unknown[]) => unknown).apply(inner, args);
                };
              }
              return (value as (...a: unknown[]) => unknown).bind(inner);
            },
          });
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The plan of each captured statement, with the arguments of its first run. */
export function explainCaptured(db: Db, captured: ReadonlyMap<string, unknown[]>): PlannedStatement[] {
  return [...captured].map(([sql, args]) => {
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[];
    const plan = rows.map((row) => row.detail);
    // A SCAN reads a whole table (or a whole index): fine for a handful of rows, not for a million.
    const fullScans = plan.filter((step) => /^SCAN /.test(step) && !/^SCAN CONSTANT ROW/.test(step));
    return { sql: sql.replace(/\s+/g, ' ').trim(), plan, fullScans };
  });
}
