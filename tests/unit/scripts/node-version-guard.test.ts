import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_NODE_MAJOR, unsupportedNodeMessage } from '../../../electron/core/supported-node.mjs';
import { makeTempDir, REPO_ROOT } from '../../helpers/temp-dir.js';

function majorOf(version: string): number {
  return Number(version.replace(/^v/, '').split('.')[0]);
}

/** A Node older than Aula's on this machine (the system Node, outside node_modules), if there is one. */
function findOlderSystemNode(): string | null {
  const candidates = [
    '/usr/bin/node',
    '/usr/local/bin/node',
    ...(process.env.PATH ?? '')
      .split(path.delimiter)
      .filter((dir) => dir && !dir.includes('node_modules'))
      .map((dir) => path.join(dir, 'node')),
  ];
  for (const candidate of candidates) {
    if (!fs.existsSync(candidate)) continue;
    const probe = spawnSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' });
    if (probe.status === 0 && majorOf(probe.stdout.trim()) < SUPPORTED_NODE_MAJOR) return candidate;
  }
  return null;
}

const olderNode = findOlderSystemNode();
if (!olderNode)
  console.log(`[node-version-guard] no Node older than ${SUPPORTED_NODE_MAJOR} on this machine: the runs on one are skipped`);

describe('the Node version Aula needs', () => {
  it('is the major version of the pinned devDependency node', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(majorOf(pkg.devDependencies.node!)).toBe(SUPPORTED_NODE_MAJOR);
    expect(majorOf(process.versions.node)).toBeGreaterThanOrEqual(SUPPORTED_NODE_MAJOR);
  });

  it('accepts that major and newer ones, and names what to do on older ones', () => {
    expect(unsupportedNodeMessage(`${SUPPORTED_NODE_MAJOR}.0.0`)).toBeNull();
    expect(unsupportedNodeMessage(`${SUPPORTED_NODE_MAJOR + 1}.2.3`)).toBeNull();
    const message = unsupportedNodeMessage('20.20.2');
    expect(message).toContain(`needs Node ${SUPPORTED_NODE_MAJOR}`);
    expect(message).toContain('Node 20.20.2');
    expect(message).toContain('npm start');
    expect(message).not.toContain('\n');
  });
});

describe.runIf(olderNode)(`entry points started on an older Node (${olderNode})`, () => {
  const expectOneLineAndExit1 = (args: string[], dataDir: string) => {
    const run = spawnSync(olderNode!, args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: 50_000 });
    expect(run.signal, run.stderr).toBeNull();
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Aula needs Node ${SUPPORTED_NODE_MAJOR} or newer, but was started with Node 2?\\d\\.`));
    // Nothing was opened or created: the data folder stays as it was.
    expect(fs.readdirSync(dataDir)).toEqual([]);
  };

  it("npm start's launcher prints one line and exits 1 (no crash, no data folder touched)", () => {
    const temp = makeTempDir();
    try {
      expectOneLineAndExit1(['scripts/launch.mjs', '--browser', '--no-open', '--data-dir', temp.dir], temp.dir);
    } finally {
      temp.remove();
    }
  });

  it('the course and certificate commands do the same', () => {
    const temp = makeTempDir();
    try {
      expectOneLineAndExit1(
        ['--import', 'tsx', 'scripts/course.ts', 'install', path.join(temp.dir, 'x.aulapack'), '--data-dir', temp.dir],
        temp.dir,
      );
      expectOneLineAndExit1(['--import', 'tsx', 'scripts/certificate.ts', 'verify', path.join(temp.dir, 'x.pdf')], temp.dir);
    } finally {
      temp.remove();
    }
  });
});
