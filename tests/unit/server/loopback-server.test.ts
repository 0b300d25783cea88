import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { startLoopbackServer, type RunningLoopbackServer } from '../../../electron/server/loopback-server.js';
import { makeTempDir, sampleOnlyCourseRoot } from '../../helpers/temp-dir.js';
import fs from 'node:fs';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request, so the test controls every header (fetch would set Host and Origin itself). */
function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('loopback server (browser mode)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  let server: RunningLoopbackServer;
  let rendererDir: string;
  const host = () => `127.0.0.1:${server.port}`;
  const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    request(server.port, {
      method: 'POST',
      path: `/api/${channel}`,
      headers: { Host: host(), 'x-aula-secret': server.secret, 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    temp = makeTempDir();
    rendererDir = path.join(temp.dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Aula</title>');
    fs.writeFileSync(path.join(temp.dir, 'outside.txt'), 'secret file outside the served folders');
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      courseRoots: [sampleOnlyCourseRoot(temp.dir)],
      appVersion: 'test',
    });
    server = await startLoopbackServer({ handlers: core.handlers, catalog: core.catalog, rendererDir, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    core.close();
    temp.remove();
  });

  it('listens on 127.0.0.1 and prints a launch URL carrying the secret', () => {
    expect(server.launchUrl).toBe(`http://127.0.0.1:${server.port}/?secret=${server.secret}`);
    expect(server.secret.length).toBeGreaterThanOrEqual(40);
  });

  it('answers 403 to a request without the secret, for pages and channels alike', async () => {
    expect((await request(server.port, { path: '/', headers: { Host: host() } })).status).toBe(403);
    const call = await request(server.port, {
      method: 'POST',
      path: '/api/learners.list',
      headers: { Host: host() },
      body: '{}',
    });
    expect(call.status).toBe(403);
    expect(JSON.parse(call.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await api('learners.list', {}, { 'x-aula-secret': 'wrong' })).status).toBe(403);
  });

  it('answers 403 to a foreign Host header (DNS rebinding) even with the secret', async () => {
    const response = await request(server.port, {
      path: '/',
      headers: { Host: 'evil.example:80', 'x-aula-secret': server.secret },
    });
    expect(response.status).toBe(403);
  });

  it('refuses channel calls from another origin', async () => {
    const response = await api('learners.list', {}, { Origin: 'http://127.0.0.1:1' });
    expect(response.status).toBe(403);
  });

  it('turns the launch URL into an HttpOnly cookie that then opens the app', async () => {
    const launch = await request(server.port, { path: `/?secret=${server.secret}`, headers: { Host: host() } });
    expect(launch.status).toBe(303);
    expect(launch.headers.location).toBe('/');
    const cookie = launch.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request(server.port, { path: '/', headers: { Host: host(), Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    // 'wasm-unsafe-eval' (WebAssembly, for sql.js) is allowed; 'unsafe-eval' (strings as code) never.
    expect(page.headers['content-security-policy']).not.toContain("'unsafe-eval'");
  });

  it('serves channels with results in an envelope', async () => {
    const created = await api('learners.create', { displayName: 'Laia', language: 'ca' });
    expect(created.status).toBe(200);
    const response = await api('learners.list', {});
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, result: [{ displayName: 'Laia' }] });
  });

  it.each([
    ['an unknown channel', () => api('no.such.channel', {}), 404, 'unknown-channel'],
    ['invalid arguments', () => api('catalog.list', { session: 42 }), 400, 'invalid-arguments'],
    ['a body that is not JSON', () => api('catalog.list', '{not json'), 400, 'invalid-arguments'],
    [
      'a body over the size limit',
      () => api('catalog.list', JSON.stringify({ session: 'x'.repeat(2 * 1024 * 1024) })),
      413,
      'invalid-arguments',
    ],
  ])('gives a structured JSON error for %s, never a crash', async (_name, run, status, code) => {
    const response = await run();
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
    expect((await api('learners.list', {})).status).toBe(200);
  });

  it('serves course assets and compiled lessons, and nothing outside them', async () => {
    const get = (p: string) => request(server.port, { path: p, headers: { Host: host(), 'x-aula-secret': server.secret } });
    const asset = await get('/course-files/sample/assets/data-sources.svg');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('image/svg+xml');
    const lesson = core.catalog.current().courses.get('sample')!.lessons[0]!;
    const module = await get(`/lessons/${lesson.moduleHash}.js`);
    expect(module.status).toBe(200);
    expect(module.headers['content-type']).toMatch(/javascript/);
    for (const sneaky of [
      '/../outside.txt',
      '/%2e%2e/outside.txt',
      '/course-files/sample/assets/..%2F..%2F..%2Foutside.txt',
      '/lessons/..%2F..%2Foutside.txt',
    ]) {
      expect((await get(sneaky)).status, sneaky).toBe(404);
    }
  });
});
