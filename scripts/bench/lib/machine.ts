/** The machine a run measured, printed at the top of the results: figures mean little without it. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { PROJECT_ROOT } from '../../lib/project-paths.js';

export interface MachineInfo {
  cpuModel: string;
  logicalCpus: number;
  cpuMHz: number;
  memoryGB: number;
  freeMemoryGB: number;
  /** 1, 5 and 15 minute load averages when the run began (0 on Windows): other work on a shared PC. */
  loadAverage: number[];
  /** The same when the run ended. */
  loadAverageAtEnd?: number[];
  os: string;
  node: string;
  chromium: string | null;
  gitCommit: string | null;
}

function gitCommit(): string | null {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return null;
  }
}

export function describeMachine(chromiumVersion: string | null): MachineInfo {
  const cpus = os.cpus();
  const gb = (bytes: number) => Math.round((bytes / 1e9) * 10) / 10;
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    logicalCpus: cpus.length,
    cpuMHz: cpus[0]?.speed ?? 0,
    memoryGB: gb(os.totalmem()),
    freeMemoryGB: gb(os.freemem()),
    loadAverage: currentLoadAverage(),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    chromium: chromiumVersion,
    gitCommit: gitCommit(),
  };
}

/** Load averages now, for the end of a run: high figures mean other work competed for the CPUs. */
export function currentLoadAverage(): number[] {
  return os.loadavg().map((load) => Math.round(load * 100) / 100);
}

export function formatMachine(machine: MachineInfo): string {
  return [
    `CPU: ${machine.cpuModel}, ${machine.logicalCpus} logical CPUs${machine.cpuMHz ? ` at ${machine.cpuMHz} MHz` : ''}`,
    `Memory: ${machine.memoryGB} GB (${machine.freeMemoryGB} GB free at start)`,
    `Load average (1 / 5 / 15 min): ${machine.loadAverage.join(' / ')} at start` +
      (machine.loadAverageAtEnd ? `, ${machine.loadAverageAtEnd.join(' / ')} at end` : ''),
    `OS: ${machine.os}; Node ${machine.node}; Chromium ${machine.chromium ?? 'unknown'}; commit ${machine.gitCommit ?? 'unknown'}`,
  ].join('\n');
}
