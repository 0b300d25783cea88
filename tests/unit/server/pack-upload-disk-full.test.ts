import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISK_FULL_MESSAGE } from '../../../electron/core/disk-full.js';
import { uploadsDir } from '../../../electron/core/received-files.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { startLoopbackServer, type RunningLoopbackServer } from '../../../electron/server/loopback-server.js';
import { makeTempDir, sampleOnlyCourseRoot } from '../../helpers/temp-dir.js';
import { ok } from '../../helpers/typed-core.js';

function post(server: RunningLoopbackServer, channel: string, contentType: string, body: Buffer, args?: object) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: `/api/${channel}`,
        headers: {
          Host: `127.0.0.1:${server.port}`,
          'x-aula-secret': server.secret,
          'Content-Type': contentType,
          'Content-Length': String(body.length),
          ...(args ? { 'x-aula-args': JSON.stringify(args) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    // The server may answer and close before the whole body is sent; that is its right on a full disk.
    req.on('error', reject);
    req.end(body);
  });
}

describe('a pack upload on a full disk', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  let server: RunningLoopbackServer;
  let uploadFile: string;

  beforeEach(async () => {
    temp = makeTempDir();
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      courseRoots: [sampleOnlyCourseRoot(temp.dir)],
      appVersion: 'test',
      firstBackupDelayMs: false,
    });
    // A link to /dev/full: every write through it fails with a real ENOSPC, as on a full disk.
    uploadFile = path.join(temp.dir, 'upload.aulapack');
    fs.symlinkSync('/dev/full', uploadFile);
    server = await startLoopbackServer({
      handlers: core.handlers,
      catalog: core.catalog,
      rendererDir: temp.dir,
      port: 0,
      newUploadFile: () => uploadFile,
    });
  });
  afterEach(async () => {
    await server.close();
    core.close();
    temp.remove();
  });

  it('answers disk-full, stages nothing, removes its file and keeps serving', async () => {
    const manager = await ok(core, 'learners.create', { displayName: 'Montse', language: 'en' });
    const { session } = await ok(core, 'learners.open', { learnerId: manager.id });
    const response = await post(server, 'packs.stage', 'application/octet-stream', Buffer.alloc(256 * 1024, 7), { session });
    expect(response.status).toBe(507);
    expect(JSON.parse(response.body)).toEqual({
      ok: false,
      error: { code: 'disk-full', message: DISK_FULL_MESSAGE, reason: 'data.disk-full' },
    });
    expect(fs.existsSync(uploadsDir(core.deps.dataDir)) ? fs.readdirSync(uploadsDir(core.deps.dataDir)) : []).toEqual([]);
    // Only the link was removed, not what it pointed to.
    expect(fs.existsSync(uploadFile)).toBe(false);
    expect(fs.existsSync('/dev/full')).toBe(true);

    const info = await post(server, 'app.info', 'application/json', Buffer.from('{}'));
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, result: { version: 'test' } });
  });
});
