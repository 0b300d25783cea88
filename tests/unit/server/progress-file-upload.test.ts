import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uploadsDir } from '../../../electron/core/received-files.js';
import { startCore } from '../../../electron/core/start-core.js';
import { startBrowserMode, type RunningBrowserMode } from '../../../electron/server/browser-mode.js';
import { ok } from '../../helpers/typed-core.js';
import { makeTempDir, sampleOnlyCourseRoot } from '../../helpers/temp-dir.js';

type Reply = { status: number; body: { ok: boolean; result?: { learners: { new: number } }; error?: { reason?: string } } };

/** Browser mode takes a progress file the way it takes a pack: the file as the body, the session in the arguments header. */
describe("browser mode's progress file upload", () => {
  let temp: ReturnType<typeof makeTempDir>;
  let aula: RunningBrowserMode;
  let file: Buffer;
  beforeEach(async () => {
    temp = makeTempDir();
    const courses = sampleOnlyCourseRoot(temp.dir);
    // Another PC, where Ona learns, makes the file.
    const other = await startCore({
      dataDir: path.join(temp.dir, 'other'),
      courseRoots: [courses],
      appVersion: '0.0.0-test',
      firstBackupDelayMs: false,
    });
    try {
      const ona = await ok(other, 'learners.create', { displayName: 'Ona', language: 'ca' });
      const { session } = await ok(other, 'learners.open', { learnerId: ona.id });
      file = Buffer.from((await ok(other, 'progressFiles.exportOwn', { session })).base64, 'base64');
    } finally {
      other.close();
    }
    aula = await startBrowserMode({
      dataDir: path.join(temp.dir, 'data'),
      courseRoots: [courses],
      appVersion: '0.0.0-test',
      firstBackupDelayMs: false,
      rendererDir: temp.dir,
      port: 0,
    });
  });
  afterEach(async () => {
    await aula.stop();
    temp.remove();
  });

  function upload(session: string | undefined, body: Buffer): Promise<Reply> {
    const url = new URL(aula.origin);
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: '/api/progressFiles.import',
          headers: {
            Host: url.host,
            'x-aula-secret': new URL(aula.launchUrl).searchParams.get('secret') ?? '',
            'Content-Type': 'application/octet-stream',
            'Content-Length': String(body.length),
            ...(session ? { 'x-aula-args': JSON.stringify({ session }) } : {}),
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
      request.end(body);
    });
  }

  const leftInUploads = () =>
    fs.existsSync(uploadsDir(aula.core.deps.dataDir)) ? fs.readdirSync(uploadsDir(aula.core.deps.dataDir)) : [];
  const learnerCount = () => aula.core.db.prepare('SELECT count(*) FROM learners').pluck().get();

  it('imports only with a manager session, refuses a changed file with its reason, and keeps no upload on disk', async () => {
    const core = aula.core;
    const open = async (name: string) =>
      ok(core, 'learners.open', {
        learnerId: (await ok(core, 'learners.create', { displayName: name, language: 'en' })).id,
      });
    const manager = await open('Montse');
    const learner = await open('Jonas');

    // Without a session the call is invalid; with one that is not a manager's, forbidden.
    for (const [session, status] of [
      [undefined, 400],
      ['not-a-session-at-all-000000', 403],
      [learner.session, 403],
    ] as const) {
      const refused = await upload(session, file);
      expect([refused.status, refused.body.ok]).toEqual([status, false]);
    }
    expect((await upload(learner.session, file)).body.error?.reason).toBe('profile.manager-required');
    expect(learnerCount()).toBe(2);

    const changed = Buffer.from(file.toString('utf8').replace('Ona', 'Oma'), 'utf8');
    expect(changed.equals(file)).toBe(false);
    const tampered = await upload(manager.session, changed);
    expect([tampered.status, tampered.body.error?.reason]).toEqual([400, 'progress-file.tampered']);
    expect(learnerCount()).toBe(2);

    const accepted = await upload(manager.session, file);
    expect([accepted.status, accepted.body.ok, accepted.body.result?.learners.new]).toEqual([200, true, 1]);
    expect(learnerCount()).toBe(3);
    expect(leftInUploads()).toEqual([]);
  });
});
