import type { z } from 'zod';
import {
  channels,
  isChannelName,
  type ApiError,
  type ApiErrorCode,
  type ApiResponse,
  type ChannelName,
  type Channels,
  type ChannelSpec,
  type UploadSpec,
} from '../contract/channels.js';
import { DomainRefusal, type RefusalKind } from '../domain/domain-refusal.js';
import { ApiFailure } from './api-failure.js';
import { isCorruptionError } from '../db/open-database.js';
import { diskFullFailure, isDiskFullError } from './disk-full.js';
import type { ReceivedFile } from './received-files.js';

/**
 * Damage found while Aula runs (a start found none): a restart runs the check again and restores
 * the newest good backup (electron/db/database-recovery.ts), so that is what the person is told.
 */
export const DAMAGED_DATABASE_MESSAGE =
  'Aula found damage in its progress file and could not complete this action. Close Aula and start it again: ' +
  'it will restore your progress from its latest automatic backup.';

/** A channel's handler as the core writes it, from the channel's entry in the contract. */
type PlainHandler<S extends ChannelSpec> = (args: z.infer<S['args']>) => z.infer<S['result']> | Promise<z.infer<S['result']>>;

/**
 * The handler of a channel that takes a file (UploadSpec): `admit` runs on the arguments before
 * a byte of the file is received (a caller who may not send one writes nothing to disk); `handle`
 * runs once the whole file is in, with the received file as the argument the spec names.
 */
export interface UploadHandler<S extends ChannelSpec> {
  admit(args: z.infer<S['args']>): void;
  handle(
    args: z.infer<S['args']> & { [F in UploadField<S>]: ReceivedFile },
  ): z.infer<S['result']> | Promise<z.infer<S['result']>>;
}
type UploadField<S extends ChannelSpec> = S extends { upload: { field: infer F extends string } } ? F : never;

export type HandlerOf<S extends ChannelSpec> = S extends { upload: UploadSpec } ? UploadHandler<S> : PlainHandler<S>;

/** Handlers for one group of channels (one file under electron/contract). */
export type HandlerGroup<G extends Record<string, ChannelSpec>> = { [C in keyof G]: HandlerOf<G[C]> };

export type CoreHandlers = HandlerGroup<Channels>;

export type { UploadChannelName } from '../contract/channels.js';

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

function unknownChannel(channel: string): ApiError {
  const shown = shorten(channel, 80);
  return {
    code: 'unknown-channel',
    message: `There is no channel called "${shown}".`,
    reason: 'request.unknown-channel',
    params: { channel: shown },
  };
}

function invalidArguments(channel: ChannelName, details: string[]): ApiError {
  return {
    code: 'invalid-arguments',
    message: `Invalid arguments for ${channel}.`,
    reason: 'request.invalid-arguments',
    params: { channel },
    details: details.slice(0, 10).map((detail) => shorten(detail)),
  };
}

function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(arguments)'}: ${issue.message}`);
}

/** What an unexpected failure tells the person (the log has the details). */
export const INTERNAL_FAILURE: ApiError = {
  code: 'internal',
  message: 'Aula could not complete this action. Your saved work is safe; please try again.',
  reason: 'request.internal',
};

/** What a thrown error becomes, logged unless it is a refusal the person is simply told about. */
function failureOf(channel: ChannelName, error: unknown, log: (message: string) => void): ApiError {
  const known = knownFailure(error);
  if (known) {
    if (!(error instanceof ApiFailure) && !(error instanceof DomainRefusal))
      log(`Channel ${channel} failed (${known.code}): ${messageOf(error)}`);
    return known;
  }
  log(`Channel ${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return INTERNAL_FAILURE;
}

/**
 * Whether results are checked against their channel's schema: in development and tests (vitest,
 * `npm start`, the e2e servers set AULA_CHECK_RESULTS=1), not in packaged builds, where a large
 * report's check would cost the person time to catch a bug tests are there to catch.
 */
let resultChecks = process.env.AULA_CHECK_RESULTS === '1';

/** Turns result checks on or off for this process (tests of both behaviours). */
export function checkResults(enabled: boolean): void {
  resultChecks = enabled;
}

/** A result its contract does not allow: a bug in the core, reported as one with where it is. */
function resultMismatch(channel: ChannelName, result: unknown, log: (message: string) => void): ApiError | null {
  const checked = channels[channel].result.safeParse(result);
  if (checked.success) return null;
  log(`Channel ${channel} returned a result its contract does not allow: ${issuesOf(checked.error).slice(0, 10).join('; ')}`);
  return INTERNAL_FAILURE;
}

/** The spec of a channel that takes a file, or null. */
function uploadSpecOf(channel: ChannelName): UploadSpec | null {
  const spec: ChannelSpec = channels[channel];
  return spec.upload ?? null;
}

/** How a file larger than the channel's limit is refused, in both shells, whenever it is noticed. */
export function uploadTooLarge(upload: UploadSpec): ApiError {
  return { code: 'invalid-arguments', message: upload.tooLarge.message, reason: upload.tooLarge.reason };
}

/** Whether an error is the refusal of a file larger than its channel's limit (HTTP says 413). */
export function isUploadTooLarge(channel: string, error: ApiError): boolean {
  const upload = isChannelName(channel) ? uploadSpecOf(channel) : null;
  return upload !== null && error.reason === upload.tooLarge.reason && error.code === 'invalid-arguments';
}

/**
 * The first half of a call with a file, before a byte of it is received: the channel exists and
 * takes a file, the arguments are valid, and the handler admits this caller. Answers the
 * channel's upload spec (its limit, and how a larger file is refused).
 */
export function admitUpload(
  handlers: CoreHandlers,
  channel: string,
  rawArgs: unknown,
  log: (message: string) => void = () => {},
): ApiResponse<UploadSpec> {
  if (!isChannelName(channel)) return { ok: false, error: unknownChannel(channel) };
  const upload = uploadSpecOf(channel);
  if (!upload) return { ok: false, error: invalidArguments(channel, ['(file): this channel takes no file']) };
  const parsed = channels[channel].args.safeParse(rawArgs);
  if (!parsed.success) return { ok: false, error: invalidArguments(channel, issuesOf(parsed.error)) };
  try {
    (handlers[channel] as { admit(args: unknown): void }).admit(parsed.data);
  } catch (error) {
    return { ok: false, error: failureOf(channel, error, log) };
  }
  return { ok: true, result: upload };
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
  file?: ReceivedFile,
): Promise<ApiResponse<unknown>> {
  if (!isChannelName(channel)) return { ok: false, error: unknownChannel(channel) };
  const upload = uploadSpecOf(channel);
  if (upload && !file) {
    return { ok: false, error: invalidArguments(channel, [`${upload.field}: this channel takes a file, sent as an upload`]) };
  }
  if (!upload && file) return { ok: false, error: invalidArguments(channel, ['(file): this channel takes no file']) };
  const parsed = channels[channel].args.safeParse(rawArgs);
  if (!parsed.success) return { ok: false, error: invalidArguments(channel, issuesOf(parsed.error)) };
  try {
    const handler = handlers[channel] as ((args: unknown) => unknown) | { handle(args: unknown): unknown };
    const result =
      upload && file && typeof handler === 'object'
        ? await handler.handle({ ...(parsed.data as object), [upload.field]: file })
        : await (handler as (args: unknown) => unknown)(parsed.data);
    const mismatch = resultChecks ? resultMismatch(channel, result, log) : null;
    return mismatch ? { ok: false, error: mismatch } : { ok: true, result };
  } catch (error) {
    return { ok: false, error: failureOf(channel, error, log) };
  }
}
