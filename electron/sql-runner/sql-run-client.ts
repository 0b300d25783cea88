/**
 * The side that sends SQL to a worker and keeps the time limit, for the lesson (a Web Worker) and
 * grading (a Node worker thread) alike. A query that never ends cannot be interrupted inside
 * sql.js, so the limit is kept by ending the worker; the next run starts a fresh one.
 */
import { MAX_QUERY_RESULT_ROWS, SQL_ENGINE_START_LIMIT_MS, SQL_TIME_LIMIT_MS } from './sql-limits.js';
import type { SqlRunResult } from './run-query.js';
import type { SqlRunRequest, SqlWorkerMessage } from './sql-worker-messages.js';
import type { SqlTableSetup } from './sql-tables.js';

/** A started worker, as each side starts its own kind. */
export interface SqlWorkerHandle {
  send(request: SqlRunRequest): void;
  terminate(): void;
}

/**
 * Starts a worker that answers requests with `answerSqlRun`, calling `onMessage` with what it
 * posts and `onFailure` if the worker fails or stops by itself.
 */
export type StartSqlWorker = (
  onMessage: (message: SqlWorkerMessage) => void,
  onFailure: (message: string) => void,
) => SqlWorkerHandle;

export interface SqlRunLimits {
  timeLimitMs?: number;
  maxRows?: number;
}

export type SqlBatchOutcome = { timedOut: false; results: SqlRunResult[] } | { timedOut: true; seconds: number };

interface PendingRun {
  started: () => void;
  settle: (results: SqlRunResult[]) => void;
  fail: (error: Error) => void;
}

export class SqlRunClient {
  private worker: SqlWorkerHandle | null = null;
  private readonly pending = new Map<number, PendingRun>();
  private nextId = 1;

  constructor(private readonly startWorker: StartSqlWorker) {}

  /**
   * Runs the queries, each on fresh copies of the tables. Resolves with the results, or with a
   * time-out when they take longer than `timeLimitMs` (the worker, and any other run in it, is
   * then ended); rejects when the worker itself fails, or does not start the queries within
   * SQL_ENGINE_START_LIMIT_MS.
   *
   * The limit counts from the moment the worker starts the queries (its engine is ready), so the
   * start of sql.js on a slow PC is not counted against the learner's query.
   */
  run(tables: SqlTableSetup[], queries: string[], limits: SqlRunLimits = {}): Promise<SqlBatchOutcome> {
    const timeLimitMs = limits.timeLimitMs ?? SQL_TIME_LIMIT_MS;
    const id = this.nextId++;
    return new Promise<SqlBatchOutcome>((resolve, reject) => {
      // Inside the promise, so a worker that cannot even be created rejects the run.
      const worker = this.worker ?? this.start();
      const timeOut = () => {
        this.pending.delete(id);
        resolve({ timedOut: true, seconds: timeLimitMs / 1000 });
        this.stop(new Error('another SQL run in the same worker took longer than its time limit'));
      };
      let timer = setTimeout(
        () => this.stop(new Error(`the SQL engine did not start within ${SQL_ENGINE_START_LIMIT_MS / 1000} seconds`)),
        SQL_ENGINE_START_LIMIT_MS,
      );
      const done = () => {
        clearTimeout(timer);
        this.pending.delete(id);
      };
      this.pending.set(id, {
        started: () => {
          clearTimeout(timer);
          timer = setTimeout(timeOut, timeLimitMs);
        },
        settle: (results) => {
          done();
          resolve({ timedOut: false, results });
        },
        fail: (error) => {
          done();
          reject(error);
        },
      });
      worker.send({ id, tables, queries, maxRows: limits.maxRows ?? MAX_QUERY_RESULT_ROWS });
    });
  }

  /** Ends the worker; runs still waiting for it are rejected with `reason`. */
  stop(reason = new Error('the SQL runner was stopped')): void {
    const worker = this.worker;
    this.worker = null;
    worker?.terminate();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const run of waiting) run.fail(reason);
  }

  private start(): SqlWorkerHandle {
    const worker = this.startWorker(
      (message) => {
        // A worker this client already ended may still have posted: only a live one's messages count.
        const run = this.worker === worker ? this.pending.get(message.id) : undefined;
        if (message.kind === 'started') run?.started();
        else run?.settle(message.results);
      },
      (message) => {
        if (this.worker === worker) this.stop(new Error(message));
      },
    );
    this.worker = worker;
    return worker;
  }
}
