import type { LrsLastError, LrsProblem } from '../contract/lrs-channels.js';
import type { Db } from '../db/open-database.js';
import { markStatementsSent, onStatementsRecorded, readWaitingStatements, type WaitingStatement } from '../db/xapi-outbox.js';
import { XAPI_VERSION } from '../xapi/learning-statements.js';
import { readLastError, readLrsConnection, writeLastError, writeLastSentAt, type LrsConnection } from './lrs-settings.js';

/**
 * Sends the outbox to the LRS a manager set up: oldest first, in batches, while the LRS accepts
 * them; after a failure it waits (5 s, doubling, up to 15 minutes) and tries again, so an offline
 * PC costs one failed request now and then. Nothing is removed from the outbox: a statement is
 * marked sent only once the LRS said yes, and a restart starts again from what is not marked.
 *
 * Statement ids are made once, so sending a statement twice (a crash between the LRS's yes and
 * our mark, a batch sent again) is harmless: the LRS answers 200 for the same statement, or 409
 * ("I have a different one with this id"), which we count as delivered as well.
 */

export interface LrsSenderOptions {
  db: Db;
  /** Statements per POST. */
  batchSize?: number;
  firstRetryMs?: number;
  maxRetryMs?: number;
  /** How long to wait for the LRS to answer one request. */
  requestTimeoutMs?: number;
  /** After an event is recorded, how long to wait for others to join it in one request. */
  gatherMs?: number;
  log?: (message: string) => void;
}

export interface LrsSender {
  /** Tries now, even while waiting to retry; resolves when the try is over. */
  sendNow(): Promise<void>;
  /** When the next try after a failure is due (ISO), or null. */
  nextTryAt(): string | null;
  stop(): void;
}

export const DEFAULT_BATCH_SIZE = 100;

type BatchOutcome = { delivered: true } | { delivered: false; error: Omit<LrsLastError, 'at'> };

export function startLrsSender(options: LrsSenderOptions): LrsSender {
  const { db } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const firstRetryMs = options.firstRetryMs ?? 5_000;
  const maxRetryMs = options.maxRetryMs ?? 15 * 60_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const gatherMs = options.gatherMs ?? 500;
  const log = options.log ?? (() => {});

  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let retryAt: Date | null = null;
  let chain: Promise<void> = Promise.resolve();
  const inFlight = new Set<AbortController>();

  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void run();
    }, ms);
    // A pending retry never keeps the process alive by itself.
    timer.unref?.();
  };

  /** One try at a time: a try asked for during another runs after it. */
  const run = (): Promise<void> => {
    // A failure here is a bug or a closed database, never the LRS's doing (those are caught):
    // logged, so a timer's try never ends the process.
    chain = chain.then(pass, pass).catch((error: unknown) => log(`The xAPI sender failed: ${String(error)}`));
    return chain;
  };

  const unsubscribe = onStatementsRecorded(db, () => {
    // While waiting to retry, new statements wait too (they join the next try).
    if (!retryAt && timer === undefined) schedule(gatherMs);
  });

  async function pass(): Promise<void> {
    if (stopped) return;
    const connection = readLrsConnection(db);
    if (!connection) {
      failures = 0;
      retryAt = null;
      return;
    }
    for (;;) {
      const batch = readWaitingStatements(db, batchSize);
      if (batch.length === 0) return;
      const outcome = await sendBatch(connection, batch);
      if (stopped) return;
      const at = new Date();
      if (outcome.delivered) {
        markStatementsSent(
          db,
          batch.map((statement) => statement.seq),
          at,
        );
        writeLastSentAt(db, at.toISOString());
        // Also an error stored before a restart: it is over once the LRS takes statements again.
        if (readLastError(db)) writeLastError(db, null);
        failures = 0;
        retryAt = null;
        continue;
      }
      failures += 1;
      const delay = Math.min(maxRetryMs, firstRetryMs * 2 ** (failures - 1));
      retryAt = new Date(at.getTime() + delay);
      writeLastError(db, { ...outcome.error, at: at.toISOString() });
      log(
        `Could not send xAPI statements to the LRS (${outcome.error.problem}: ${outcome.error.detail}); next try in ${Math.round(delay / 1000)} s.`,
      );
      schedule(delay);
      return;
    }
  }

  async function request(connection: LrsConnection, url: string, init: { method: string; body: string }) {
    const controller = new AbortController();
    inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(new Error(`no answer in ${requestTimeoutMs / 1000} s`)), requestTimeoutMs);
    try {
      return await fetch(url, {
        ...init,
        signal: controller.signal,
        headers: {
          Authorization: `Basic ${Buffer.from(`${connection.key}:${connection.secret}`).toString('base64')}`,
          'X-Experience-API-Version': XAPI_VERSION,
          'Content-Type': 'application/json',
        },
      });
    } finally {
      clearTimeout(timeout);
      inFlight.delete(controller);
    }
  }

  async function sendBatch(connection: LrsConnection, batch: WaitingStatement[]): Promise<BatchOutcome> {
    const statementsUrl = new URL('statements', connection.endpoint).href;
    try {
      const response = await request(connection, statementsUrl, {
        method: 'POST',
        body: `[${batch.map((statement) => statement.json).join(',')}]`,
      });
      if (response.ok) {
        await response.body?.cancel();
        return { delivered: true };
      }
      if (response.status !== 409) return { delivered: false, error: await refusal(response) };
      await response.body?.cancel();
      // Some statement of the batch is there already, under its id: the batch as a whole was
      // refused, so each is put on its own; "conflict" then means that one is delivered.
      for (const statement of batch) {
        const url = `${statementsUrl}?statementId=${encodeURIComponent(statement.id)}`;
        const single = await request(connection, url, { method: 'PUT', body: statement.json });
        if (!single.ok && single.status !== 409) return { delivered: false, error: await refusal(single) };
        await single.body?.cancel();
      }
      return { delivered: true };
    } catch (error) {
      return { delivered: false, error: { problem: 'unreachable', status: null, detail: networkDetail(error) } };
    }
  }

  schedule(0);
  return {
    sendNow: () => {
      clearTimeout(timer);
      timer = undefined;
      retryAt = null;
      return run();
    },
    nextTryAt: () => retryAt?.toISOString() ?? null,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
      for (const controller of inFlight) controller.abort(new Error('Aula is closing'));
    },
  };
}

async function refusal(response: Response): Promise<Omit<LrsLastError, 'at'>> {
  const problem: LrsProblem =
    response.status === 401 || response.status === 403 ? 'credentials' : response.status === 400 ? 'rejected' : 'server';
  const text = await response.text().catch(() => '');
  return { problem, status: response.status, detail: `${response.status} ${response.statusText} ${text}`.trim().slice(0, 500) };
}

/** The most telling part of a network failure (fetch hides the cause: ECONNREFUSED, ENOTFOUND...). */
function networkDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return [error.message, cause?.code ?? cause?.message].filter(Boolean).join(': ').slice(0, 500);
}
