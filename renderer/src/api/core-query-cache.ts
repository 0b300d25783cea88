/**
 * What the renderer has read from the core, by channel and arguments: one request per key at a
 * time, the answer shared by every component showing it, and asked again when a change makes it
 * out of date (`invalidate`). Plain TypeScript, no React: `use-core-query.ts` is the React side.
 *
 * A key is the channel and its arguments as canonical JSON (keys sorted), so it also says what to
 * ask: arguments travel to the core as JSON anyway.
 */

/** What one key holds. A new object on every change, so `useSyncExternalStore` sees the change. */
export type QuerySnapshot = { state: 'loading' } | { state: 'ready'; value: unknown } | { state: 'failed'; error: unknown };

/** Which entries a change makes out of date: a channel (`catalog.list`), every channel of a group (`reports.`), or one channel with some of its arguments. */
export type QueryFilter = string | { channel: string; args?: Record<string, unknown> };

export interface WatchOptions {
  /** How long an answer is good for a newly shown component before it is asked again (default 0: asked at every showing, loading shown meanwhile). */
  staleMs?: number;
  /** How long an answer nobody shows is kept (default 5 minutes; 0 for answers that must not be shown again, such as an opened lesson). */
  keepMs?: number;
}

export type LoadChannel = (channel: string, args: unknown) => Promise<unknown>;

const LOADING: QuerySnapshot = Object.freeze({ state: 'loading' });
const DEFAULT_KEEP_MS = 5 * 60_000;
/** How long an answer asked ahead waits for the page that asked for it to show it. */
const ASKED_AHEAD_WAIT_MS = 10_000;

interface Entry {
  readonly channel: string;
  readonly args: Record<string, unknown>;
  snapshot: QuerySnapshot;
  /** When the answer shown arrived (or was set); null until one did. */
  answeredAt: number | null;
  /** Made out of date by a change: asked again before it is shown to anyone new. */
  outdated: boolean;
  /** Counts requests: an answer to any but the latest is dropped, so an older reply never overwrites a newer one. */
  requests: number;
  inFlight: boolean;
  /** Asked ahead (`askAhead`) and not shown yet: the first to show it takes this request's answer. */
  askedAhead: boolean;
  readonly listeners: Set<() => void>;
  keepMs: number;
  dropTimer: ReturnType<typeof setTimeout> | undefined;
}

/** JSON with object keys sorted, so `{ a, b }` and `{ b, a }` are the same key. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, field]) => `${JSON.stringify(name)}:${canonicalJson(field)}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The cache key of a call: its channel, a space, its arguments as canonical JSON. */
export function queryKey(channel: string, args: unknown): string {
  return `${channel} ${canonicalJson(args)}`;
}

function parseKey(key: string): { channel: string; args: Record<string, unknown> } {
  const space = key.indexOf(' ');
  return { channel: key.slice(0, space), args: JSON.parse(key.slice(space + 1)) as Record<string, unknown> };
}

function matches(entry: Entry, filter: QueryFilter): boolean {
  if (typeof filter === 'string') return filter.endsWith('.') ? entry.channel.startsWith(filter) : entry.channel === filter;
  if (entry.channel !== filter.channel) return false;
  return Object.entries(filter.args ?? {}).every(([name, value]) => canonicalJson(entry.args[name]) === canonicalJson(value));
}

