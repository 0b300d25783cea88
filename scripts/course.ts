/** `npm run course -- <command>`: the trainer's tools for writing, checking and packing courses. */
import { checkCommand } from './course/check-command.js';
import { UsageError, type Command } from './course/cli-helpers.js';
import { installCommand } from './course/install-command.js';
import { keygenCommand } from './course/keygen-command.js';
import { newCommand } from './course/new-command.js';
import { packCommand } from './course/pack-command.js';
import { previewCommand } from './course/preview-command.js';

const commands: Command[] = [newCommand, checkCommand, previewCommand, keygenCommand, packCommand, installCommand];

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: npm run course -- <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Each command has its own help: npm run course -- <command> --help',
    'The course format is described in docs/course-format.md.',
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
      console.error(`course ${name}: ${error.message}\n\n${command.help}`);
      return 1;
    }
    console.error(`course ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
