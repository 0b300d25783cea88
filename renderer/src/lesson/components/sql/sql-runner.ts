import type { SqlRunResult } from '../../../../../electron/sql-runner/run-query.js';
import { SqlRunClient, type StartSqlWorker } from '../../../../../electron/sql-runner/sql-run-client.js';
import { sqlTableSetup, type SqlTableSource } from '../../../../../electron/sql-runner/sql-tables.js';

export type RunOutcome = SqlRunResult | { ok: false; reason: 'timeout'; seconds: number };

/**
 * The learner's runs of their query, one query at a time, in a worker kept between runs (sql.js
 * starts once). Tables, limits, time-out and result shape are grading's (electron/sql-runner);
 * the worker is passed in (`startLessonSqlWorker` in the lesson).
 */
export class SqlRunner {
  private readonly client: SqlRunClient;

  constructor(startWorker: StartSqlWorker) {
    this.client = new SqlRunClient(startWorker);
  }

  async run(tables: SqlTableSource[], query: string): Promise<RunOutcome> {
    try {
      const outcome = await this.client.run(tables.map(sqlTableSetup), [query]);
      if (outcome.timedOut) return { ok: false, reason: 'timeout', seconds: outcome.seconds };
      return outcome.results[0] ?? { ok: false, reason: 'error', message: 'the SQL engine gave no result' };
    } catch (error) {
      return { ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }

  stop(): void {
    this.client.stop();
  }
}
