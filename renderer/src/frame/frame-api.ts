import type { ApiError, LearnApi } from '../../../electron/contract/channels';
import { LESSON_FRAME_CHANNELS, type FrameMessage, type PageMessage } from '../../../electron/contract/lesson-frame-messages';
import { ApiCallError } from '../api/learn-api-client';

/** What the frame's lesson components pass as `session`: the frame never has the real one. */
export const FRAME_SESSION = 'held-by-the-page-around-this-lesson';

type Settle = { resolve: (value: unknown) => void; reject: (reason: unknown) => void };

/**
 * The LearnApi inside the lesson frame: each call is a message to the page around it, which checks
 * it and calls the core with the learner's session. Only the lesson channels exist here; the page
 * would refuse any other anyway.
 */
export function createFrameApi(post: (message: FrameMessage) => void): {
  api: LearnApi;
  settle: (message: Extract<PageMessage, { kind: 'result' }>) => void;
} {
  const pending = new Map<number, Settle>();
  let nextId = 1;
  const allowed = new Set<string>(LESSON_FRAME_CHANNELS);
  const api = new Proxy({} as LearnApi, {
    get(_target, channel) {
      if (typeof channel !== 'string' || !allowed.has(channel)) return undefined;
      return (args: Record<string, unknown>) =>
        new Promise((resolve, reject) => {
          const id = nextId++;
          pending.set(id, { resolve, reject });
          const { session: _session, ...rest } = args;
          post({ kind: 'call', id, channel, args: rest } as FrameMessage);
        });
    },
  });
  return {
    api,
    settle(message) {
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if (message.ok) waiting.resolve(message.result);
      else waiting.reject(new ApiCallError(message.error as ApiError));
    },
  };
}
