// @ts-check
/**
 * The Node that Aula runs on: the major version of the devDependency `node` (the Node inside
 * Electron 45), which `npm install` puts in node_modules/.bin so every `npm run` script uses it.
 * better-sqlite3 13 crashes the process (a segfault, no message) on Node 20, so every entry point
 * checks the version before anything loads it. Plain JavaScript: it must run on any Node, before
 * anything can compile TypeScript.
 */
export const SUPPORTED_NODE_MAJOR = 24;

/**
 * The one line to print when `version` is older than Aula's Node, or null when it will do.
 * @param {string} [version] e.g. "20.20.2" (default: the running Node)
 * @returns {string | null}
 */
export function unsupportedNodeMessage(version = process.versions.node) {
  const major = Number(version.split('.')[0]);
  if (major >= SUPPORTED_NODE_MAJOR) return null;
  return (
    `Aula needs Node ${SUPPORTED_NODE_MAJOR} or newer, but was started with Node ${version}: ` +
    `run it through npm (\`npm install\` once, then \`npm start\` or \`npm run <command>\`), ` +
    `which uses the Node ${SUPPORTED_NODE_MAJOR} that \`npm install\` puts in node_modules/.bin.`
  );
}

/** Throws unless the running Node is new enough (the core's check, for callers that embed it). */
export function assertSupportedNode() {
  const message = unsupportedNodeMessage();
  if (message) throw new Error(message);
}
