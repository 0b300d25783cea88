// @ts-check
/**
 * Imported first by every command-line entry point (`npm start`, `course`, `certificate`): on a
 * Node older than Aula's it prints one line saying what to do and exits with 1, before any other
 * module (above all better-sqlite3, which would crash the process) is evaluated.
 */
import { unsupportedNodeMessage } from '../../electron/core/supported-node.mjs';

const message = unsupportedNodeMessage();
if (message) {
  console.error(message);
  process.exit(1);
}
