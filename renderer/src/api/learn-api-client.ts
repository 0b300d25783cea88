import type {
  ApiError,
  ApiResponse,
  ChannelName,
  LearnApi,
  ProgressImportSummary,
  StagedPack,
} from '../../../electron/contract/channels';

/** What the desktop shell's preload exposes: one function per channel. */
type DesktopBridge = Record<ChannelName, (args: unknown) => Promise<ApiResponse<unknown>>>;

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
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'Aula is not running any more. Start it again; your saved work is safe.',
        reason: 'request.core-stopped',
      },
    };
  }
  try {
    return (await response.json()) as ApiResponse<unknown>;
  } catch {
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `Unexpected reply from Aula (HTTP ${response.status}).`,
        reason: 'request.bad-reply',
        params: { status: response.status },
      },
    };
  }
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
        method = async (args: unknown) => {
          const outcome = await call(channel as ChannelName, args);
          if (!outcome.ok) throw new ApiCallError(outcome.error);
          return outcome.result;
        };
        methods.set(channel, method);
      }
      return method;
    },
  });
}

/**
 * Sends a file to a channel that takes one (a course pack, a progress file). The desktop shell takes
 * the bytes over IPC; browser mode streams the file as the body of a POST, reporting progress.
 */
function uploadFile<T>(
  channel: 'packs.stage' | 'progressFiles.import',
  file: File,
  session: string,
  onProgress: (sent: number, total: number) => void,
  bridge = window.aulaDesktop,
): Promise<T> {
  if (bridge) {
    return file.arrayBuffer().then(async (buffer) => {
      onProgress(file.size, file.size);
      const outcome = await bridge[channel]({ session, bytes: new Uint8Array(buffer) });
      if (!outcome.ok) throw new ApiCallError(outcome.error);
      return outcome.result as T;
    });
  }
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/${channel}`);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    // Only a manager may upload: the body is the file, so the session travels in a header.
    request.setRequestHeader('x-aula-session', session);
    request.upload.onprogress = (event) => onProgress(event.loaded, event.total || file.size);
    request.onerror = () =>
      reject(
        new ApiCallError({
          code: 'internal',
          message: 'Aula is not running any more. Start it again.',
          reason: 'request.core-stopped',
        }),
      );
    request.onload = () => {
      try {
        const outcome = JSON.parse(request.responseText) as ApiResponse<T>;
        if (outcome.ok) resolve(outcome.result);
        else reject(new ApiCallError(outcome.error));
      } catch {
        reject(
          new ApiCallError({
            code: 'internal',
            message: `Unexpected reply from Aula (HTTP ${request.status}).`,
            reason: 'request.bad-reply',
            params: { status: request.status },
          }),
        );
      }
    };
    request.send(file);
  });
}

/** Sends a pack file to the core to be checked (the `packs.stage` channel). */
export function uploadPack(
  file: File,
  session: string,
  onProgress: (sent: number, total: number) => void,
  bridge = window.aulaDesktop,
): Promise<StagedPack> {
  return uploadFile<StagedPack>('packs.stage', file, session, onProgress, bridge);
}

/** Sends a progress file from another PC to be checked and imported (a manager's session). */
export function uploadProgressFile(
  file: File,
  session: string,
  onProgress: (sent: number, total: number) => void,
  bridge = window.aulaDesktop,
): Promise<ProgressImportSummary> {
  return uploadFile<ProgressImportSummary>('progressFiles.import', file, session, onProgress, bridge);
}
