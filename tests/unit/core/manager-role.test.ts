import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Learner } from '../../../electron/contract/channels.js';
import { buildPack } from '../../../electron/courses/pack/build-pack.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { startBrowserMode, type RunningBrowserMode } from '../../../electron/server/browser-mode.js';
import {
  type ChannelCall,
  failure,
  failureOf,
  failureUnchecked,
  failureWithFile,
  ok,
  okWithFile,
} from '../../helpers/typed-core.js';
import { makeTempDir, sampleOnlyCourseRoot, SAMPLE_COURSE_DIR } from '../../helpers/temp-dir.js';

describe('the manager role', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  let packBytes: Uint8Array<ArrayBuffer>;

  beforeEach(async () => {
    temp = makeTempDir();
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      courseRoots: [sampleOnlyCourseRoot(temp.dir)],
      appVersion: '0.0.0-test',
      firstBackupDelayMs: false,
    });
  });
  afterEach(() => {
    core.close();
    temp.remove();
  });

  const create = (displayName: string) => ok(core, 'learners.create', { displayName, language: 'en' });
  const open = (learner: Learner) => ok(core, 'learners.open', { learnerId: learner.id });
  const pack = async () => {
    packBytes ??= new Uint8Array((await buildPack(SAMPLE_COURSE_DIR, { cacheDir: path.join(temp.dir, 'pack-cache') })).bytes);
    return packBytes;
  };

  /** A manager (the first profile) and a learner (the second), each with an open session. */
  async function managerAndLearner() {
    const manager = await open(await create('Montse'));
    const learner = await open(await create('Jonas'));
    return { manager, learner };
  }

  it('makes the first profile on a data folder a manager, and nobody after it', async () => {
    expect((await create('Montse')).isManager).toBe(true);
    expect((await create('Jonas')).isManager).toBe(false);
    expect((await ok(core, 'learners.list', {})).map((l) => [l.displayName, l.isManager])).toEqual([
      ['Montse', true],
      ['Jonas', false],
    ]);
  });

  it('refuses every management channel to a session that is not a manager, and changes nothing', async () => {
    const { manager, learner } = await managerAndLearner();
    const staged = await okWithFile(core, 'packs.stage', { session: manager.session }, await pack());
    const session = learner.session;
    const refusedUpload = await failureWithFile(core, 'packs.stage', { session }, await pack());
    expect([refusedUpload.code, refusedUpload.reason]).toEqual(['forbidden', 'profile.manager-required']);
    const attempts: ChannelCall[] = [
      ['packs.install', { session, token: staged.token, trustSigner: true }],
      ['packs.discard', { session, token: staged.token }],
      ['courses.uninstall', { session, courseId: 'sample' }],
      ['settings.developer', { session }],
      ['settings.setAllowUnsignedPacks', { session, allowed: true }],
      ['learners.setManager', { session, learnerId: learner.learner.id, manager: true }],
      ['learners.setManager', { session, learnerId: manager.learner.id, manager: false }],
      ['learners.update', { session, learnerId: manager.learner.id, displayName: 'Renamed' }],
      ['learners.setPin', { session, learnerId: manager.learner.id, pin: '1234' }],
      ['learners.delete', { session, learnerId: manager.learner.id }],
    ];
    for (const attempt of attempts) {
      const error = await failureOf(core, attempt);
      expect([attempt[0], error.code, error.reason]).toEqual([attempt[0], 'forbidden', 'profile.manager-required']);
    }
    // Nothing changed: the manager's profile, the setting, the roles, and the staged pack.
    expect(await ok(core, 'learners.list', {})).toEqual([
      expect.objectContaining({ displayName: 'Montse', hasPin: false, isManager: true }),
      expect.objectContaining({ displayName: 'Jonas', isManager: false }),
    ]);
    expect(await ok(core, 'settings.developer', { session: manager.session })).toEqual({ allowUnsignedPacks: false });
    await ok(core, 'packs.discard', { session: manager.session, token: staged.token });
    // Without any session at all, the management channels are invalid calls.
    expect((await failureUnchecked(core, 'settings.setAllowUnsignedPacks', { allowed: true })).code).toBe('invalid-arguments');
  });

  it("lets a learner change only their own profile, and a manager anyone's", async () => {
    const { manager, learner } = await managerAndLearner();
    expect(await ok(core, 'learners.update', { session: learner.session, displayName: 'Jonas P.' })).toMatchObject({
      displayName: 'Jonas P.',
    });
    // Naming oneself is the same as naming nobody.
    expect(
      await ok(core, 'learners.setPin', { session: learner.session, learnerId: learner.learner.id, pin: '2468' }),
    ).toMatchObject({ hasPin: true });

    const id = learner.learner.id;
    expect(await ok(core, 'learners.update', { session: manager.session, learnerId: id, language: 'ca' })).toMatchObject({
      language: 'ca',
    });
    expect(await ok(core, 'learners.setPin', { session: manager.session, learnerId: id, pin: null })).toMatchObject({
      hasPin: false,
    });
    expect(await ok(core, 'learners.delete', { session: manager.session, learnerId: id })).toEqual({ deleted: true });
    // The deleted learner's session ends with the profile.
    expect((await failure(core, 'progress.home', { session: learner.session })).code).toBe('forbidden');
  });

  it('lets a manager make others managers, and never leaves a PC with profiles but no manager', async () => {
    const { manager, learner } = await managerAndLearner();
    const lastManager = await failure(core, 'learners.setManager', {
      session: manager.session,
      learnerId: manager.learner.id,
      manager: false,
    });
    expect([lastManager.code, lastManager.reason]).toEqual(['conflict', 'profile.last-manager']);
    const selfDelete = await failure(core, 'learners.delete', { session: manager.session });
    expect(selfDelete.reason).toBe('profile.last-manager');

    const promoted = await ok(core, 'learners.setManager', {
      session: manager.session,
      learnerId: learner.learner.id,
      manager: true,
    });
    expect(promoted.isManager).toBe(true);
    // The role is read on every call: the promoted session may manage at once.
    expect(await ok(core, 'settings.setAllowUnsignedPacks', { session: learner.session, allowed: true })).toEqual({
      allowUnsignedPacks: true,
    });
    // Now the first manager may step down, and the second is the last one.
    await ok(core, 'learners.setManager', { session: learner.session, learnerId: manager.learner.id, manager: false });
    expect((await failure(core, 'settings.developer', { session: manager.session })).reason).toBe('profile.manager-required');
    expect((await failure(core, 'learners.delete', { session: learner.session })).reason).toBe('profile.last-manager');

    // The only profile on the PC may go; the next one made is the manager again.
    await ok(core, 'learners.delete', { session: learner.session, learnerId: manager.learner.id });
    expect(await ok(core, 'learners.delete', { session: learner.session })).toEqual({ deleted: true });
    expect((await create('Nora')).isManager).toBe(true);
  });
});

