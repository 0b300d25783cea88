/** `npm run certificate -- <command>`: check certificates and set up who issues them. */
import { installIssuerCommand, issuerCommand, trustCommand } from './certificate/issuer-commands.js';
import { verifyCommand } from './certificate/verify-command.js';
import { UsageError, type Command } from './course/cli-helpers.js';

const commands: Command[] = [verifyCommand, issuerCommand, installIssuerCommand, trustCommand];

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: npm run certificate -- <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Each command has its own help: npm run certificate -- <command> --help',
    'What a certificate proves, and how to check one: docs/certificates.md.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(overview());
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${overview()}`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.help);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`certificate ${name}: ${error.message}\n\n${command.help}`);
      return 1;
    }
    console.error(`certificate ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
