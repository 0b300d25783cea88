import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { filesNamedByPage, pageFiles } from '../../../electron/server/page-files-served.js';
import { startLoopbackServer, type RunningLoopbackServer } from '../../../electron/server/loopback-server.js';
import { makeTempDir, sampleOnlyCourseRoot } from '../../helpers/temp-dir.js';

/** The shape of the page Vite builds (dist/renderer/index.html): a script, preloads, stylesheets, fonts. */
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <link rel="icon" href="data:," />
    <script type="module" crossorigin src="/assets/main-abc.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/react-def.js">
    <link rel="stylesheet" crossorigin href="/assets/main-ghi.css">
    <link rel="preload" as="font" type="font/woff2" href="/assets/font-jkl.woff2" crossorigin="">
  </head>
  <body><div id="root"></div></body>
</html>`;
const NAMED = ['/assets/main-abc.js', '/assets/react-def.js', '/assets/main-ghi.css', '/assets/font-jkl.woff2'];

/** Whether a promise has settled by now (after the tasks already queued have run). */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 20));
  return done;
}

describe('the page and the files it names', () => {
  it('are the files the built page names with an absolute path (not data: URLs)', () => {
    expect(filesNamedByPage(PAGE)).toEqual(NAMED);
  });

  describe('served by the loopback server', () => {
    let temp: ReturnType<typeof makeTempDir>;
    let core: RunningCore;
    let server: RunningLoopbackServer;
    let rendererDir: string;
    const get = (urlPath: string, method = 'GET') =>
      fetch(`${server.origin}${urlPath}`, { method, headers: { 'x-aula-secret': server.secret } });

    beforeEach(async () => {
      temp = makeTempDir();
      rendererDir = path.join(temp.dir, 'renderer');
      fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
      fs.writeFileSync(path.join(rendererDir, 'index.html'), PAGE);
      for (const [index, urlPath] of NAMED.entries()) {
        // Bodies of different sizes, one larger than a stream's 64 kB chunk.
        fs.writeFileSync(path.join(rendererDir, urlPath), Buffer.alloc(100 + index * 40_000, 97 + index));
      }
      core = await startCore({
        dataDir: path.join(temp.dir, 'data'),
        courseRoots: [sampleOnlyCourseRoot(temp.dir)],
        appVersion: 'test',
      });
      server = await startLoopbackServer({ handlers: core.handlers, catalog: core.catalog, rendererDir, port: 0 });
    });
    afterEach(async () => {
      await server.close();
      core.close();
      temp.remove();
    });

    it('tells when the page and every file it names have been sent, not before', async () => {
      expect(await settled(server.pageFilesServed)).toBe(false);
      expect((await get('/')).status).toBe(200);
      for (const urlPath of NAMED.slice(0, -1)) await (await get(urlPath)).arrayBuffer();
      // A HEAD request sends no file.
      await get(NAMED.at(-1) ?? '', 'HEAD');
      expect(await settled(server.pageFilesServed)).toBe(false);
      await (await get(NAMED.at(-1) ?? '')).arrayBuffer();
      expect(await settled(server.pageFilesServed)).toBe(true);
    });

    it('sends each file as it was when the server started, whole, with its length, then from disk', async () => {
      const onDisk = Object.fromEntries(NAMED.map((urlPath) => [urlPath, fs.readFileSync(path.join(rendererDir, urlPath))]));
      // Changed after the start: the first answer is the copy read at the start, a later one the file.
      fs.writeFileSync(path.join(rendererDir, NAMED[1] ?? ''), 'changed');
      for (const urlPath of NAMED) {
        const response = await get(urlPath);
        const body = Buffer.from(await response.arrayBuffer());
        expect(body.equals(onDisk[urlPath] ?? Buffer.alloc(0))).toBe(true);
        expect(Number(response.headers.get('content-length'))).toBe(body.length);
      }
      expect(await (await get(NAMED[1] ?? '')).text()).toBe('changed');
    });

    it('still refuses the page without the secret, and sends it with it afterwards', async () => {
      const refused = await fetch(`${server.origin}/`);
      expect(refused.status).toBe(403);
      expect(await refused.text()).not.toContain('<div id="root">');
      expect(await (await get('/')).text()).toBe(PAGE);
    });
  });

  it('are given up waiting for when no window asks for them', async () => {
    vi.useFakeTimers();
    try {
      const temp = makeTempDir();
      fs.writeFileSync(path.join(temp.dir, 'index.html'), PAGE);
      const files = pageFiles(temp.dir);
      expect(files.unsent('/')?.toString()).toBe(PAGE);
      let done = false;
      void files.done.then(() => (done = true));
      await vi.advanceTimersByTimeAsync(1000);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1000);
      expect(done).toBe(true);
      // Nothing is held for a window that may never come.
      expect(files.unsent('/')).toBeUndefined();
      temp.remove();
    } finally {
      vi.useRealTimers();
    }
  });
});
