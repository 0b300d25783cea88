import { describe, expect, it } from 'vitest';
import type { CoreHandlers } from '../../../electron/core/dispatch.js';
import { call, ok } from '../../helpers/typed-core.js';

/** A core whose only handler answers app.info with what the test gives it. */
function coreAnswering(result: unknown): { handlers: CoreHandlers } {
  return { handlers: { 'app.info': () => result } as unknown as CoreHandlers };
}

describe('the typed test client', () => {
  it("fails a call whose handler returns something outside the channel's result schema (dispatch checks it in tests)", async () => {
    const response = await call(coreAnswering({ language: 42 }), 'app.info', {});
    expect(response).toMatchObject({ ok: false, error: { code: 'internal' } });
    await expect(ok(coreAnswering({ language: 42 }), 'app.info', {})).rejects.toThrow(/app\.info failed/);
  });

  it('passes through an error response untouched (only results are checked)', async () => {
    const refusing = { handlers: { 'app.info': () => Promise.reject(new Error('boom')) } as unknown as CoreHandlers };
    const response = await call(refusing, 'app.info', {});
    expect(response.ok).toBe(false);
    await expect(ok(refusing, 'app.info', {})).rejects.toThrow(/app\.info failed/);
  });
});
