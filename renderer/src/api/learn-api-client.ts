import type {
  ApiError,
  ApiResponse,
  ChannelArgs,
  ChannelName,
  ChannelResult,
  DesktopBridge,
  LearnApi,
  ProgressImportSummary,
  StagedPack,
  UploadChannelName,
} from '../../../electron/contract/channels';

declare global {
  interface Window {
    aulaDesktop?: DesktopBridge;
  }
}

/** A failed call, carrying the core's message written for the learner. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

/** The one answer when the core cannot be reached at all (browser mode's server has stopped). */
const CORE_STOPPED: ApiError = {
  code: 'internal',
  message: 'Aula is not running any more. Start it again; your saved work is safe.',
  reason: 'request.core-stopped',
};

/** An answer that is not the core's envelope (a proxy, a crash mid-reply). */
function badReply(status: number): ApiError {
  return {
    code: 'internal',
    message: `Unexpected reply from Aula (HTTP ${status}).`,
    reason: 'request.bad-reply',
    params: { status },
  };
}

/** Reads the core's envelope from an HTTP reply's text. */
function envelopeOf(text: string, status: number): ApiResponse<unknown> {
  try {
    return JSON.parse(text) as ApiResponse<unknown>;
  } catch {
    return { ok: false, error: badReply(status) };
  }
}

function resultOf<T>(outcome: ApiResponse<unknown>): T {
  if (!outcome.ok) throw new ApiCallError(outcome.error);
  return outcome.result as T;
}

async function callOverHttp(channel: ChannelName, args: unknown): Promise<ApiResponse<unknown>> {
  let response: Response;
  try {
    // The per-launch secret travels in the HttpOnly cookie the launch URL set.
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, error: CORE_STOPPED };
  }
  return envelopeOf(await response.text().catch(() => ''), response.status);
}

/** Channel names look like `group.action`; anything else (such as `then`) is not a channel. */
const CHANNEL_NAME = /^[a-z][a-zA-Z]*\.[a-zA-Z]+$/;

/**
 * The renderer's LearnApi, over IPC in the desktop shell and over HTTP in browser mode. Each
 * channel's method is made when first used, so the interface does not load the contract's
 * runtime schemas (zod) just to know the channel names: the types check every call, and the
 * core validates every argument anyway.
 */
export function createLearnApiClient(bridge: DesktopBridge | undefined = window.aulaDesktop): LearnApi {
  const call = (channel: ChannelName, args: unknown) => (bridge ? bridge[channel](args) : callOverHttp(channel, args));
  const methods = new Map<string, (args: unknown) => Promise<unknown>>();
  return new Proxy({} as LearnApi, {
    get(_target, channel) {
      if (typeof channel !== 'string' || !CHANNEL_NAME.test(channel)) return undefined;
      let method = methods.get(channel);
      if (!method) {
        method = async (args: unknown) => resultOf(await call(channel as ChannelName, args));
        methods.set(channel, method);
      }
      return method;
    },
  });
}

/** Browser mode: the file is the body of a POST, streamed by the browser, with its progress. */
function uploadOverHttp(
  channel: UploadChannelName,
  args: unknown,
  file: File,
  onProgress: (sent: number, total: number) => void,
): Promise<ApiResponse<unknown>> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/${channel}`);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    // The body is the file, so the call's other arguments travel in a header.
    request.setRequestHeader('x-aula-args', encodeURIComponent(JSON.stringify(args)));
    request.upload.onprogress = (event) => onProgress(event.loaded, event.total || file.size);
    request.onerror = () => resolve({ ok: false, error: CORE_STOPPED });
    request.onload = () => resolve(envelopeOf(request.responseText, request.status));
    request.send(file);
  });
}

/**
 * Calls a channel that takes a file (a course pack, a progress file) with its other arguments,
 * reporting progress as the file is sent. The desktop shell sends it in pieces over IPC, browser
 * mode as a streamed POST; the core receives it the same way in both.
 */
export async function uploadFile<C extends UploadChannelName>(
  channel: C,
  args: ChannelArgs<C>,
  file: File,
  onProgress: (sent: number, total: number) => void,
  bridge = window.aulaDesktop,
): Promise<ChannelResult<C>> {
  const outcome = bridge
    ? await bridge.upload(
        channel,
        args,
        file.size,
        async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()),
        onProgress,
      )
    : await uploadOverHttp(channel, args, file, onProgress);
  return resultOf<ChannelResult<C>>(outcome);
}

/** Sends a pack file to the core to be checked (the `packs.stage` channel). */
export function uploadPack(file: File, session: string, onProgress: (sent: number, total: number) => void): Promise<StagedPack> {
  return uploadFile('packs.stage', { session }, file, onProgress);
}

/** Sends a progress file from another PC to be checked and imported (a manager's session). */
export function uploadProgressFile(
  file: File,
  session: string,
  onProgress: (sent: number, total: number) => void,
): Promise<ProgressImportSummary> {
  return uploadFile('progressFiles.import', { session }, file, onProgress);
}
