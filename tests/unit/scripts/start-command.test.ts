import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, REPO_ROOT } from '../../helpers/temp-dir.js';

/** The interface other checks rely on, run exactly as documented: through `npm start`. */
describe('npm start -- --browser --no-open --port 0 --data-dir DIR', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('prints one ready line with the URL, answers 403 without the secret, and closes the database on SIGTERM', async () => {
    const child = spawn('npm', ['start', '--', '--browser', '--no-open', '--port', '0', '--data-dir', temp.dir], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // 'close' waits for every holder of the output pipes, so Aula itself (npm's child) has exited too.
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('close', (code, signal) => resolve({ code, signal })),
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ready line:\n${output}`)), 50_000);
        child.stdout.on('data', () => {
          const match = /^Aula ready: (\S+)$/m.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      expect(output.match(/^Aula ready: /gm)).toHaveLength(1);
      const parsed = new URL(url);
      expect(parsed.hostname).toBe('127.0.0.1');
      expect(parsed.searchParams.get('secret')).toMatch(/^[\w-]{40,}$/);

      const withoutSecret = await fetch(`${parsed.origin}/api/learners.list`, { method: 'POST', body: '{}' });
      expect(withoutSecret.status).toBe(403);
      const withSecret = await fetch(`${parsed.origin}/api/learners.list`, {
        method: 'POST',
        body: '{}',
        headers: { 'x-aula-secret': parsed.searchParams.get('secret')! },
      });
      expect(withSecret.status).toBe(200);
      expect(fs.existsSync(path.join(temp.dir, 'aula.sqlite-wal'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    const { code, signal } = await closed;
    // npm forwards SIGTERM to Aula, waits for it, then ends itself with the same signal.
    expect(code === 0 || signal === 'SIGTERM', `npm ended with ${code} / ${signal}`).toBe(true);
    expect(output).toMatch(/Aula stopped \(SIGTERM/);
    // A clean close checkpoints and removes the write-ahead log.
    expect(fs.existsSync(path.join(temp.dir, 'aula.sqlite-wal'))).toBe(false);
  });
});
