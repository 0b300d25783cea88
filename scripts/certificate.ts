/** `npm run certificate -- <command>`: check certificates and set up who issues them. */
// First: on too old a Node, one line and exit 1 before anything else loads.
import './lib/require-supported-node.mjs';
import { installIssuerCommand, issuerCommand, trustCommand } from './certificate/issuer-commands.js';
import { verifyCommand } from './certificate/verify-command.js';
import { runCommandLine } from './course/cli-helpers.js';

process.exitCode = await runCommandLine(
  'certificate',
  [verifyCommand, issuerCommand, installIssuerCommand, trustCommand],
  ['What a certificate proves, and how to check one: docs/certificates.md.'],
  process.argv.slice(2),
);
