/**
 * Everything the benchmark creates that must not outlive it: one temp folder (all data folders
 * and builds go inside it), the server processes it starts, and the browser. `release()` undoes
 * all of it, on success, on failure and on Ctrl+C; `releaseNow()` is the synchronous last resort
 * for the process's 'exit' event.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CLOSE_TIMEOUT_MS = 15_000;
const CHILD_EXIT_TIMEOUT_MS = 10_000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Sends SIGTERM, and SIGKILL if the process has not exited within the timeout. */
export async function stopChild(child: ChildProcess, timeoutMs = CHILD_EXIT_TIMEOUT_MS): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  try {
    await withTimeout(exited, timeoutMs, `process ${child.pid ?? '?'}`);
  } catch {
    child.kill('SIGKILL');
    await withTimeout(exited, timeoutMs, `killed process ${child.pid ?? '?'}`).catch(() => {});
  }
}

export class BenchResources {
  /** The one temp folder everything else lives in. */
  readonly root: string;
  private readonly children = new Set<ChildProcess>();
  private readonly closers: { what: string; close: () => Promise<void> }[] = [];
  private released = false;
  private folderCount = 0;

  constructor(prefix = 'aula-bench-') {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  }

  /** True once `release` has begun (e.g. after Ctrl+C): nothing new should start. */
  get isReleased(): boolean {
    return this.released;
  }

  /** A new, empty folder inside the benchmark's temp folder. */
  folder(name: string): string {
    this.folderCount += 1;
    const dir = path.join(this.root, `${String(this.folderCount).padStart(2, '0')}-${name}`);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }

  /** Stopped at release unless it has exited by then; forgets it once it exits. */
  trackChild(child: ChildProcess): void {
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
  }

  /** Run at release, last registered first. */
  onRelease(what: string, close: () => Promise<void>): void {
    this.closers.push({ what, close });
  }

  /** Closes everything, stops every process, removes the temp folder. Reports problems, never throws. */
  async release(log: (message: string) => void = console.error): Promise<void> {
    if (this.released) return;
    this.released = true;
    for (const { what, close } of this.closers.reverse()) {
      try {
        await withTimeout(close(), CLOSE_TIMEOUT_MS, what);
      } catch (error) {
        log(`bench: could not close ${what}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await Promise.all([...this.children].map((child) => stopChild(child)));
    fs.rmSync(this.root, { recursive: true, force: true, maxRetries: 3 });
  }

  /** For process 'exit', where nothing asynchronous runs any more: kill and delete. */
  releaseNow(): void {
    for (const child of this.children) child.kill('SIGKILL');
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
