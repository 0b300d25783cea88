/**
 * A typed client for browser mode's HTTP API, for tests that talk to a running Aula from outside
 * (a spawned `npm start`, `course preview`, an installed package) as another program on the PC
 * would: with the per-launch secret. Channel names, argument types and result types are the
 * contract's, so renaming a contract field breaks these tests at compile time too.
 */
import type { ApiResponse, ChannelName, ChannelResult } from '../../electron/contract/channels.js';
import type { ChannelInput } from './typed-core.js';

/** Where a running Aula answers: its origin and the secret from its ready line. */
export interface AulaAddress {
  origin: string;
  secret: string;
}

/** The address in a ready line's URL (`http://127.0.0.1:PORT/?secret=...`). */
export function addressOf(launchUrl: URL | string): AulaAddress {
  const url = new URL(launchUrl);
  return { origin: url.origin, secret: url.searchParams.get('secret') ?? '' };
}

/** Calls a channel and returns the whole response, success or failure. */
export async function callChannelResponse<C extends ChannelName>(
  aula: AulaAddress,
  channel: C,
  args: ChannelInput<C>,
): Promise<ApiResponse<ChannelResult<C>>> {
  const response = await fetch(`${aula.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-aula-secret': aula.secret },
    body: JSON.stringify(args),
  });
  return (await response.json()) as ApiResponse<ChannelResult<C>>;
}

/** Calls a channel that must succeed and returns its result; a failure fails the test with the core's error. */
export async function callChannel<C extends ChannelName>(
  aula: AulaAddress,
  channel: C,
  args: ChannelInput<C>,
): Promise<ChannelResult<C>> {
  const body = await callChannelResponse(aula, channel, args);
  if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
  return body.result;
}
