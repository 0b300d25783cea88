/**
 * A typed test client for the core. Tests call a channel by its contract name, with the
 * channel's argument type and get the channel's result type back, so renaming a contract field
 * breaks the tests that use it at compile time. Every successful result is also checked against
 * the channel's zod result schema: dispatch does not check what handlers return, so the tests do.
 */
import type { z } from 'zod';
import {
  channels,
  isChannelName,
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

/** Fails the test when a handler returned something its channel's result schema does not allow. */
function checkResult(channel: string, response: ApiResponse<unknown>): void {
  if (!response.ok || !isChannelName(channel)) return;
  const checked = channels[channel].result.safeParse(response.result);
  if (!checked.success) {
    throw new Error(`${channel} returned a result its contract does not allow: ${checked.error.message}`);
  }
}

/**
 * Calls a channel through the core's one door with a name and arguments the contract allows.
 * The result, when there is one, has been checked against the channel's result schema.
 */
export async function call<C extends ChannelName>(
  core: CoreDoor,
  channel: C,
  args: ChannelInput<C>,
): Promise<ApiResponse<ChannelResult<C>>> {
  const response = await dispatch(core.handlers, channel, args);
  checkResult(channel, response);
  return response as ApiResponse<ChannelResult<C>>;
}

/**
 * Calls the core with anything at all: for tests about what the door does with an unknown
 * channel or arguments the contract refuses. Results are still checked against their schema.
 */
export async function callUnchecked(core: CoreDoor, channel: string, args: unknown): Promise<ApiResponse<unknown>> {
  const response = await dispatch(core.handlers, channel, args);
  checkResult(channel, response);
  return response;
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
 * in pieces into the data folder, then dispatched. The result is checked like `call`'s.
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
  const response = await begun.upload.finish();
  checkResult(channel, response);
  return response as ApiResponse<ChannelResult<C>>;
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
