import { parseArgs, type ParseArgsConfig } from 'node:util';
import path from 'node:path';
import cliProgress from 'cli-progress';

/** Thrown for a mistake in how a command was called; the CLI prints it with the command's help. */
export class UsageError extends Error {}

export interface Command {
  name: string;
  summary: string;
  help: string;
  run(args: string[]): Promise<number>;
}

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** A progress bar on a terminal (cli-progress), plain start and end lines elsewhere (CI logs, pipes). */
export function progressPrinter(label: string): { update(done: number, total: number, step?: string): void; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} {bar} {percentage}% {step}`, stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total, step = '') {
        if (!started) bar.start(total, done, { step });
        started = true;
        bar.setTotal(total);
        bar.update(done, { step });
      },
      stop: () => bar.stop(),
    };
  }
  let last = '';
  return {
    update(done, total, step = '') {
      const line = `${label} ${step} ${done}/${total}`;
      if ((done === 0 || done === total) && line !== last) process.stderr.write(`${line}\n`);
      last = line;
    },
    stop() {},
  };
}

/**
 * A path the person typed, resolved against the folder they ran npm from: `npm run` itself
 * changes to the project folder, and says where it started in INIT_CWD.
 */
export function userPath(typed: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), typed);
}

/** A path shown to the person, relative to where they are when that is shorter. */
export function shownPath(absolute: string): string {
  const relative = path.relative(process.env.INIT_CWD ?? process.cwd(), absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
}

/**
 * Runs one command of a tool (`npm run <tool> -- <command> ...`): the overview, per-command
 * --help, usage errors with the command's help, and an exit code. Shared by `course` and
 * `certificate`.
 */
export async function runCommandLine(tool: string, commands: Command[], footer: string[], argv: string[]): Promise<number> {
  const width = Math.max(...commands.map((c) => c.name.length));
  const overview = [
    `Usage: npm run ${tool} -- <command> [options]`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `Each command has its own help: npm run ${tool} -- <command> --help`,
    ...footer,
  ].join('\n');
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(overview);
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${overview}`);
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
      console.error(`${tool} ${name}: ${error.message}\n\n${command.help}`);
      return 1;
    }
    console.error(`${tool} ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
