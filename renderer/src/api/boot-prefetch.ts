import type { LearnApi } from '../../../electron/contract/channels';

/** The calls the first screen always makes, with the arguments it makes them with. */
const BOOT_CALLS = ['app.info', 'learners.list'] as const;
const FRESH_FOR_MS = 10_000;
type BootCall = (typeof BOOT_CALLS)[number];

/**
 * Starts the first screen's calls at once, while the interface is still starting, instead of one
 * after the other once it has rendered: on a slow PC each round trip waits for a busy core. The
 * first call of each channel gets the answer already on its way, if it comes during start-up
 * (later, for example when a learner who was still signed in switches profile, the list may have
 * changed); every other call asks again.
 */
export function withBootPrefetch(api: LearnApi): LearnApi {
  const pending = new Map<BootCall, Promise<unknown>>();
  const startedAt = Date.now();
  for (const channel of BOOT_CALLS) {
    const answer = api[channel]({});
    // A failure is reported to whoever takes the answer; until then it is not unhandled.
    answer.catch(() => undefined);
    pending.set(channel, answer);
  }
  const take = <C extends BootCall>(channel: C): LearnApi[C] =>
    ((args: Parameters<LearnApi[C]>[0]) => {
      const answer = pending.get(channel);
      pending.delete(channel);
      if (answer && Date.now() - startedAt < FRESH_FOR_MS) return answer;
      return api[channel](args as never);
    }) as LearnApi[C];
  const overrides = new Map<PropertyKey, unknown>([
    ['app.info', take('app.info')],
    ['learners.list', take('learners.list')],
  ]);
  return new Proxy(api, {
    get: (target, channel, receiver) =>
      overrides.has(channel) ? overrides.get(channel) : Reflect.get(target, channel, receiver),
  });
}
