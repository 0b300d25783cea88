import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISK_FULL_MESSAGE } from '../../../electron/core/disk-full.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { startLoopbackServer, type RunningLoopbackServer } from '../../../electron/server/loopback-server.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

function callChannel(server: RunningLoopbackServer, channel: string, args: unknown) {
  const body = Buffer.from(JSON.stringify(args), 'utf8');
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: `/api/${channel}`,
        headers: {
          Host: `127.0.0.1:${server.port}`,
          'x-aula-secret': server.secret,
          'Content-Type': 'application/json',
          'Content-Length': String(body.length),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe('a channel call on a full disk, in browser mode', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  let server: RunningLoopbackServer;
  beforeEach(async () => {
    temp = makeTempDir();
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      courseRoots: [],
      appVersion: 'test',
      firstBackupDelayMs: false,
    });
    server = await startLoopbackServer({ handlers: core.handlers, catalog: core.catalog, rendererDir: temp.dir, port: 0 });
  });
  afterEach(async () => {
    await server.close();
    core.close();
    temp.remove();
  });

  it('is answered with HTTP 507 and the disk-full error, as the pack upload is', async () => {
    // SQLite's own limit on the file's size makes its real SQLITE_FULL path run, as a full disk would.
    core.db.pragma(`max_page_count = ${core.db.pragma('page_count', { simple: true }) as number}`);
    let answer: { status: number; body: unknown } | undefined;
    for (let i = 0; i < 2000; i += 1) {
      answer = await callChannel(server, 'learners.create', { displayName: `Learner ${i} with a long name`, language: 'en' });
      if (answer.status !== 200) break;
    }
    expect(answer).toEqual({
      status: 507,
      body: { ok: false, error: { code: 'disk-full', message: DISK_FULL_MESSAGE, reason: 'data.disk-full' } },
    });
    // Space freed: the next call works again.
    core.db.pragma('max_page_count = 1073741823');
    expect((await callChannel(server, 'learners.create', { displayName: 'After', language: 'en' })).status).toBe(200);
  });
});
