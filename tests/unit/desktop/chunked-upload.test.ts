import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse, ChannelName } from '../../../electron/contract/channels.js';
import { newUploadFile, uploadsDir } from '../../../electron/core/received-files.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { buildPack } from '../../../electron/courses/pack/build-pack.js';
import { createUploadReceiver, type UploadReceiverOptions } from '../../../electron/desktop/upload-receiver.js';
import { sendInPieces, UPLOAD_IPC, type Invoke } from '../../../electron/desktop/upload-sender.js';
import { makeTempDir, SAMPLE_COURSE_DIR, sampleOnlyCourseRoot } from '../../helpers/temp-dir.js';
import { ok } from '../../helpers/typed-core.js';

/**
 * The desktop shell's file transport without Electron: the preload's sender and the main
 * process's receiver joined by a stand-in for `ipcRenderer.invoke` that does what ipcMain does
 * (calls the handler bound to the IPC channel), against a real core and a real pack.
 */
describe('a file sent in pieces over IPC', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  let pack: Uint8Array;
  let manager: string;
  let learner: string;

  beforeAll(async () => {
    temp = makeTempDir();
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      courseRoots: [sampleOnlyCourseRoot(temp.dir)],
      appVersion: '0.0.0-test',
      firstBackupDelayMs: false,
    });
    const open = async (displayName: string) =>
      (await ok(core, 'learners.open', { learnerId: (await ok(core, 'learners.create', { displayName, language: 'en' })).id }))
        .session;
    manager = await open('Montse');
    learner = await open('Jonas');
    pack = new Uint8Array((await buildPack(SAMPLE_COURSE_DIR, { cacheDir: path.join(temp.dir, 'pack-cache') })).bytes);
  });
  afterAll(() => {
    core.close();
    temp.remove();
  });

  const inUploads = () => (fs.existsSync(uploadsDir(core.deps.dataDir)) ? fs.readdirSync(uploadsDir(core.deps.dataDir)) : []);

  /** A receiver and an invoke that reaches it, recording every IPC call the sender makes. */
  function connect(options: Partial<UploadReceiverOptions> = {}) {
    const receiver = createUploadReceiver({
      handlers: core.handlers,
      newFile: () => newUploadFile(core.deps.dataDir),
      ...options,
    });
    const calls: string[] = [];
    const bound: Record<string, (...args: unknown[]) => Promise<unknown>> = {
      [UPLOAD_IPC.begin]: (channel, args, size) => receiver.begin(channel, args, size),
      [UPLOAD_IPC.piece]: (id, bytes) => receiver.piece(id, bytes),
      [UPLOAD_IPC.finish]: (id) => receiver.finish(id),
      [UPLOAD_IPC.abort]: (id) => receiver.abort(id),
    };
    const invoke: Invoke = (ipcChannel, ...args) => {
      calls.push(ipcChannel);
      const handler = bound[ipcChannel];
      if (!handler) throw new Error(`nothing is bound to ${ipcChannel}`);
      // IPC copies what it carries: the receiver never shares the sender's buffers.
      return handler(...args.map((arg) => (arg instanceof Uint8Array ? new Uint8Array(arg) : arg)));
    };
    return { receiver, invoke, calls };
  }

  // Sizes follow the pack, whatever the fixture course weighs: it goes in eight pieces, and the
  // limit of the refusal tests lies between its second and third piece.
  const pieceBytes = () => Math.ceil(pack.byteLength / 8);
  const limitBytes = () => Math.floor(pieceBytes() * 1.5);

  const reading = (bytes: Uint8Array) => (start: number, end: number) => Promise.resolve(bytes.slice(start, end));

  function send(invoke: Invoke, channel: ChannelName, args: unknown, bytes: Uint8Array, progress: number[] = []) {
    return sendInPieces(invoke, {
      channel,
      args,
      size: bytes.byteLength,
      read: reading(bytes),
      onProgress: (sent) => progress.push(sent),
      pieceBytes: pieceBytes(),
    });
  }

  it('stages a pack sent in pieces, reporting progress, with only the staged pack left on disk', async () => {
    const { receiver, invoke, calls } = connect();
    const progress: number[] = [];
    const outcome = (await send(invoke, 'packs.stage', { session: manager }, pack, progress)) as ApiResponse<{ token: string }>;

    expect(outcome).toMatchObject({ ok: true, result: { course: { id: 'sample' } } });
    const pieces = Math.ceil(pack.byteLength / pieceBytes());
    expect(pieces).toBeGreaterThan(1);
    expect(calls).toEqual([UPLOAD_IPC.begin, ...Array<string>(pieces).fill(UPLOAD_IPC.piece), UPLOAD_IPC.finish]);
    expect(progress.at(-1)).toBe(pack.byteLength);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(receiver.underWay).toBe(0);
    // The pack waits under its token, byte for byte what was sent; the received file itself is gone.
    const token = outcome.ok ? outcome.result.token : '';
    expect(inUploads()).toEqual([`${token}.aulapack`]);
    expect(fs.readFileSync(path.join(uploadsDir(core.deps.dataDir), `${token}.aulapack`)).equals(pack)).toBe(true);
    await ok(core, 'packs.discard', { session: manager, token });
    expect(inUploads()).toEqual([]);
  });

  it('refuses a file that grows past the limit while it arrives, leaving nothing in the data folder', async () => {
    const { receiver } = connect({ maxBytes: limitBytes() });
    // The sender claims a small file, then keeps sending.
    const begun = await receiver.begin('packs.stage', { session: manager }, 10);
    if (!begun.ok) throw new Error(JSON.stringify(begun.error));
    const { uploadId } = begun.result;
    expect(await receiver.piece(uploadId, pack.slice(0, pieceBytes()))).toEqual({ ok: true, result: null });
    expect(inUploads()).toHaveLength(1);
    const refused = await receiver.piece(uploadId, pack.slice(pieceBytes(), 2 * pieceBytes()));
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-arguments', reason: 'pack.upload-too-large' } });
    expect(inUploads()).toEqual([]);
    expect(receiver.underWay).toBe(0);
    // The upload is over: a late piece or finish finds nothing.
    expect(await receiver.finish(uploadId)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('refuses a file declared too large, a learner, and a channel that takes no file, before writing a byte', async () => {
    const { receiver, invoke, calls } = connect({ maxBytes: limitBytes() });
    expect(await send(invoke, 'packs.stage', { session: manager }, pack)).toMatchObject({
      ok: false,
      error: { reason: 'pack.upload-too-large' },
    });
    expect(await send(invoke, 'packs.stage', { session: learner }, pack.slice(0, 100))).toMatchObject({
      ok: false,
      error: { code: 'forbidden', reason: 'profile.manager-required' },
    });
    expect(await send(invoke, 'learners.list', {}, pack.slice(0, 100))).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', details: ['(file): this channel takes no file'] },
    });
    expect(calls).toEqual([UPLOAD_IPC.begin, UPLOAD_IPC.begin, UPLOAD_IPC.begin]);
    expect(inUploads()).toEqual([]);
    expect(receiver.underWay).toBe(0);
  });

  it('drops the file when the page cannot read it any more', async () => {
    const { receiver, invoke, calls } = connect();
    let reads = 0;
    const failing = sendInPieces(invoke, {
      channel: 'packs.stage',
      args: { session: manager },
      size: pack.byteLength,
      read: (start, end) => (++reads < 2 ? Promise.resolve(pack.slice(start, end)) : Promise.reject(new Error('gone'))),
      onProgress: () => {},
      pieceBytes: pieceBytes(),
    });
    await expect(failing).rejects.toThrow('gone');
    expect(calls).toEqual([UPLOAD_IPC.begin, UPLOAD_IPC.piece, UPLOAD_IPC.abort]);
    expect(inUploads()).toEqual([]);
    expect(receiver.underWay).toBe(0);
  });
});
