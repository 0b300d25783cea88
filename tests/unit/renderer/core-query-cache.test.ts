import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoreQueryCache, queryKey } from '../../../renderer/src/api/core-query-cache.js';

/** A core whose replies the test sends, one request at a time, in any order. */
function fakeCore() {
  const requests: { channel: string; args: unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];
  const load = (channel: string, args: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      requests.push({ channel, args, resolve, reject });
    });
  return { requests, load };
}

/** Lets the replies' `then` callbacks run. */
const settled = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const catalog = queryKey('catalog.list', { session: 'a' });
const otherCatalog = queryKey('catalog.list', { session: 'b' });

describe('the core query cache', () => {
  let now = 1_000;
  beforeEach(() => {
    now = 1_000;
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const cacheOver = (load: (channel: string, args: unknown) => Promise<unknown>) => new CoreQueryCache(load, () => now);

  it('names a call by its channel and arguments, whatever the order of their fields', () => {
    expect(queryKey('reports.course', { session: 's', courseId: 'c' })).toBe(
      queryKey('reports.course', { courseId: 'c', session: 's' }),
    );
    expect(queryKey('reports.course', { session: 's', courseId: 'c', groupId: undefined })).toBe(
      queryKey('reports.course', { session: 's', courseId: 'c' }),
    );
    expect(queryKey('reports.course', { session: 's', courseId: 'c' })).not.toBe(
      queryKey('reports.course', { session: 's', courseId: 'd' }),
    );
  });

  it('asks the core with the channel and arguments the key names', async () => {
    const core = fakeCore();
    const cache = cacheOver(core.load);
    cache.watch(queryKey('reports.course', { session: 's', courseId: 'c', from: '2026-01-01' }), () => undefined);
    expect(core.requests).toMatchObject([
      { channel: 'reports.course', args: { session: 's', courseId: 'c', from: '2026-01-01' } },
    ]);
    core.requests[0]!.resolve('report');
    await settled();
    expect(cache.snapshot(queryKey('reports.course', { courseId: 'c', from: '2026-01-01', session: 's' }))).toEqual({
      state: 'ready',
      value: 'report',
    });
  });

  it("never shows one key's answer for another: a new key is loading until its own answer comes", async () => {
    const core = fakeCore();
    const cache = cacheOver(core.load);
    cache.watch(catalog, () => undefined);
    core.requests[0]!.resolve(['course of a']);
    await settled();
    expect(cache.snapshot(catalog)).toEqual({ state: 'ready', value: ['course of a'] });

    cache.watch(otherCatalog, () => undefined);
    expect(cache.snapshot(otherCatalog)).toEqual({ state: 'loading' });
    core.requests[1]!.resolve(['course of b']);
    await settled();
    expect(cache.snapshot(otherCatalog)).toEqual({ state: 'ready', value: ['course of b'] });
    expect(cache.snapshot(catalog)).toEqual({ state: 'ready', value: ['course of a'] });
  });

  it('sends one request for any number of components showing the same key at once', async () => {
    const core = fakeCore();
    const cache = cacheOver(core.load);
    const first = vi.fn();
    const second = vi.fn();
    cache.watch(catalog, first);
    // React's StrictMode stops and starts watching again: the request on its way is kept.
    cache.watch(catalog, second)();
    cache.watch(catalog, second);
    expect(core.requests).toHaveLength(1);
    core.requests[0]!.resolve(['course']);
    await settled();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('drops a reply to an older request when a newer one was sent (invalidated while on its way)', async () => {
    const core = fakeCore();
    const cache = cacheOver(core.load);
    cache.watch(catalog, () => undefined);
    cache.invalidate('catalog.list');
    expect(core.requests).toHaveLength(2);
    core.requests[1]!.resolve('after the change');
    await settled();
    core.requests[0]!.resolve('before the change');
    await settled();
    expect(cache.snapshot(catalog)).toEqual({ state: 'ready', value: 'after the change' });
  });

  it('asks again what a change made out of date, where shown, keeping the old answer until the new one comes', async () => {
    const core = fakeCore();
    const cache = cacheOver(core.load);
    const shown = vi.fn();
    cache.watch(catalog, shown);
    cache.watch(queryKey('groups.list', { session: 'a' }), () => undefined);
    core.requests[0]!.resolve('one course');
    core.requests[1]!.resolve('groups');
    await settled();

    cache.invalidate('catalog.');
    expect(core.requests.map((request) => request.channel)).toEqual(['catalog.list', 'groups.list', 'catalog.list']);
    expect(cache.snapshot(catalog)).toEqual({ state: 'ready', value: 'one course' });
    core.requests[2]!.resolve('two courses');
    await settled();
    expect(cache.snapshot(catalog)).toEqual({ state: 'ready', value: 'two courses' });
    expect(shown).toHaveBeenCalledTimes(2);
  });

  it('forgets what a change made out of date where no one shows it, so it is never shown again', async () => {
    const core = fakeCore();
    const cache = cacheOver(core.load);
    const stop = cache.watch(catalog, () => undefined);
    core.requests[0]!.resolve('old list');
    await settled();
    stop();
    cache.invalidate('catalog.list');
    expect(core.requests).toHaveLength(1);
    cache.watch(catalog, () => undefined, { staleMs: Infinity });
    expect(cache.snapshot(catalog)).toEqual({ state: 'loading' });
    expect(core.requests).toHaveLength(2);
  });

  it('invalidates one channel with some of its arguments, leaving the others', async () => {
    const core = fakeCore();
    const cache = cacheOver(core.load);
    const one = queryKey('certificates.status', { session: 'a', courseId: 'one' });
    const two = queryKey('certificates.status', { session: 'a', courseId: 'two' });
    cache.watch(one, () => undefined);
    cache.watch(two, () => undefined);
    core.requests.forEach((request) => request.resolve('status'));
    await settled();
    cache.invalidate({ channel: 'certificates.status', args: { courseId: 'two' } });
    expect(core.requests.map((request) => request.args)).toEqual([
      { session: 'a', courseId: 'one' },
      { session: 'a', courseId: 'two' },
      { session: 'a', courseId: 'two' },
    ]);
  });

  it('answers a newly shown component from the cache while younger than staleMs, else shows loading and asks again', async () => {
    const core = fakeCore();
    const cache = cacheOver(core.load);
    const stop = cache.watch(catalog, () => undefined);
    core.requests[0]!.resolve('list');
    await settled();
    stop();

    now += 5_000;
    const stopFresh = cache.watch(catalog, () => undefined, { staleMs: 60_000 });
    expect(core.requests).toHaveLength(1);
    expect(cache.snapshot(catalog)).toEqual({ state: 'ready', value: 'list' });
    stopFresh();
    cache.watch(catalog, () => undefined);
    expect(cache.snapshot(catalog)).toEqual({ state: 'loading' });
    expect(core.requests).toHaveLength(2);
    // A second component joining one already on screen sees the same answer, not loading.
    core.requests[1]!.resolve('new list');
    await settled();
    cache.watch(catalog, () => undefined);
    expect(cache.snapshot(catalog)).toEqual({ state: 'ready', value: 'new list' });
  });

  it('ignores a reply that arrives after everyone stopped showing it and its entry was let go', async () => {
    vi.useFakeTimers();
    const core = fakeCore();
    const cache = cacheOver(core.load);
    const lesson = queryKey('lesson.open', { session: 'a', courseId: 'c', lessonId: 'l' });
    const shown = vi.fn();
    cache.watch(lesson, shown, { keepMs: 0 })();
    vi.advanceTimersByTime(1);
    core.requests[0]!.resolve('the lesson as it was');
    await vi.runAllTimersAsync();
    expect(shown).not.toHaveBeenCalled();
    expect(cache.snapshot(lesson)).toEqual({ state: 'loading' });
    // Shown again: asked again, not answered from the reply that came too late.
    cache.watch(lesson, shown, { keepMs: 0, staleMs: Infinity });
    expect(core.requests).toHaveLength(2);
  });

  it('keeps an answer nobody shows for keepMs, then forgets it', async () => {
    vi.useFakeTimers();
    const core = fakeCore();
    const cache = cacheOver(core.load);
    const stop = cache.watch(catalog, () => undefined, { keepMs: 1_000 });
    core.requests[0]!.resolve('list');
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(999);
    expect(cache.snapshot(catalog)).toEqual({ state: 'ready', value: 'list' });
    await vi.advanceTimersByTimeAsync(1);
    expect(cache.snapshot(catalog)).toEqual({ state: 'loading' });
  });

  it('shows a failure, and loading (not the failure) while asking again', async () => {
    const core = fakeCore();
    const cache = cacheOver(core.load);
    const stop = cache.watch(catalog, () => undefined);
    const refusal = new Error('core stopped');
    core.requests[0]!.reject(refusal);
    await settled();
    expect(cache.snapshot(catalog)).toEqual({ state: 'failed', error: refusal });
    stop();
    cache.watch(catalog, () => undefined, { staleMs: Infinity });
    expect(cache.snapshot(catalog)).toEqual({ state: 'loading' });
    core.requests[1]!.resolve('list');
    await settled();
    expect(cache.snapshot(catalog)).toEqual({ state: 'ready', value: 'list' });
  });

  it('takes an answer the renderer already has, without asking, and drops older replies still on their way', async () => {
    const core = fakeCore();
    const cache = cacheOver(core.load);
    const quiz = queryKey('quiz.get', { session: 'a', courseId: 'c', quizId: 'q' });
    cache.set(quiz, 'came with the lesson');
    cache.watch(quiz, () => undefined, { staleMs: Infinity });
    expect(core.requests).toHaveLength(0);
    expect(cache.snapshot(quiz)).toEqual({ state: 'ready', value: 'came with the lesson' });

    cache.invalidate('quiz.get');
    cache.set(quiz, 'answered just now');
    core.requests[0]!.resolve('asked before the answer');
    await settled();
    expect(cache.snapshot(quiz)).toEqual({ state: 'ready', value: 'answered just now' });
  });

  it('applies changes one after the other to the answer as it is, and none before there is an answer', async () => {
    const core = fakeCore();
    const cache = cacheOver(core.load);
    const quiz = queryKey('quiz.get', { session: 'a', courseId: 'c', quizId: 'q' });
    cache.watch(quiz, () => undefined, { staleMs: Infinity });
    cache.update(quiz, (answers) => [...(answers as string[]), 'too early']);
    expect(cache.snapshot(quiz)).toEqual({ state: 'loading' });
    core.requests[0]!.resolve([]);
    await settled();
    cache.update(quiz, (answers) => [...(answers as string[]), 'first']);
    cache.update(quiz, (answers) => [...(answers as string[]), 'second']);
    expect(cache.snapshot(quiz)).toEqual({ state: 'ready', value: ['first', 'second'] });
  });

  it('forgets every answer no one shows when cleared, and those on screen once they are not', async () => {
    vi.useFakeTimers();
    const core = fakeCore();
    const cache = cacheOver(core.load);
    cache.watch(catalog, () => undefined)();
    const stop = cache.watch(otherCatalog, () => undefined);
    core.requests.forEach((request) => request.resolve('list'));
    await vi.advanceTimersByTimeAsync(0);
    cache.clear();
    expect(cache.snapshot(catalog)).toEqual({ state: 'loading' });
    expect(cache.snapshot(otherCatalog)).toEqual({ state: 'ready', value: 'list' });
    stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(cache.snapshot(otherCatalog)).toEqual({ state: 'loading' });
  });

  it('gives the first component that shows a key the answer asked ahead for it, on its way or arrived: one request', async () => {
    const core = fakeCore();
    const cache = cacheOver(core.load);
    const lesson = queryKey('lesson.open', { session: 'a', courseId: 'c', lessonId: 'l' });
    cache.askAhead(lesson);
    expect(core.requests).toMatchObject([{ channel: 'lesson.open', args: { session: 'a', courseId: 'c', lessonId: 'l' } }]);
    const stop = cache.watch(lesson, () => undefined, { keepMs: 0 });
    expect(core.requests).toHaveLength(1);
    core.requests[0]!.resolve('opened');
    await settled();
    expect(cache.snapshot(lesson)).toEqual({ state: 'ready', value: 'opened' });
    stop();
    await settled();

    // Arrived before the component showed it: still its own answer (staleMs 0 would otherwise ask again).
    cache.askAhead(lesson);
    core.requests[1]!.resolve('opened again');
    await settled();
    const stopAgain = cache.watch(lesson, () => undefined, { keepMs: 0 });
    expect(core.requests).toHaveLength(2);
    expect(cache.snapshot(lesson)).toEqual({ state: 'ready', value: 'opened again' });
    stopAgain();
    await settled();
    // Shown anew without asking ahead: asked again, never answered from an earlier showing.
    cache.watch(lesson, () => undefined, { keepMs: 0 });
    expect(core.requests).toHaveLength(3);
    expect(cache.snapshot(lesson)).toEqual({ state: 'loading' });
  });

  it('asks nothing ahead for a key on screen or on its way', () => {
    const core = fakeCore();
    const cache = cacheOver(core.load);
    cache.watch(catalog, () => undefined);
    cache.askAhead(catalog);
    cache.askAhead(otherCatalog);
    cache.askAhead(otherCatalog);
    expect(core.requests.map((request) => request.args)).toEqual([{ session: 'a' }, { session: 'b' }]);
  });

  it('forgets an answer asked ahead that no component came to show, and a change forgets it at once', async () => {
    vi.useFakeTimers();
    const core = fakeCore();
    const cache = cacheOver(core.load);
    cache.askAhead(catalog);
    core.requests[0]!.resolve('list');
    await vi.advanceTimersByTimeAsync(9_999);
    expect(cache.snapshot(catalog)).toEqual({ state: 'ready', value: 'list' });
    await vi.advanceTimersByTimeAsync(1);
    expect(cache.snapshot(catalog)).toEqual({ state: 'loading' });
    cache.watch(catalog, () => undefined);
    expect(core.requests).toHaveLength(2);

    cache.askAhead(otherCatalog);
    core.requests[2]!.resolve('old list');
    await vi.advanceTimersByTimeAsync(0);
    // The change asks again for the list on screen, and forgets the one asked ahead.
    cache.invalidate('catalog.list');
    cache.watch(otherCatalog, () => undefined);
    expect(core.requests.slice(3).map((request) => request.args)).toEqual([{ session: 'a' }, { session: 'b' }]);
    expect(cache.snapshot(otherCatalog)).toEqual({ state: 'loading' });
  });

  it('turns a loader that throws at once into a failure, not an exception', async () => {
    const refusal = new Error('no such channel');
    const cache = cacheOver(() => {
      throw refusal;
    });
    expect(() => cache.watch(catalog, () => undefined)).not.toThrow();
    await settled();
    expect(cache.snapshot(catalog)).toEqual({ state: 'failed', error: refusal });
  });
});
