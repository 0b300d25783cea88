import { afterEach, describe, expect, it } from 'vitest';
import { checkResults, dispatch, type CoreHandlers } from '../../../electron/core/dispatch.js';

/** A core whose one channel breaks its contract: `app.info` answers a number where a text is due. */
const brokenHandlers = {
  'app.info': () => ({ version: 42 }),
} as unknown as CoreHandlers;

describe("dispatch's result check", () => {
  afterEach(() => checkResults(true));

  it('is on in tests: a result its contract does not allow becomes internal, logged with channel and path', async () => {
    const logged: string[] = [];
    const outcome = await dispatch(brokenHandlers, 'app.info', {}, (line) => logged.push(line));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'internal', reason: 'request.internal' } });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^Channel app\.info returned a result its contract does not allow: .*version: /);
  });

  it('lets the result through when turned off, as in packaged builds', async () => {
    checkResults(false);
    const logged: string[] = [];
    expect(await dispatch(brokenHandlers, 'app.info', {}, (line) => logged.push(line))).toEqual({
      ok: true,
      result: { version: 42 },
    });
    expect(logged).toEqual([]);
  });
});
