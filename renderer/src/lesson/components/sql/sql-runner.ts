import type { SqlRunResult, SqlTableSetup } from '../../../../../electron/contract/sql-tables';
import type { RunReply, RunRequest } from './sql-runner.worker';
import workerUrl from './sql-runner.worker.ts?worker&url';

/** The same limit as grading in the core (electron/exercises/run-sql.ts). */
export const RUN_TIME_LIMIT_MS = 5_000;

export type RunOutcome = SqlRunResult | { ok: false; reason: 'timeout'; seconds: number };

/**
 * Lessons run in a sandboxed frame with an opaque origin, which may not start a worker from the
 * app's URL (that is another origin to it); a worker from a blob: URL of its own may, and it
 * loads the engine's script from the app. `aulaAppBase` tells it where the app's files are.
 */
function startWorker(): Worker {
  const script = new URL(workerUrl, document.baseURI).href;
  const source = `self.aulaAppBase = ${JSON.stringify(script)}; importScripts(${JSON.stringify(script)});`;
  const blobUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    return new Worker(blobUrl);
  } finally {
    URL.revokeObjectURL(blobUrl);
  }
}

/**
 * Runs the learner's queries in a worker, one at a time. A query that runs past the time limit
 * is stopped by ending the worker; the next run starts a fresh one.
 */
export class SqlRunner {
  private worker: Worker | null = null;
  private nextId = 1;

  run(tables: SqlTableSetup[], query: string): Promise<RunOutcome> {
    const worker = (this.worker ??= startWorker());
    const id = this.nextId++;
    return new Promise<RunOutcome>((resolve) => {
      const timer = window.setTimeout(() => {
        this.stop();
        done({ ok: false, reason: 'timeout', seconds: RUN_TIME_LIMIT_MS / 1000 });
      }, RUN_TIME_LIMIT_MS);
      const done = (outcome: RunOutcome) => {
        window.clearTimeout(timer);
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        resolve(outcome);
      };
      const onMessage = (event: MessageEvent<RunReply>) => {
        if (event.data.id === id) done(event.data.result);
      };
      const onError = (event: ErrorEvent) => {
        this.stop();
        done({ ok: false, reason: 'error', message: event.message || 'the SQL engine could not start' });
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      worker.postMessage({ id, tables, query } satisfies RunRequest);
    });
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
