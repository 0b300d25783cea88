import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LESSON_RUNTIME_MODULES, LESSON_RUNTIME_PATH } from '../../../electron/contract/lesson-runtime.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { startLoopbackServer, type RunningLoopbackServer } from '../../../electron/server/loopback-server.js';
import { makeTempDir, sampleOnlyCourseRoot } from '../../helpers/temp-dir.js';

function get(server: RunningLoopbackServer, urlPath: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: server.port, method, path: urlPath, headers: { Host: `127.0.0.1:${server.port}`, ...headers } },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
      },
    );
    request.on('error', reject);
    request.end(method === 'POST' ? '{}' : undefined);
  });
}

describe('what a sandboxed lesson frame may load from the loopback server', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  let server: RunningLoopbackServer;
  beforeEach(async () => {
    temp = makeTempDir();
    const rendererDir = path.join(temp.dir, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
    fs.writeFileSync(path.join(rendererDir, 'lesson-frame.html'), '<!doctype html><title>frame</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'frame-1234.js'), 'export {};');
    fs.mkdirSync(path.join(rendererDir, 'lesson-runtime'));
    fs.writeFileSync(path.join(rendererDir, 'lesson-runtime', 'react.js'), 'export {};');
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      courseRoots: [sampleOnlyCourseRoot(temp.dir)],
      appVersion: 'test',
      firstBackupDelayMs: false,
    });
    server = await startLoopbackServer({ handlers: core.handlers, catalog: core.catalog, rendererDir, port: 0 });
  });
  afterEach(async () => {
    await server.close();
    core.close();
    temp.remove();
  });

  it('serves the frame page and its static files without the secret, to an opaque origin', async () => {
    const frame = await get(server, '/lesson-frame.html?course=sample');
    expect(frame.status).toBe(200);
    const policy = String(frame.headers['content-security-policy']);
    const origin = `http://127.0.0.1:${server.port}`;
    expect(policy).toContain(`connect-src ${origin}/assets/ ${origin}/course-files/sample/`);
    expect(policy).toContain(`frame-ancestors ${origin}`);
    expect(policy).toContain(`script-src ${origin}/assets/ ${origin}${LESSON_RUNTIME_PATH} `);
    expect(policy).toContain("form-action 'none'");
    expect(policy).not.toMatch(/'self'|'unsafe-inline'|'unsafe-eval'/);
    expect(frame.headers['x-frame-options']).toBeUndefined();

    const script = await get(server, '/assets/frame-1234.js', { Origin: 'null' });
    expect(script.status).toBe(200);
    expect(script.headers['access-control-allow-origin']).toBe('null');
    expect(script.headers['cross-origin-resource-policy']).toBe('cross-origin');
    // Another site is not told it may read them.
    expect(
      (await get(server, '/assets/frame-1234.js', { Origin: 'https://example.org' })).headers['access-control-allow-origin'],
    ).toBeUndefined();
    // The React modules lessons import: the frame may load them, and a new build may change them.
    const react = await get(server, LESSON_RUNTIME_MODULES.react, { Origin: 'null' });
    expect(react.status).toBe(200);
    expect(react.headers['access-control-allow-origin']).toBe('null');
    expect(String(react.headers['cache-control'])).not.toContain('immutable');
    // A course's data, answer keys excepted.
    expect((await get(server, '/course-files/sample/quizzes/data-sources-check.yaml')).status).toBe(404);
  });

  it('keeps the secret on the app page and the API, and refuses the API to an opaque origin even with it', async () => {
    expect((await get(server, '/')).status).toBe(403);
    expect((await get(server, '/index.html')).status).toBe(403);
    expect((await get(server, '/api/learners.list', {}, 'POST')).status).toBe(403);
    expect((await get(server, '/api/learners.list', { Origin: 'null', 'x-aula-secret': server.secret }, 'POST')).status).toBe(
      403,
    );
    expect((await get(server, '/assets/frame-1234.js', {}, 'POST')).status).toBe(403);
    // The app page pins its frames to the lesson page.
    const page = await get(server, '/', { 'x-aula-secret': server.secret });
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain(
      `frame-src http://127.0.0.1:${server.port}/lesson-frame.html`,
    );
  });
});
