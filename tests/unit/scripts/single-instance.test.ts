import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../../../electron/core/data-folder-lock.js';
import { uploadsDir } from '../../../electron/core/pack-staging.js';
import { makeTempDir, REPO_ROOT } from '../../helpers/temp-dir.js';

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs a project script on the project's Node, collecting its output. */
function run(args: string[]): Run {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

const startAula = (dataDir: string) =>
  run(['scripts/launch.mjs', '--browser', '--no-open', '--port', '0', '--data-dir', dataDir]);

/** The launch URL from the ready line, or the output so far if the process ends first. */
function readyUrl(aula: Run): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = /^Aula ready: (\S+)$/m.exec(aula.output());
      if (match?.[1]) resolve(match[1]);
    };
    aula.child.stdout!.on('data', check);
    void aula.exited.then(({ code }) => reject(new Error(`Aula ended (${code}) before it was ready:\n${aula.output()}`)));
  });
}

describe('one Aula per data folder, across processes', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const running: Run[] = [];
  const track = (aula: Run) => (running.push(aula), aula);

  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(async () => {
    for (const aula of running.splice(0)) {
      aula.child.kill('SIGKILL');
      await aula.exited;
    }
    temp.remove();
  });

  it('a second start sends the person to the first one and leaves its data folder alone; the CLI install is refused', async () => {
    const first = track(startAula(temp.dir));
    const url = await readyUrl(first);
    // A pack the first one's learner has uploaded and not yet confirmed.
    const pending = path.join(uploadsDir(temp.dir), 'pending.aulapack');
    fs.mkdirSync(uploadsDir(temp.dir), { recursive: true });
    fs.writeFileSync(pending, 'a pack waiting for confirmation');

    const second = startAula(temp.dir);
    const secondEnd = await second.exited;
    expect(second.output()).toContain(`Aula is already open with this data folder: ${url}\n`);
    expect(second.output()).not.toContain('Aula ready:');
    expect(secondEnd.code).toBe(0);
    expect(fs.existsSync(pending)).toBe(true);

    const install = run([
      '--import',
      'tsx',
      'scripts/course.ts',
      'install',
      path.join(temp.dir, 'some.aulapack'),
      '--data-dir',
      temp.dir,
    ]);
    const installEnd = await install.exited;
    expect(installEnd.code).toBe(1);
    expect(install.output().trim()).toBe(
      `Not installed: Aula is open with the data folder ${temp.dir}; close it first, or install the pack in the app ("Install a course from a file").`,
    );

    // The first one is still serving, with its data folder.
    const answer = await fetch(new URL('/api/learners.list', url), {
      method: 'POST',
      body: '{}',
      headers: { 'x-aula-secret': new URL(url).searchParams.get('secret')! },
    });
    expect(answer.status).toBe(200);
  });

  it('a lock left by a killed Aula does not block the next start, which releases it when stopped', async () => {
    const killed = track(startAula(temp.dir));
    const oldUrl = await readyUrl(killed);
    killed.child.kill('SIGKILL');
    expect((await killed.exited).signal).toBe('SIGKILL');
    const lockFile = path.join(temp.dir, LOCK_FILE_NAME);
    expect(fs.existsSync(lockFile)).toBe(true);

    const next = track(startAula(temp.dir));
    const newUrl = await readyUrl(next);
    expect(newUrl).not.toBe(oldUrl);
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: next.child.pid, url: newUrl });

    next.child.kill('SIGTERM');
    await next.exited;
    expect(next.output()).toMatch(/Aula stopped \(SIGTERM/);
    expect(fs.existsSync(lockFile)).toBe(false);
  });
});
