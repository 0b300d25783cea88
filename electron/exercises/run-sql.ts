import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SqlRunClient, type SqlBatchOutcome, type SqlRunLimits, type StartSqlWorker } from '../sql-runner/sql-run-client.js';
import { sqlTableSetup, type SqlTableSource } from '../sql-runner/sql-tables.js';

export type RunSqlOptions = SqlRunLimits;
export type { SqlBatchOutcome };

/**
 * From source (tsx, vitest) the worker is the TypeScript file beside this one, run through tsx;
 * in a bundle this code sits beside the worker the build compiled (scripts/lib/build-manifest.mjs).
 */
function workerScript(): { url: URL; execArgv?: string[] } {
  if (!import.meta.url.endsWith('.ts')) return { url: new URL('./sql-worker.mjs', import.meta.url) };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { url: new URL('./sql-worker.ts', import.meta.url), execArgv: ['--import', tsx] };
}

const startGradingWorker: StartSqlWorker = (onReply, onFailure) => {
  const script = workerScript();
  const worker = new Worker(script.url, {
    ...(script.execArgv ? { execArgv: script.execArgv } : {}),
    // The JavaScript side holds at most the capped results; SQLite's own memory is capped by the heap limit.
    resourceLimits: { maxOldGenerationSizeMb: 256 },
  });
  worker.on('message', onReply);
  worker.once('error', (error) => onFailure(error.message));
  worker.once('exit', (code) => onFailure(`the SQL worker stopped unexpectedly (exit code ${code})`));
  return { send: (request) => worker.postMessage(request), terminate: () => void worker.terminate() };
};

/**
 * Runs queries on fresh in-memory copies of the tables, in sql.js inside a worker thread of its
 * own, with the limits the lesson's runs have (electron/sql-runner/sql-limits.ts) unless told
 * otherwise. The core's own thread never runs learner SQL, so it stays responsive.
 */
export async function runSqlQueries(
  tables: SqlTableSource[],
  queries: string[],
  options: RunSqlOptions = {},
): Promise<SqlBatchOutcome> {
  const client = new SqlRunClient(startGradingWorker);
  try {
    return await client.run(tables.map(sqlTableSetup), queries, options);
  } finally {
    client.stop();
  }
}
