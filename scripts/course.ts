/** `npm run course -- <command>`: the trainer's tools for writing, checking and packing courses. */
// First: on too old a Node, one line and exit 1 before anything else loads.
import './lib/require-supported-node.mjs';
import { checkCommand } from './course/check-command.js';
import { runCommandLine } from './course/cli-helpers.js';
import { installCommand } from './course/install-command.js';
import { keygenCommand } from './course/keygen-command.js';
import { newCommand } from './course/new-command.js';
import { packCommand } from './course/pack-command.js';
import { previewCommand } from './course/preview-command.js';
import { translateDataCommand } from './course/translate-data-command.js';

process.exitCode = await runCommandLine(
  'course',
  [newCommand, checkCommand, previewCommand, keygenCommand, packCommand, installCommand, translateDataCommand],
  ['The course format is described in docs/course-format.md.'],
  process.argv.slice(2),
);