export class CoreQueryCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly load: LoadChannel,
    private readonly now: () => number = Date.now,
  ) {}

  /** What `key` holds now; "loading" for a key never asked. */
  snapshot(key: string): QuerySnapshot {
    return this.entries.get(key)?.snapshot ?? LOADING;
  }

  /**
   * Shows `key` to one more listener, asking the core unless a fresh answer is there or a request
   * is already on its way. Returns the function that stops listening.
   */
  watch(key: string, listener: () => void, options: WatchOptions = {}): () => void {
    const entry = this.entryFor(key);
    entry.keepMs = options.keepMs ?? DEFAULT_KEEP_MS;
    clearTimeout(entry.dropTimer);
    entry.dropTimer = undefined;
    const shownElsewhere = entry.listeners.size > 0;
    entry.listeners.add(listener);
    const staleMs = options.staleMs ?? 0;
    // An answer asked ahead for this showing is its own, not an earlier one's, however young it is.
    const askedForThis = entry.askedAhead && !entry.outdated;
    entry.askedAhead = false;
    const fresh = askedForThis || (entry.answeredAt !== null && !entry.outdated && this.now() - entry.answeredAt < staleMs);
    if (!fresh && !entry.inFlight) {
      // Shown again after no one showed it, an answer older than staleMs may be out of date (a
      // lesson's work changes the learner's summaries without passing here): loading is shown, not
      // a course still "to do" that was just completed. Where it is on screen, it stays until the new one.
      if (!shownElsewhere && entry.snapshot.state === 'ready') entry.snapshot = LOADING;
      this.request(key, entry);
    }
    return () => {
      entry.listeners.delete(listener);
      if (entry.listeners.size === 0) this.dropLater(key, entry);
    };
  }

  /**
   * Asks the core now for what a page about to be shown will watch, so that the request travels
   * while the page renders instead of after (a lesson is opened from the route change, not from
   * the lesson page's first effect). The first `watch` takes this request's answer, on its way or
   * arrived, as its own: one request, not two. Nothing is asked while the key is shown or on its
   * way already; an answer no one comes to show is forgotten after a while.
   */
  askAhead(key: string): void {
    const entry = this.entryFor(key);
    if (entry.listeners.size > 0 || entry.inFlight) return;
    entry.askedAhead = true;
    this.request(key, entry);
    clearTimeout(entry.dropTimer);
    entry.dropTimer = setTimeout(() => {
      if (entry.listeners.size === 0) this.drop(key, entry);
    }, ASKED_AHEAD_WAIT_MS);
  }

  /**
   * Marks what a change made out of date. Entries someone shows are asked again at once (even with
   * a request on its way: it may have left before the change); the others are dropped, so no one is
   * shown an answer known to be old.
   */
  invalidate(...filters: QueryFilter[]): void {
    for (const [key, entry] of [...this.entries]) {
      if (!filters.some((filter) => matches(entry, filter))) continue;
      if (entry.listeners.size === 0) {
        this.drop(key, entry);
      } else {
        entry.outdated = true;
        this.request(key, entry);
      }
    }
  }

  /** Puts an answer the renderer already has (a mutation's result, one that came with the lesson) under `key`. */
  set(key: string, value: unknown): void {
    const entry = this.entryFor(key);
    // A request still on its way left before this answer: its reply is older, and dropped.
    entry.requests += 1;
    entry.inFlight = false;
    entry.outdated = false;
    entry.answeredAt = this.now();
    this.publish(entry, { state: 'ready', value });
    if (entry.listeners.size === 0) this.dropLater(key, entry);
  }

  /**
   * Changes the answer under `key` from what it is now (an answer saved changes a quiz's state), so
   * two changes arriving one after the other both count. Nothing happens while there is no answer.
   */
  update(key: string, change: (current: unknown) => unknown): void {
    const snapshot = this.entries.get(key)?.snapshot;
    if (snapshot?.state === 'ready') this.set(key, change(snapshot.value));
  }

  /**
   * Forgets every answer no one shows, and the others as soon as no one shows them (a profile was
   * closed: its pages are still on screen until React has rendered the picker).
   */
  clear(): void {
    for (const [key, entry] of [...this.entries]) {
      if (entry.listeners.size === 0) this.drop(key, entry);
      else entry.keepMs = 0;
    }
  }

  private entryFor(key: string): Entry {
    let entry = this.entries.get(key);
    if (!entry) {
      const { channel, args } = parseKey(key);
      entry = {
        channel,
        args,
        snapshot: LOADING,
        answeredAt: null,
        outdated: false,
        requests: 0,
        inFlight: false,
        askedAhead: false,
        listeners: new Set(),
        keepMs: DEFAULT_KEEP_MS,
        dropTimer: undefined,
      };
      this.entries.set(key, entry);
    }
    return entry;
  }

  private request(key: string, entry: Entry): void {
    entry.requests += 1;
    const request = entry.requests;
    entry.inFlight = true;
    // An error is not kept on screen while asking again; an answer is, until the new one comes.
    if (entry.snapshot.state === 'failed') this.publish(entry, LOADING);
    const settle = (snapshot: QuerySnapshot) => {
      if (this.entries.get(key) !== entry || entry.requests !== request) return;
      entry.inFlight = false;
      entry.outdated = false;
      if (snapshot.state === 'ready') entry.answeredAt = this.now();
      this.publish(entry, snapshot);
    };
    let reply: Promise<unknown>;
    try {
      reply = this.load(entry.channel, entry.args);
    } catch (error) {
      reply = Promise.reject(error);
    }
    reply.then(
      (value) => settle({ state: 'ready', value }),
      (error: unknown) => settle({ state: 'failed', error }),
    );
  }

  private publish(entry: Entry, snapshot: QuerySnapshot): void {
    entry.snapshot = snapshot;
    for (const listener of [...entry.listeners]) listener();
  }

  private dropLater(key: string, entry: Entry): void {
    clearTimeout(entry.dropTimer);
    entry.dropTimer = setTimeout(() => {
      if (entry.listeners.size === 0) this.drop(key, entry);
    }, entry.keepMs);
  }

  private drop(key: string, entry: Entry): void {
    clearTimeout(entry.dropTimer);
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }
}
