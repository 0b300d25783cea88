/**
 * Starts a server the way a learner's PC does: a fresh Node process that prints one ready line
 * with its launch URL. Aula itself is started through scripts/launch.mjs (the real `npm start`
 * path, minus npm), which runs scripts/start.ts from an esbuild bundle; the baseline page through
 * scripts/bench/baseline/serve-baseline.ts, which uses the same loopback server, bundled and run
 * the same way. Bundles are built (or found current) before the clock starts.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../lib/project-paths.js';
import { ensureBundle } from '../../lib/start-bundle.mjs';
import { stopChild, type BenchResources } from './resources.js';

const READY_LINE = /^Aula ready: (http:\/\/127\.0\.0\.1:\d+\/\S*)$/m;
const START_TIMEOUT_MS = 60_000;

export interface ServerProcess {
  launchUrl: string;
  origin: string;
  /** The per-launch secret, for calls over HTTP with the `x-aula-secret` header. */
  secret: string;
  pid: number;
  /** Milliseconds from just before spawning to the ready line. */
  readyMs: number;
  output(): string;
  stop(): Promise<void>;
}

async function startServerProcess(
  resources: BenchResources,
  script: string,
  args: string[],
  how: { command: string; env?: NodeJS.ProcessEnv; cwd?: string } = { command: process.execPath },
): Promise<ServerProcess> {
  const startedAt = performance.now();
  const child = spawn(how.command, how.command === process.execPath ? [script, ...args] : args, {
    cwd: how.cwd ?? PROJECT_ROOT,
    env: how.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  resources.trackChild(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  let readyMs = 0;
  const launchUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${path.basename(script)} printed no ready line within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    child.stdout.on('data', () => {
      const match = READY_LINE.exec(output);
      if (match?.[1]) {
        readyMs = performance.now() - startedAt;
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${path.basename(script)} exited with ${code} before it was ready:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stopChild(child);
    throw error;
  });

  const url = new URL(launchUrl);
  const secret = url.searchParams.get('secret');
  if (!secret || child.pid === undefined) throw new Error(`unexpected ready line: ${launchUrl}`);
  return {
    launchUrl,
    origin: url.origin,
    secret,
    pid: child.pid,
    readyMs,
    output: () => output,
    stop: () => stopChild(child),
  };
}

/** Browser mode exactly as `npm start -- --browser --no-open --port 0 --data-dir DIR` runs it. */
export async function startAula(resources: BenchResources, dataDir: string): Promise<ServerProcess> {
  await ensureBundle('start', 'scripts/start.ts');
  return startServerProcess(
    resources,
    path.join(PROJECT_ROOT, 'scripts', 'launch.mjs'),
    ['--browser', '--no-open', '--port', '0', '--data-dir', dataDir],
    // Measured as packaged builds run: without development's result checks.
    { command: process.execPath, env: { ...process.env, AULA_CHECK_RESULTS: '0' } },
  );
}

/** An installed package's launcher (`aula` in the extracted folder), with the environment given. */
export function startInstalledPackage(
  resources: BenchResources,
  launcher: string,
  dataDir: string,
  env: NodeJS.ProcessEnv,
): Promise<ServerProcess> {
  return startServerProcess(resources, launcher, ['--no-open', '--port', '0', '--data-dir', dataDir], {
    command: launcher,
    env,
    cwd: path.dirname(launcher),
  });
}

/** The bare baseline page (a Vite build in `siteDir`) behind the same loopback server as Aula's. */
export async function startBaselineServer(resources: BenchResources, siteDir: string): Promise<ServerProcess> {
  const bundle = await ensureBundle('bench-baseline', 'scripts/bench/baseline/serve-baseline.ts');
  return startServerProcess(resources, bundle, ['--site', siteDir]);
}

/** Resident memory of a process in MB (10^6 bytes), read from /proc; null where there is no /proc. */
export function residentMemoryMB(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
    return match?.[1] ? (Number(match[1]) * 1024) / 1e6 : null;
  } catch {
    return null;
  }
}

/** Calls a channel over browser mode's HTTP API, as another program on the PC would. */
export async function callChannel<T>(server: ServerProcess, channel: string, args: unknown): Promise<T> {
  const response = await fetch(`${server.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-aula-secret': server.secret },
    body: JSON.stringify(args),
  });
  const envelope = (await response.json()) as { ok: true; result: T } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.message}`);
  return envelope.result;
}
