import type { lrsChannels, LrsStatus } from '../../contract/channels.js';
import { countWaitingStatements, exportOutboxJson } from '../../db/xapi-outbox.js';
import {
  lrsSecretSet,
  readIriBase,
  readLastError,
  readLastSentAt,
  readLrsConnection,
  writeLrsConnection,
} from '../../lrs/lrs-settings.js';
import { requireManager, type CoreDependencies } from '../core-context.js';
import type { HandlerGroup } from '../dispatch.js';

/** The LRS connection and the outbox: a manager's business only, checked in the core on every call. */
export function createLrsHandlers(deps: CoreDependencies): HandlerGroup<typeof lrsChannels> {
  const { db } = deps;

  /** What the settings show; the secret only as "set" or not. */
  const status = (): LrsStatus => {
    const connection = readLrsConnection(db);
    return {
      endpoint: connection?.endpoint ?? null,
      key: connection ? connection.key : null,
      secretSet: lrsSecretSet(db),
      waiting: countWaitingStatements(db),
      lastSentAt: readLastSentAt(db),
      lastError: connection ? readLastError(db) : null,
      nextTryAt: connection ? deps.lrsSender.nextTryAt() : null,
      iriBase: readIriBase(db),
    };
  };

  return {
    'lrs.status': ({ session }) => {
      requireManager(deps, session);
      return status();
    },
    'lrs.configure': async ({ session, endpoint, key, secret, iriBase }) => {
      requireManager(deps, session);
      writeLrsConnection(db, { endpoint, key, secret, iriBase });
      // A new address or key is tried at once, so the settings show whether it works.
      await deps.lrsSender.sendNow();
      return status();
    },
    'lrs.sendNow': async ({ session }) => {
      requireManager(deps, session);
      await deps.lrsSender.sendNow();
      return status();
    },
    'lrs.exportOutbox': ({ session }) => {
      requireManager(deps, session);
      const { json, count } = exportOutboxJson(db);
      const day = new Date().toISOString().slice(0, 10);
      return { fileName: `aula-xapi-statements-${day}.json`, json, count };
    },
  };
}
