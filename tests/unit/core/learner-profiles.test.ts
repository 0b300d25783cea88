import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPin, hashPin, pinWaitSeconds, verifyPin } from '../../../electron/core/learner-pin.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { readPinState } from '../../../electron/db/learners.js';
import { failure, failureUnchecked, ok } from '../../helpers/typed-core.js';
import { makeTempDir, sampleOnlyCourseRoot } from '../../helpers/temp-dir.js';

describe('PIN hashing', () => {
  it('stores a salted scrypt hash, never the PIN, and verifies it', () => {
    const first = hashPin('4821');
    const second = hashPin('4821');
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(first).not.toContain('4821');
    expect(first).not.toBe(second); // a new salt each time
    expect(verifyPin('4821', first)).toBe(true);
    expect(verifyPin('4822', first)).toBe(false);
    expect(verifyPin('4821', 'plain:4821')).toBe(false);
    expect(verifyPin('4821', 'scrypt$99999999999$8$1$c2FsdA==$aGFzaA==')).toBe(false);
  });

  it('makes the learner wait longer after each wrong try beyond the first few, up to 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(pinWaitSeconds)).toEqual([0, 0, 30, 60, 120, 240, 900]);
  });
});

describe('learner profiles', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  const start = async () => {
    core = await startCore({ dataDir: temp.dir, courseRoots: [sampleOnlyCourseRoot(temp.dir)], appVersion: '0.0.0-test' });
  };
  beforeEach(async () => {
    temp = makeTempDir();
    await start();
  });
  afterEach(() => {
    core.close();
    temp.remove();
  });

  const create = (displayName: string, pin?: string) =>
    ok(core, 'learners.create', { displayName, language: 'ca', ...(pin ? { pin } : {}) });

  it('creates, lists, renames and deletes profiles', async () => {
    const marta = await create('  Marta Vidal  ');
    expect(marta).toMatchObject({ displayName: 'Marta Vidal', language: 'ca', hasPin: false });
    const names = (await ok(core, 'learners.list', {})).map((learner) => learner.displayName);
    expect(names).toEqual(['Marta Vidal']);

    const { session } = await ok(core, 'learners.open', { learnerId: marta.id });
    const renamed = await ok(core, 'learners.update', { session, displayName: 'Marta Vidal i Puig', language: 'en' });
    expect(renamed).toMatchObject({ id: marta.id, displayName: 'Marta Vidal i Puig', language: 'en' });

    expect(await ok(core, 'learners.delete', { session })).toEqual({ deleted: true });
    expect((await ok(core, 'learners.list', {})).map((learner) => learner.id)).not.toContain(marta.id);
    // The deleted profile's sessions end with it.
    expect((await failure(core, 'catalog.list', { session })).code).toBe('forbidden');
  });

  it('deletes a profile with all of its progress, and nobody else’s', async () => {
    // The first profile manages the PC (and, as the only manager, could not delete itself).
    await create('Montse');
    const a = await create('Anna');
    const b = await create('Biel');
    const sessionA = (await ok(core, 'learners.open', { learnerId: a.id })).session;
    const sessionB = (await ok(core, 'learners.open', { learnerId: b.id })).session;
    for (const session of [sessionA, sessionB]) {
      await ok(core, 'lesson.open', { session, courseId: 'sample', lessonId: 'data-you-already-have' });
      await ok(core, 'quiz.submitAnswer', {
        session,
        courseId: 'sample',
        quizId: 'data-sources-check',
        questionId: 'personal-data',
        answer: { type: 'single-choice', choiceId: 'member-rents' },
      });
    }
    await ok(core, 'learners.delete', { session: sessionA });
    const count = (table: string, learnerId: string) =>
      core.db.prepare(`SELECT COUNT(*) FROM ${table} WHERE learner_id = ?`).pluck().get(learnerId);
    expect([count('lesson_progress', a.id), count('quiz_attempts', a.id)]).toEqual([0, 0]);
    expect([count('lesson_progress', b.id), count('quiz_attempts', b.id)]).toEqual([1, 1]);
    expect(core.db.prepare('SELECT COUNT(*) FROM quiz_answers').pluck().get()).toBe(1);
  });

  it('refuses a second profile with the same name (ignoring case), and bad names, changing nothing', async () => {
    await create('Marta');
    const before = await ok(core, 'learners.list', {});
    expect((await failure(core, 'learners.create', { displayName: 'MARTA', language: 'en' })).code).toBe('conflict');
    for (const displayName of ['', '   ', 'x'.repeat(81), 'Two\nlines', 'x'.repeat(10 * 1024 * 1024)]) {
      const error = await failure(core, 'learners.create', { displayName, language: 'en' });
      expect(error.code).toBe('invalid-arguments');
      expect(JSON.stringify(error).length).toBeLessThan(4000);
    }
    for (const pin of ['123', '1234567', 'abcd', '12 34']) {
      expect((await failure(core, 'learners.create', { displayName: 'Nou', language: 'en', pin })).code).toBe(
        'invalid-arguments',
      );
    }
    expect((await failureUnchecked(core, 'learners.create', { displayName: 'Nou', language: 'de' })).code).toBe(
      'invalid-arguments',
    );
    expect(await ok(core, 'learners.list', {})).toEqual(before);
  });

  it('opens a PIN profile only with its PIN, and keeps only a hash of it', async () => {
    const jordi = await create('Jordi', '4821');
    expect(jordi.hasPin).toBe(true);
    const stored = core.db.prepare('SELECT * FROM learners WHERE id = ?').get(jordi.id);
    expect(JSON.stringify(stored)).not.toContain('4821');

    expect((await failure(core, 'learners.open', { learnerId: jordi.id })).code).toBe('pin-required');
    const wrong = await failure(core, 'learners.open', { learnerId: jordi.id, pin: '1111' });
    expect(wrong).toMatchObject({ code: 'wrong-pin', retryAfterSeconds: 0 });
    expect(wrong.message).toMatch(/not right/);
    const opened = await ok(core, 'learners.open', { learnerId: jordi.id, pin: '4821' });
    expect(opened.learner.id).toBe(jordi.id);
    // A right PIN clears the count of wrong ones.
    expect(readPinState(core.db, jordi.id)).toMatchObject({ failedTries: 0, lockedUntil: null });
  });

  it('slows down wrong PINs, refuses even the right PIN while waiting, and a restart does not reset it', async () => {
    const jordi = await create('Jordi', '4821');
    for (let i = 0; i < 2; i += 1) await failure(core, 'learners.open', { learnerId: jordi.id, pin: '0000' });
    const third = await failure(core, 'learners.open', { learnerId: jordi.id, pin: '0000' });
    expect(third).toMatchObject({ code: 'wrong-pin', retryAfterSeconds: 30 });
    expect(third.message).toMatch(/Wait 30 seconds/);

    const locked = await failure(core, 'learners.open', { learnerId: jordi.id, pin: '4821' });
    expect(locked.code).toBe('pin-locked');
    expect(locked.retryAfterSeconds).toBeGreaterThan(25);
    expect(locked.message).toMatch(/Too many wrong PINs/);

    core.close();
    await start();
    const afterRestart = await failure(core, 'learners.open', { learnerId: jordi.id, pin: '4821' });
    expect(afterRestart.code).toBe('pin-locked');
    expect(readPinState(core.db, jordi.id)?.failedTries).toBe(3);
  });

  it('lets the right PIN in once the wait is over, and makes the next wrong streak wait longer meanwhile', async () => {
    const learner = (await create('Pere')).id;
    core.db.prepare('UPDATE learners SET pin_hash = ? WHERE id = ?').run(hashPin('2468'), learner);
    const t0 = new Date('2026-03-01T10:00:00Z');
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const code = (pin: string | undefined, when: Date) => {
      try {
        checkPin(core.db, learner, pin, when);
        return 'ok';
      } catch (error) {
        return `${(error as { code: string }).code}:${(error as { retryAfterSeconds?: number }).retryAfterSeconds ?? ''}`;
      }
    };
    expect([code('1', t0), code('2', t0), code('3', t0)]).toEqual(['wrong-pin:0', 'wrong-pin:0', 'wrong-pin:30']);
    expect(code('2468', at(10))).toBe('pin-locked:20');
    expect(code('9999', at(31))).toBe('wrong-pin:60');
    expect(code('2468', at(60))).toBe('pin-locked:31');
    expect(code('2468', at(92))).toBe('ok');
    expect(code('1111', at(93))).toBe('wrong-pin:0');
  });

  it('sets, changes and removes a PIN only from an open profile', async () => {
    const anna = await create('Anna');
    const { session } = await ok(core, 'learners.open', { learnerId: anna.id });
    expect((await ok(core, 'learners.setPin', { session, pin: '135790' })).hasPin).toBe(true);
    expect((await failure(core, 'learners.open', { learnerId: anna.id })).code).toBe('pin-required');
    expect((await ok(core, 'learners.setPin', { session, pin: null })).hasPin).toBe(false);
    await ok(core, 'learners.open', { learnerId: anna.id });
    expect((await failure(core, 'learners.setPin', { session: 'x'.repeat(32), pin: '1234' })).code).toBe('forbidden');
  });

  it('ends a session on close, and tells a reloaded page who is learning', async () => {
    const anna = await create('Anna');
    const { session } = await ok(core, 'learners.open', { learnerId: anna.id });
    expect((await ok(core, 'learners.current', { session })).id).toBe(anna.id);
    expect(await ok(core, 'learners.close', { session })).toEqual({ closed: true });
    expect((await failure(core, 'learners.current', { session })).code).toBe('forbidden');
  });
});
