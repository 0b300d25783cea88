/**
 * How a course's CSV tables become SQL tables, for grading in the core and the learner's own runs
 * in the lesson alike, so both run the learner's query on exactly the same tables.
 */
import type { CellValue, ColumnType } from '../contract/data-values.js';

export interface SqlTableSource {
  name: string;
  columns: { name: string; type: ColumnType }[];
  rows: CellValue[][];
}

/** One table as the SQL worker builds it: plain data, so it can be posted to a worker. */
export interface SqlTableSetup {
  create: string;
  insert: string;
  rows: CellValue[][];
}

export function quoteSqlIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The statements that create and fill one table; values are bound as parameters, never pasted. */
export function sqlTableSetup(table: SqlTableSource): SqlTableSetup {
  const definitions = table.columns.map((column, index) => {
    let type = 'TEXT';
    if (column.type === 'number') {
      const whole = table.rows.every((row) => {
        const value = row[index];
        return value === null || value === undefined || Number.isInteger(value);
      });
      type = whole ? 'INTEGER' : 'REAL';
    }
    return `${quoteSqlIdentifier(column.name)} ${type}`;
  });
  const name = quoteSqlIdentifier(table.name);
  const placeholders = table.columns.map(() => '?').join(', ');
  return {
    create: `CREATE TABLE ${name} (${definitions.join(', ')})`,
    insert: `INSERT INTO ${name} VALUES (${placeholders})`,
    rows: table.rows.map((row) => table.columns.map((_, index) => row[index] ?? null)),
  };
}
