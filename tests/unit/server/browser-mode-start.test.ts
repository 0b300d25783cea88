import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels } from '../../../electron/contract/channels.js';
import { ApiFailure } from '../../../electron/core/api-failure.js';
import { readDataFolderLock } from '../../../electron/core/data-folder-lock.js';
import { startCore } from '../../../electron/core/start-core.js';
import { startBrowserMode, type RunningBrowserMode } from '../../../electron/server/browser-mode.js';
import { startLoopbackServer } from '../../../electron/server/loopback-server.js';
import { makeTempDir, sampleOnlyCourseRoot } from '../../helpers/temp-dir.js';

interface Answer {
  status: number;
  body: string;
}

async function answer(response: Promise<Response>): Promise<Answer> {
  const got = await response;
  return { status: got.status, body: await got.text() };
}

/** A built page's folder with just its page, in `dir`. */
function appPage(dir: string): string {
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  return rendererDir;
}

/** Browser mode on `dataDir` with the sample course, no backup timer, on a free port. */
function startOptions(dir: string, dataDir: string, rendererDir: string) {
  return {
    dataDir,
    courseRoots: [sampleOnlyCourseRoot(dir)],
    appVersion: '0.0.0-test',
    firstBackupDelayMs: false as const,
    rendererDir,
    port: 0,
  };
}

/**
 * Browser mode listens once the data folder is open and loads the courses while the page loads:
 * whatever needs the core, asked for in that moment, waits for it and gets the full answer.
 */
