import type { z } from 'zod';
import {
  channels,
  isChannelName,
  type ApiError,
  type ApiErrorCode,
  type ApiResponse,
  type ChannelArgs,
  type ChannelName,
  type ChannelResult,
  type ChannelSpec,
} from '../contract/channels.js';
import { DomainRefusal, type RefusalKind } from '../domain/domain-refusal.js';
import { ApiFailure } from './api-failure.js';
import { isCorruptionError } from '../db/open-database.js';
import { diskFullFailure, isDiskFullError } from './disk-full.js';

/**
 * Damage found while Aula runs (a start found none): a restart runs the check again and restores
 * the newest good backup (electron/db/database-recovery.ts), so that is what the person is told.
 */
export const DAMAGED_DATABASE_MESSAGE =
  'Aula found damage in its progress file and could not complete this action. Close Aula and start it again: ' +
  'it will restore your progress from its latest automatic backup.';

export type CoreHandlers = {
  [C in ChannelName]: (args: ChannelArgs<C>) => ChannelResult<C> | Promise<ChannelResult<C>>;
};

/** Handlers for one group of channels (one file under electron/contract). */
export type HandlerGroup<G extends Record<string, ChannelSpec>> = {
  [C in keyof G]: (args: z.infer<G[C]['args']>) => z.infer<G[C]['result']> | Promise<z.infer<G[C]['result']>>;
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The one place a rule's refusal becomes an API error: every domain refusal of a kind reads the same. */
const CODE_OF_REFUSAL: Record<RefusalKind, ApiErrorCode> = {
  'not-allowed': 'forbidden',
  'not-found': 'not-found',
  conflict: 'conflict',
  'bad-input': 'invalid-arguments',
  'course-fault': 'internal',
};

/**
 * What a thrown error means for the person, when Aula knows: a refusal by one of Aula's rules
 * (DomainRefusal), one the core's handlers made (ApiFailure: sessions, roles, unknown ids), a
 * full disk, or a damaged database. Null for anything unexpected. Every door into the core
 * (dispatch, browser mode's uploads) answers with this.
 */
export function knownFailure(error: unknown): ApiError | null {
  if (error instanceof ApiFailure) return error.toApiError();
  if (error instanceof DomainRefusal) {
    const { reason, params, details } = error.facts;
    return {
      code: CODE_OF_REFUSAL[error.kind],
      message: error.message,
      reason,
      ...(params ? { params } : {}),
      ...(details ? { details } : {}),
    };
  }
  if (isDiskFullError(error)) return diskFullFailure().toApiError();
  if (isCorruptionError(error)) return { code: 'internal', message: DAMAGED_DATABASE_MESSAGE, reason: 'data.damaged' };
  return null;
}

/** Keeps a hostile or buggy caller from making us echo megabytes back in an error message. */
function shorten(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * The single door into the core for both shells: checks the channel exists, validates the
 * arguments against the contract, runs the handler, and turns every outcome into an envelope.
 * Nothing a caller sends can make it throw.
 */
export async function dispatch(
  handlers: CoreHandlers,
  channel: string,
  rawArgs: unknown,
  log: (message: string) => void = () => {},
): Promise<ApiResponse<unknown>> {
  if (!isChannelName(channel)) {
    const shown = shorten(channel, 80);
    return {
      ok: false,
      error: {
        code: 'unknown-channel',
        message: `There is no channel called "${shown}".`,
        reason: 'request.unknown-channel',
        params: { channel: shown },
      },
    };
  }
  const parsed = channels[channel].args.safeParse(rawArgs);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-arguments',
        message: `Invalid arguments for ${channel}.`,
        reason: 'request.invalid-arguments',
        params: { channel },
        details: parsed.error.issues
          .slice(0, 10)
          .map((issue) => shorten(`${issue.path.join('.') || '(arguments)'}: ${issue.message}`)),
      },
    };
  }
  try {
    const handler = handlers[channel] as (args: unknown) => unknown;
    const result = await handler(parsed.data);
    return { ok: true, result };
  } catch (error) {
    const known = knownFailure(error);
    if (known) {
      if (!(error instanceof ApiFailure) && !(error instanceof DomainRefusal))
        log(`Channel ${channel} failed (${known.code}): ${messageOf(error)}`);
      return { ok: false, error: known };
    }
    log(`Channel ${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'Aula could not complete this action. Your saved work is safe; please try again.',
        reason: 'request.internal',
      },
    };
  }
}
