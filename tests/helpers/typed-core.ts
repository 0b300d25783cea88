/**
 * A typed test client for the core. Tests call a channel by its contract name, with the
 * channel's argument type and get the channel's result type back, so renaming a contract field
 * breaks the tests that use it at compile time. Every result is checked against the channel's zod
 * result schema by dispatch itself (AULA_CHECK_RESULTS=1 in vitest.config.ts): a handler that
 * breaks its contract answers `internal`, and the test fails.
 */
import type { z } from 'zod';
import {
  type ApiError,
  type ApiResponse,
  type ChannelName,
  type ChannelResult,
  type Channels,
} from '../../electron/contract/channels.js';
import { beginChannelUpload } from '../../electron/core/channel-uploads.js';
import { dispatch, type CoreHandlers, type UploadChannelName } from '../../electron/core/dispatch.js';
import { newUploadFile } from '../../electron/core/received-files.js';

/** What a caller may send on a channel: the schema's input, so arguments with defaults may be left out. */
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['args']>;

/** One call, channel and arguments, as a value: for tests that try a list of channels in a loop. */
export type ChannelCall = { [C in ChannelName]: [channel: C, args: ChannelInput<C>] }[ChannelName];

/** Anything holding the core's handlers: a RunningCore, or a core started by hand. */
export interface CoreDoor {
  handlers: CoreHandlers;
}

/**
 * Calls a channel through the core's one door with a name and arguments the contract allows.
 * Its result, when there is one, was checked against the channel's result schema by dispatch.
 */
export async function call<C extends ChannelName>(
  core: CoreDoor,
  channel: C,
  args: ChannelInput<C>,
): Promise<ApiResponse<ChannelResult<C>>> {
  return (await dispatch(core.handlers, channel, args)) as ApiResponse<ChannelResult<C>>;
}

/**
 * Calls the core with anything at all: for tests about what the door does with an unknown
 * channel or arguments the contract refuses.
 */
export async function callUnchecked(core: CoreDoor, channel: string, args: unknown): Promise<ApiResponse<unknown>> {
  return dispatch(core.handlers, channel, args);
}

/** The result of a response that must have succeeded; a failure fails the test with the core's message. */
export function resultOf<T>(response: ApiResponse<T>, channel = 'the call'): T {
  if (!response.ok) throw new Error(`${channel} failed: ${JSON.stringify(response.error)}`);
  return response.result;
}

/** The error of a response that must have failed. */
export function errorOf(response: ApiResponse<unknown>, channel = 'the call'): ApiError {
  if (response.ok) throw new Error(`${channel} should have failed but returned ${JSON.stringify(response.result)}`);
  return response.error;
}

/** The result of a call that must succeed. */
export async function ok<C extends ChannelName>(core: CoreDoor, channel: C, args: ChannelInput<C>): Promise<ChannelResult<C>> {
  return resultOf(await call(core, channel, args), channel);
}

/** The error of a call that must fail (the arguments are still ones the contract allows). */
export async function failure<C extends ChannelName>(core: CoreDoor, channel: C, args: ChannelInput<C>): Promise<ApiError> {
  return errorOf(await call(core, channel, args), channel);
}

/** The error of a call from a typed list of calls (see ChannelCall) that must fail. */
export async function failureOf(core: CoreDoor, [channel, args]: ChannelCall): Promise<ApiError> {
  return errorOf(await callUnchecked(core, channel, args), channel);
}

/** The error of a call the contract does not allow (an unknown channel, refused arguments). */
export async function failureUnchecked(core: CoreDoor, channel: string, args: unknown): Promise<ApiError> {
  return errorOf(await callUnchecked(core, channel, args), channel);
}

/** A core whose data folder receives uploads: a RunningCore. */
export interface CoreWithDataFolder extends CoreDoor {
  deps: { dataDir: string };
}

/** The size of the pieces a test sends a file in: small, so that every file arrives in several. */
const TEST_UPLOAD_PIECE_BYTES = 64 * 1024;

/**
 * Calls a channel that takes a file as both shells do: admitted first, then the file received
 * in pieces into the data folder, then dispatched.
 */
export async function callWithFile<C extends UploadChannelName>(
  core: CoreWithDataFolder,
  channel: C,
  args: ChannelInput<C>,
  bytes: Uint8Array,
): Promise<ApiResponse<ChannelResult<C>>> {
  const begun = await beginChannelUpload({
    handlers: core.handlers,
    channel,
    args,
    declaredBytes: bytes.byteLength,
    newFile: () => newUploadFile(core.deps.dataDir),
  });
  if (!begun.ok) return begun;
  for (let start = 0; start < bytes.byteLength; start += TEST_UPLOAD_PIECE_BYTES) {
    const refusal = await begun.upload.append(bytes.subarray(start, start + TEST_UPLOAD_PIECE_BYTES));
    if (refusal) return { ok: false, error: refusal };
  }
  return (await begun.upload.finish()) as ApiResponse<ChannelResult<C>>;
}

/** The result of a call with a file that must succeed. */
export async function okWithFile<C extends UploadChannelName>(
  core: CoreWithDataFolder,
  channel: C,
  args: ChannelInput<C>,
  bytes: Uint8Array,
): Promise<ChannelResult<C>> {
  return resultOf(await callWithFile(core, channel, args, bytes), channel);
}

/** The error of a call with a file that must fail. */
export async function failureWithFile<C extends UploadChannelName>(
  core: CoreWithDataFolder,
  channel: C,
  args: ChannelInput<C>,
  bytes: Uint8Array,
): Promise<ApiError> {
  return errorOf(await callWithFile(core, channel, args, bytes), channel);
}