describe('browser mode listening before its courses are loaded', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let aula: RunningBrowserMode | undefined;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(async () => {
    await aula?.stop();
    temp.remove();
  });

  it('answers calls and course files made as soon as it listens, after the courses are in', async () => {
    const dataDir = path.join(temp.dir, 'data');
    const lessonCache = path.join(dataDir, 'cache', 'lessons');
    const rendererDir = appPage(temp.dir);

    let early: { lessonsCompiledYet: boolean; lockUrl?: string; calls: Promise<Answer[]> } | undefined;
    aula = await startBrowserMode({
      ...startOptions(temp.dir, dataDir, rendererDir),
      onListening(launchUrl) {
        const url = new URL(launchUrl);
        const secret = url.searchParams.get('secret') ?? '';
        const headers = { 'x-aula-secret': secret };
        early = {
          // A new data folder has its sample lessons compiled into its cache while the courses load.
          lessonsCompiledYet: fs.existsSync(lessonCache),
          lockUrl: readDataFolderLock(dataDir)?.url,
          calls: Promise.all([
            answer(fetch(`${url.origin}/`, { headers })),
            answer(fetch(`${url.origin}/api/learners.list`, { method: 'POST', body: '{}', headers })),
            answer(fetch(`${url.origin}/course-files/sample/assets/cover.svg`)),
          ]),
        };
      },
    });

    expect(early).toBeDefined();
    expect(early?.lessonsCompiledYet).toBe(false);
    expect(early?.lockUrl).toBe(aula.launchUrl);
    const [page, learners, courseFile] = (await early?.calls) ?? [];
    expect(page).toMatchObject({ status: 200, body: expect.stringContaining('<title>app</title>') as unknown });
    expect(learners?.status).toBe(200);
    expect(JSON.parse(learners?.body ?? '')).toEqual({ ok: true, result: [] });
    // Served from the catalog: it exists only once the courses are loaded.
    expect(courseFile?.status).toBe(200);
    expect(courseFile?.body).toContain('<svg');
    expect(fs.existsSync(lessonCache)).toBe(true);
    expect(aula.core.catalog.current().courses.has('sample')).toBe(true);
  });

  it('refuses a second start on the same data folder before it listens, naming the first', async () => {
    const dataDir = path.join(temp.dir, 'data');
    const options = {
      dataDir,
      courseRoots: [sampleOnlyCourseRoot(temp.dir)],
      appVersion: '0.0.0-test',
      firstBackupDelayMs: false as const,
      rendererDir: temp.dir,
      port: 0,
    };
    aula = await startBrowserMode(options);
    let listened = false;
    await expect(
      startBrowserMode({
        ...options,
        onListening: () => {
          listened = true;
        },
      }),
    ).rejects.toThrow(`Aula is already open with this data folder: ${aula.launchUrl}`);
    expect(listened).toBe(false);
  });

  it("answers the first screen's calls without waiting for the core; the rest once it is ready", async () => {
    const core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      courseRoots: [sampleOnlyCourseRoot(temp.dir)],
      appVersion: '0.0.0-test',
      firstBackupDelayMs: false,
    });
    let markReady = () => {};
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    const server = await startLoopbackServer({
      handlers: core.handlers,
      catalog: core.catalog,
      rendererDir: temp.dir,
      port: 0,
      whenReady: () => ready,
      handlersBeforeReady: { 'learners.list': core.handlers['learners.list'] },
    });
    try {
      const call = (channel: string) =>
        answer(
          fetch(`${server.origin}/api/${channel}`, { method: 'POST', body: '{}', headers: { 'x-aula-secret': server.secret } }),
        );
      // The core is not ready: only a channel answered before it can come back now.
      expect(await call('learners.list')).toEqual({ status: 200, body: JSON.stringify({ ok: true, result: [] }) });
      const info = call('app.info');
      markReady();
      const answered = await info;
      expect(answered.status).toBe(200);
      expect(JSON.parse(answered.body)).toMatchObject({ ok: true, result: { version: '0.0.0-test' } });
    } finally {
      await server.close();
      core.close();
    }
  });

  it("answers the first screen's calls before the channel code with what dispatch answers later", async () => {
    const dataDir = path.join(temp.dir, 'data');
    const rendererDir = appPage(temp.dir);
    const setup = await startCore({ dataDir, courseRoots: [sampleOnlyCourseRoot(temp.dir)], appVersion: '0.0.0-test' });
    await setup.handlers['learners.create']({ displayName: 'Laia', language: 'ca' });
    setup.close();

    const call = (origin: string, secret: string, channel: string, body: string) =>
      answer(fetch(`${origin}/api/${channel}`, { method: 'POST', body, headers: { 'x-aula-secret': secret } }));
    let early: Promise<Answer[]> | undefined;
    aula = await startBrowserMode({
      ...startOptions(temp.dir, dataDir, rendererDir),
      onListening(launchUrl) {
        const url = new URL(launchUrl);
        const secret = url.searchParams.get('secret') ?? '';
        early = Promise.all([
          call(url.origin, secret, 'app.info', '{}'),
          call(url.origin, secret, 'learners.list', ''),
          // Arguments these channels do not take: refused by dispatch, as always.
          call(url.origin, secret, 'learners.list', '{"all":true}'),
        ]);
      },
    });
    const [info, learners, refused] = (await early) ?? [];
    const secret = new URL(aula.launchUrl).searchParams.get('secret') ?? '';
    const later = await Promise.all([
      call(aula.origin, secret, 'app.info', '{}'),
      call(aula.origin, secret, 'learners.list', '{}'),
    ]);
    expect([info, learners]).toEqual(later);
    expect(channels['app.info'].result.safeParse(JSON.parse(info?.body ?? '').result).success).toBe(true);
    expect(JSON.parse(learners?.body ?? '').result).toMatchObject([{ displayName: 'Laia', language: 'ca' }]);
    expect(channels['learners.list'].result.safeParse(JSON.parse(learners?.body ?? '').result).success).toBe(true);
    expect(refused?.status).toBe(400);
    expect(JSON.parse(refused?.body ?? '')).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });

  it('reports an early answer that fails as dispatch reports any failure', async () => {
    const core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      courseRoots: [sampleOnlyCourseRoot(temp.dir)],
      appVersion: '0.0.0-test',
      firstBackupDelayMs: false,
    });
    const server = await startLoopbackServer({
      handlers: core.handlers,
      catalog: core.catalog,
      rendererDir: temp.dir,
      port: 0,
      whenReady: () => new Promise(() => {}),
      channelCodeAfter: new Promise(() => {}),
      handlersBeforeReady: {
        'learners.list': () => {
          throw new ApiFailure('not-found', 'No learners here.', { reason: 'profile.not-found' });
        },
      },
    });
    try {
      const failed = await answer(
        fetch(`${server.origin}/api/learners.list`, { method: 'POST', body: '{}', headers: { 'x-aula-secret': server.secret } }),
      );
      expect(failed.status).toBe(404);
      expect(JSON.parse(failed.body)).toMatchObject({ ok: false, error: { code: 'not-found', message: 'No learners here.' } });
    } finally {
      await server.close();
      core.close();
    }
  });
});
