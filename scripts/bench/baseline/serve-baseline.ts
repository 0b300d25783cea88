/**
 * Serves the benchmark's baseline page (a bare Vite + React build) with Aula's own loopback
 * server, so that it is "served the same way": same process start (node running an esbuild bundle, as
 * `npm start` runs Aula), same server code, same secret and cookie redirect, same headers. It has
 * no channels and no courses. The benchmark bundles and starts it (lib/server-process.ts).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHANNEL_NAMES } from '../../../electron/contract/channels.js';
import { ApiFailure } from '../../../electron/core/api-failure.js';
import type { CoreHandlers } from '../../../electron/core/dispatch.js';
import { CatalogHolder, emptyCatalog } from '../../../electron/courses/catalog-contents.js';
import { startLoopbackServer } from '../../../electron/server/loopback-server.js';

const { values } = parseArgs({ options: { site: { type: 'string' } }, strict: true });
if (!values.site) {
  console.error('serve-baseline: --site DIR (a built baseline page) is required');
  process.exit(2);
}
const siteDir = path.resolve(values.site);

const noChannels = Object.fromEntries(
  CHANNEL_NAMES.map((channel) => [
    channel,
    () => {
      throw new ApiFailure('not-found', `The baseline page has no channel "${channel}".`, {
        reason: 'request.unknown-channel',
        params: { channel },
      });
    },
  ]),
) as unknown as CoreHandlers;

// From catalog-contents.ts, not catalog.ts: importing that module would load the lesson compiler,
// and the baseline server must load no more than serving a page needs.
const noCourses = new CatalogHolder(emptyCatalog(path.join(siteDir, 'no-lessons')));

const server = await startLoopbackServer({ handlers: noChannels, catalog: noCourses, rendererDir: siteDir, port: 0 });
// The same ready line as Aula's, so the benchmark starts both the same way.
console.log(`Aula ready: ${server.launchUrl}`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Like scripts/start.ts: if the benchmark that started us is gone, stop rather than linger.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop();
}, 250).unref();
