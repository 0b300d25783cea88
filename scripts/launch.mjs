// @ts-check
/**
 * `npm start`: runs scripts/start.ts from an esbuild bundle (see lib/start-bundle.mjs for why),
 * building the bundle first when the code changed since the last start.
 */
// First: on too old a Node, one line and exit 1 before anything else loads.
import './lib/require-supported-node.mjs';
import module from 'node:module';
import { pathToFileURL } from 'node:url';
import { ensureBundle } from './lib/start-bundle.mjs';

// Node keeps the compiled code of the bundle (over 1.5 MB of JavaScript) in the OS temp folder,
// so later starts skip compiling it. Where the folder cannot be written, Node just compiles as before.
// (@types/node is Node 20's, which lacks it; Aula's Node 24 has it.)
/** @type {{ enableCompileCache?: () => unknown }} */ (module).enableCompileCache?.();

// `npm start` is development: dispatch checks every result against its channel's schema, so a
// handler that breaks its contract fails loudly here and in the e2e specs (which start Aula this
// way). Packaged builds start without it; the bench turns it off to measure what they run.
process.env.AULA_CHECK_RESULTS ??= '1';

try {
  const entry = await ensureBundle('start', 'scripts/start.ts', (message) => console.log(message));
  await import(pathToFileURL(entry).href);
} catch (error) {
  console.error(`Aula: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
