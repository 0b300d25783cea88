/**
 * Grading's SQL worker thread: sql.js's Node build answering requests with the runner the lesson
 * uses too (electron/sql-runner). Started by run-sql.ts; the builds compile it to `sql-worker.mjs`
 * beside their bundle (scripts/lib/build-manifest.mjs).
 */
import { parentPort } from 'node:worker_threads';
import initSqlJs from 'sql.js';
import { answerSqlRun, type SqlRunRequest } from '../sql-runner/sql-worker-messages.js';

const port = parentPort;
if (!port) throw new Error('sql-worker runs only as a worker thread');
const engine = initSqlJs();
port.on('message', (request: SqlRunRequest) => {
  void answerSqlRun(engine, request, (message) => port.postMessage(message));
});
