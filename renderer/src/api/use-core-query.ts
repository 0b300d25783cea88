import { createContext, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelArgs, ChannelResult, LearnApi } from '../../../electron/contract/channels';
import { CoreQueryCache, queryKey, type QueryFilter, type QuerySnapshot, type WatchOptions } from './core-query-cache';
import { errorMessage } from './error-message';
import { ApiCallError } from './learn-api-client';

/** Channels called with arguments alone (a channel that takes a file goes through `uploadFile`). */
type CallChannel = keyof LearnApi;

/** A failure's `details` are the core's own lines (such as a course file's `file:line:col` problem), shown as they are. */
export type Loadable<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string; details?: string[] };

/** The api and the answers read through it, for one document (the app, or one lesson frame). */
export interface CoreQueries {
  api: LearnApi;
  cache: CoreQueryCache;
}

export function createCoreQueries(api: LearnApi): CoreQueries {
  const call = (channel: string, args: unknown) => (api[channel as CallChannel] as (args: unknown) => Promise<unknown>)(args);
  return { api, cache: new CoreQueryCache(call) };
}

export const CoreQueriesContext = createContext<CoreQueries | null>(null);

function useCoreQueries(): CoreQueries {
  const queries = useContext(CoreQueriesContext);
  if (!queries) throw new Error('core queries used outside CoreQueriesContext');
  return queries;
}

const IDLE = Object.freeze({ state: 'idle' } as const);
const UNSUBSCRIBED = () => undefined;

/**
 * What a channel answers for these arguments, read through the cache: loading, ready or failed,
 * always for these arguments (changed arguments show their own cached answer or loading, never the
 * previous arguments' answer). `null` arguments wait (`idle`) until there is something to ask.
 * A failure is kept as the error and put into words at render time, so the message follows the
 * interface language when it is switched afterwards.
 */
export function useCoreQuery<C extends CallChannel>(
  channel: C,
  args: ChannelArgs<C>,
  options?: WatchOptions,
): Loadable<ChannelResult<C>>;
export function useCoreQuery<C extends CallChannel>(
  channel: C,
  args: ChannelArgs<C> | null,
  options?: WatchOptions,
): Loadable<ChannelResult<C>> | { state: 'idle' };
export function useCoreQuery<C extends CallChannel>(
  channel: C,
  args: ChannelArgs<C> | null,
  options: WatchOptions = {},
): Loadable<ChannelResult<C>> | { state: 'idle' } {
  const { t } = useTranslation();
  const { cache } = useCoreQueries();
  // The key is a string: a new arguments object with the same fields is the same query.
  const key = args === null ? null : queryKey(channel, args);
  const { staleMs, keepMs } = options;
  const subscribe = useCallback(
    (onChange: () => void) => (key === null ? UNSUBSCRIBED : cache.watch(key, onChange, { staleMs, keepMs })),
    [cache, key, staleMs, keepMs],
  );
  const read = useCallback((): QuerySnapshot | typeof IDLE => (key === null ? IDLE : cache.snapshot(key)), [cache, key]);
  const snapshot = useSyncExternalStore(subscribe, read, read);
  if (snapshot.state !== 'failed') return snapshot as Loadable<ChannelResult<C>> | typeof IDLE;
  const { error } = snapshot;
  return {
    state: 'failed',
    message: errorMessage(error, t),
    details: error instanceof ApiCallError ? error.error.details : undefined,
  };
}

/** Tells the cache what changed and what is known, for components that change things in the core. */
export interface CoreQueryUpdates {
  /** Asks again (where shown) or forgets (elsewhere) everything the filters name. */
  invalidate: (...filters: QueryFilter[]) => void;
  /** Puts an answer already known (a mutation's result) where the same query would find it. */
  set: <C extends CallChannel>(channel: C, args: ChannelArgs<C>, value: ChannelResult<C>) => void;
  /** Changes an answer from what it is now (see CoreQueryCache.update). */
  update: <C extends CallChannel>(
    channel: C,
    args: ChannelArgs<C>,
    change: (current: ChannelResult<C>) => ChannelResult<C>,
  ) => void;
}

export function useCoreQueryUpdates(): CoreQueryUpdates {
  const { cache } = useCoreQueries();
  return useMemo(
    () => ({
      invalidate: (...filters) => cache.invalidate(...filters),
      set: (channel, args, value) => cache.set(queryKey(channel, args), value),
      update: (channel, args, change) =>
        cache.update(queryKey(channel, args), (current) => change(current as ChannelResult<typeof channel>)),
    }),
    [cache],
  );
}

/**
 * A call that changes something in the core, then marks what it changed as out of date (after it
 * succeeded; a refused change changed nothing). Returns the call's result, or throws its error, so
 * the caller keeps its own busy and error state.
 */
export function useCoreMutation<C extends CallChannel>(
  channel: C,
  invalidates: readonly QueryFilter[],
): (args: ChannelArgs<C>) => Promise<ChannelResult<C>> {
  const { api, cache } = useCoreQueries();
  // Callers write the list inline: its contents, not its identity, decide when the function changes.
  const filters = JSON.stringify(invalidates);
  return useCallback(
    async (args: ChannelArgs<C>) => {
      const result = await (api[channel] as (args: ChannelArgs<C>) => Promise<ChannelResult<C>>)(args);
      cache.invalidate(...(JSON.parse(filters) as QueryFilter[]));
      return result;
    },
    [api, cache, channel, filters],
  );
}
