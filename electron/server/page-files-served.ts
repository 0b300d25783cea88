/**
 * The app's page and the files it names up front (its scripts, stylesheets and preloaded fonts):
 * what a window asks for first, all at once, on every start.
 *
 * - They are read into memory when the server starts (about half a megabyte, a millisecond from
 *   the OS cache) and each is sent in one piece the first time it is asked for: streamed from disk,
 *   each took several trips through the server's thread, which on a busy 2-core PC spread the
 *   page's files over 100 to 200 ms. Once sent, the copy is dropped (later loads come from the
 *   window's cache or are streamed).
 * - `done` tells when all of them have been sent. Browser mode loads the first screen's handlers
 *   only then, and the channel code (zod, every schema, dispatch: 50 to 100 ms of the server's
 *   single thread) no sooner: loaded at once after listening, it held up the page's files, which
 *   need none of it.
 */
import fs from 'node:fs';
import path from 'node:path';

/** A window that never asks for the page (started with `--no-open`) should not delay the code, or hold the copies, for ever. */
const AT_THE_LATEST_MS = 1500;

export interface PageFiles {
  /** The body of a page file not sent yet, by URL path (`/` for the page itself). */
  unsent(urlPath: string): Buffer | undefined;
  /** Call when a file request has been answered in full, with its URL path. */
  served(urlPath: string): void;
  /** Settles once the page and its files are sent, or after a while without them. */
  readonly done: Promise<void>;
}

/** The app files the built page names with an absolute path (`src="/assets/…"`, `href="/assets/…"`). */
export function filesNamedByPage(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)="(\/[^"]+)"/g)].map((match) => match[1] ?? '').filter(Boolean);
}

function readPageFiles(rendererDir: string): Map<string, Buffer> {
  const bodies = new Map<string, Buffer>();
  let page: Buffer;
  try {
    page = fs.readFileSync(path.join(rendererDir, 'index.html'));
  } catch {
    // No page to serve (a server for tests): only the timer settles `done`.
    return bodies;
  }
  bodies.set('/', page);
  for (const urlPath of filesNamedByPage(page.toString('utf8'))) {
    const file = path.join(rendererDir, ...decodeURIComponent(urlPath).split('/'));
    // Only files inside the renderer's folder; one that cannot be read is streamed (or refused) as before.
    if (!file.startsWith(path.join(rendererDir, path.sep))) continue;
    try {
      bodies.set(urlPath, fs.readFileSync(file));
    } catch {
      continue;
    }
  }
  return bodies;
}

export function pageFiles(rendererDir: string): PageFiles {
  const bodies = readPageFiles(rendererDir);
  const waitingFor = new Set(bodies.keys());
  let settle: () => void = () => {};
  const done = new Promise<void>((resolve) => (settle = resolve));
  const timer = setTimeout(settle, AT_THE_LATEST_MS);
  timer.unref();
  // Copies not asked for by then (no window yet) are dropped: a window that comes later gets the files from disk.
  void done.then(() => {
    clearTimeout(timer);
    bodies.clear();
  });
  return {
    unsent: (urlPath) => bodies.get(urlPath),
    served(urlPath) {
      bodies.delete(urlPath);
      if (waitingFor.delete(urlPath) && waitingFor.size === 0) settle();
    },
    done,
  };
}
