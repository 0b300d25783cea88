import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUploadFile, uploadsDir } from '../../../electron/core/received-files.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { startLoopbackServer, type RunningLoopbackServer } from '../../../electron/server/loopback-server.js';
import { makeTempDir, sampleOnlyCourseRoot } from '../../helpers/temp-dir.js';
import { ok } from '../../helpers/typed-core.js';

type Reply = { status: number; body: { ok: boolean; error?: { code: string; reason?: string; details?: string[] } } };

/** Browser mode's one route for calls with a file: any channel whose contract declares an upload. */
describe("browser mode's upload route", () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  let server: RunningLoopbackServer;
  let manager: string;
  const LIMIT = 100 * 1024;

  beforeAll(async () => {
    temp = makeTempDir();
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      courseRoots: [sampleOnlyCourseRoot(temp.dir)],
      appVersion: '0.0.0-test',
      firstBackupDelayMs: false,
    });
    const created = await ok(core, 'learners.create', { displayName: 'Montse', language: 'en' });
    manager = (await ok(core, 'learners.open', { learnerId: created.id })).session;
    server = await startLoopbackServer({
      handlers: core.handlers,
      catalog: core.catalog,
      rendererDir: temp.dir,
      port: 0,
      newUploadFile: () => newUploadFile(core.deps.dataDir),
      maxUploadBytes: LIMIT,
    });
  });
  afterAll(async () => {
    await server.close();
    core.close();
    temp.remove();
  });

  const inUploads = () => (fs.existsSync(uploadsDir(core.deps.dataDir)) ? fs.readdirSync(uploadsDir(core.deps.dataDir)) : []);

  /**
   * Posts `pieces` one after another without a Content-Length (chunked), as a sender that does not
   * say the size ahead.
   */
  function post(channel: string, contentType: string, pieces: Buffer[], args?: object): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: `/api/${channel}`,
          headers: {
            Host: `127.0.0.1:${server.port}`,
            'x-aula-secret': server.secret,
            'Content-Type': contentType,
            ...(args ? { 'x-aula-args': encodeURIComponent(JSON.stringify(args)) } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as never }),
          );
        },
      );
      request.on('error', reject);
      for (const piece of pieces) request.write(piece);
      request.end();
    });
  }

  it('refuses a body that grows past the limit while it streams in, and keeps nothing', async () => {
    const pieces = Array.from({ length: 6 }, () => Buffer.alloc(32 * 1024, 1));
    const reply = await post('packs.stage', 'application/octet-stream', pieces, { session: manager });
    expect([reply.status, reply.body.error?.code, reply.body.error?.reason]).toEqual([
      413,
      'invalid-arguments',
      'pack.upload-too-large',
    ]);
    expect(inUploads()).toEqual([]);
    // The server carries on.
    const info = await post('app.info', 'application/json', [Buffer.from('{}')]);
    expect([info.status, info.body.ok]).toEqual([200, true]);
  });

  it('refuses a file sent to a channel that takes none, before writing anything', async () => {
    const reply = await post('learners.list', 'application/octet-stream', [Buffer.alloc(1024, 1)], {});
    expect([reply.status, reply.body.error?.code, reply.body.error?.details]).toEqual([
      400,
      'invalid-arguments',
      ['(file): this channel takes no file'],
    ]);
    expect(inUploads()).toEqual([]);
  });

  it('refuses a call without its file on a channel that takes one', async () => {
    const reply = await post('packs.stage', 'application/json', [Buffer.from(JSON.stringify({ session: manager }))]);
    expect([reply.status, reply.body.error?.code, reply.body.error?.details]).toEqual([
      400,
      'invalid-arguments',
      ['file: this channel takes a file, sent as an upload'],
    ]);
  });
});
