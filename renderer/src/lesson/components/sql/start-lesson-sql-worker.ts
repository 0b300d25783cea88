import type { StartSqlWorker } from '../../../../../electron/sql-runner/sql-run-client';
import type { SqlWorkerMessage } from '../../../../../electron/sql-runner/sql-worker-messages';
import workerUrl from './sql-runner.worker.ts?worker&url';

/**
 * Lessons run in a sandboxed frame with an opaque origin, which may not start a worker from the
 * app's URL (that is another origin to it); a worker from a blob: URL of its own may, and it
 * loads the engine's script from the app. `aulaAppBase` tells it where the app's files are.
 */
export const startLessonSqlWorker: StartSqlWorker = (onReply, onFailure) => {
  const script = new URL(workerUrl, document.baseURI).href;
  const source = `self.aulaAppBase = ${JSON.stringify(script)}; importScripts(${JSON.stringify(script)});`;
  const blobUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  let worker: Worker;
  try {
    worker = new Worker(blobUrl);
  } finally {
    URL.revokeObjectURL(blobUrl);
  }
  worker.addEventListener('message', (event: MessageEvent<SqlWorkerMessage>) => onReply(event.data));
  worker.addEventListener('error', (event) => onFailure(event.message || 'the SQL engine could not start'));
  return { send: (request) => worker.postMessage(request), terminate: () => worker.terminate() };
};