describe("browser mode's pack upload", () => {
  let temp: ReturnType<typeof makeTempDir>;
  let aula: RunningBrowserMode;
  beforeEach(async () => {
    temp = makeTempDir();
    aula = await startBrowserMode({
      dataDir: path.join(temp.dir, 'data'),
      courseRoots: [sampleOnlyCourseRoot(temp.dir)],
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

  function upload(session: string | undefined, body: Buffer) {
    const url = new URL(aula.origin);
    return new Promise<{ status: number; body: { ok: boolean; error?: { reason?: string } } }>((resolve, reject) => {
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: '/api/packs.stage',
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

  it('takes a pack only with a manager session in its arguments header', async () => {
    const core = aula.core;
    const manager = await ok(core, 'learners.open', {
      learnerId: (await ok(core, 'learners.create', { displayName: 'Montse', language: 'en' })).id,
    });
    const learner = await ok(core, 'learners.open', {
      learnerId: (await ok(core, 'learners.create', { displayName: 'Jonas', language: 'en' })).id,
    });
    const bytes = Buffer.from((await buildPack(SAMPLE_COURSE_DIR, { cacheDir: path.join(temp.dir, 'cache') })).bytes);

    // Without a session the call is invalid; with one that is not a manager's, forbidden.
    for (const [session, status] of [
      [undefined, 400],
      ['not-a-session-at-all-000000', 403],
      [learner.session, 403],
    ] as const) {
      const refused = await upload(session, bytes);
      expect([refused.status, refused.body.ok]).toEqual([status, false]);
    }
    expect((await upload(learner.session, bytes)).body.error?.reason).toBe('profile.manager-required');
    const accepted = await upload(manager.session, bytes);
    expect([accepted.status, accepted.body.ok]).toEqual([200, true]);
  });
});
