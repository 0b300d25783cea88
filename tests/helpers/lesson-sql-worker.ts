/**
 * The lesson's SQL worker (renderer/src/lesson/components/sql/sql-runner.worker.ts) as a Node
 * worker thread: the same browser build of sql.js and .wasm the lesson frame loads, answering
 * with the same `answerSqlRun`. Only how the .wasm arrives differs: read from node_modules here,
 * fetched from the app's files in the frame.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import type initSqlJs from 'sql.js';
import { answerSqlRun, type SqlRunRequest } from '../../electron/sql-runner/sql-worker-messages.js';

const require = createRequire(import.meta.url);
const initBrowserBuild = require('sql.js/dist/sql-wasm-browser.js') as typeof initSqlJs;
const wasm = fs.readFileSync(require.resolve('sql.js/dist/sql-wasm-browser.wasm'));
const engine = initBrowserBuild({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) });

const port = parentPort;
if (!port) throw new Error('lesson-sql-worker runs only as a worker thread');
port.on('message', (request: SqlRunRequest) => {
  void answerSqlRun(engine, request, (message) => port.postMessage(message));
});
