/// <reference lib="webworker" />
/**
 * The learner's own runs of their query, in sql.js inside a Web Worker: a query that never ends
 * blocks only this worker, which the page then ends. It answers with the runner grading uses too
 * (electron/sql-runner), so what the learner sees here is what grading sees.
 */
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { answerSqlRun, type SqlRunRequest } from '../../../../../electron/sql-runner/sql-worker-messages';

// The .wasm comes from the app's own origin, like every other file. Started from a blob: URL (see
// start-lesson-sql-worker.ts), the worker resolves it against the app's address rather than its own.
const appBase = (self as unknown as { aulaAppBase?: string }).aulaAppBase ?? self.location.href;
const engine = initSqlJs({ locateFile: () => new URL(wasmUrl, appBase).href });

self.onmessage = (event: MessageEvent<SqlRunRequest>) => {
  void answerSqlRun(engine, event.data, (message) => self.postMessage(message));
};
