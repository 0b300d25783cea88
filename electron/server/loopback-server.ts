/**
 * Browser mode: the core behind an HTTP server bound to 127.0.0.1. Every request must carry the
 * per-launch secret (as a cookie set from the launch URL, or an `x-aula-secret` header) and a
 * Host header naming this server, so other local users' pages and DNS-rebinding sites get 403.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { CatalogHolder } from '../courses/catalog-contents.js';
import {
  appContentSecurityPolicy,
  CONTENT_SECURITY_POLICY,
  isLessonFrameFile,
  LESSON_FRAME_PATH,
  lessonFrameContentSecurityPolicy,
  resolveAppFile,
} from '../core/app-files.js';
import { COURSE_FILES_PATH, LESSON_MODULE_PATH } from '../courses/course-urls.js';
import type { ApiError, ErrorReason } from '../contract/channels.js';
import type { beginChannelUpload } from '../core/channel-uploads.js';
import type { CoreHandlers, dispatch, isUploadTooLarge } from '../core/dispatch.js';
import { pageFiles } from './page-files-served.js';

// node:http through require, not import: importing it as an ES module builds its ES facade, which
// reads every export, including the lazy WebSocket getters that load all of undici (Node's fetch).
// Measured on a 2-core PC: 9-70 ms with require against 340-420 ms with import, at every start.
const { createServer } = createRequire(import.meta.url)('node:http') as typeof http;

/**
 * The code that answers channel calls: dispatch, which checks every call against its channel's
 * schema, and so zod and the whole contract. Loaded once the window has the page's files (see
 * page-files-served.ts) and `channelCodeAfter` has settled, or when a call needs it: building the
 * schemas took 50 to 250 ms of a start on a 2-core PC, and neither the page's own files nor the
 * first screen's calls need it.
 */
interface ChannelCode {
  dispatch: typeof dispatch;
  isUploadTooLarge: typeof isUploadTooLarge;
  beginChannelUpload: typeof beginChannelUpload;
}
let channelCode: Promise<ChannelCode> | undefined;
function loadChannelCode(): Promise<ChannelCode> {
  channelCode ??= Promise.all([import('../core/dispatch.js'), import('../core/channel-uploads.js')]).then(
    ([{ dispatch, isUploadTooLarge }, { beginChannelUpload }]) => ({ dispatch, isUploadTooLarge, beginChannelUpload }),
  );
  return channelCode;
}

export const API_PATH = '/api/';
export const SECRET_HEADER = 'x-aula-secret';
/**
 * A call with a file (a channel with an UploadSpec) posts the file itself as the body, so the
 * call's other arguments travel in this header, as URI-encoded JSON.
 */
export const UPLOAD_ARGS_HEADER = 'x-aula-args';
const COOKIE_NAME = 'aula_secret';
/** Big enough for any real answer; a larger body is refused before it is read into memory. */
export const MAX_API_BODY_BYTES = 1024 * 1024;

/** Pages subscribe to /events to hear "reload" when courses change (`course preview`). */
export interface ReloadEvents {
  subscribe(listener: () => void): () => void;
}

export interface LoopbackServerOptions {
  handlers: CoreHandlers;
  /**
   * A fresh path in the data folder for each file sent to a channel that takes one (see
   * received-files.ts). Without it, such calls are refused.
   */
  newUploadFile?: () => string;
  /** A lower limit than the contract's for every upload (tests). */
  maxUploadBytes?: number;
  reloadEvents?: ReloadEvents;
  catalog: CatalogHolder;
  rendererDir: string;
  port: number;
  secret?: string;
  log?: (message: string) => void;
  /**
   * Settles when `handlers` and `catalog` are ready to use (and may start loading
   * them). Browser mode listens before the core has loaded its courses: API calls (but see
   * `handlersBeforeReady`), lesson modules and course files call it and wait; the app's
   * own files do not.
   */
  whenReady?: () => Promise<unknown>;
  /**
   * Channels answered without waiting for `whenReady`, until a request has waited for it: the
   * first screen's calls, which need only the database, so the profile picker needs no courses.
   * Called with no arguments (`{}`, all these channels take), they are answered without the
   * channel code too (see `channelCodeAfter`); a handler that throws is called again through
   * dispatch, which reports the failure as for any channel, so these must only read.
   */
  handlersBeforeReady?: Partial<CoreHandlers>;
  /**
   * The channel code loads once the window has the page's files and this has settled (browser
   * mode: once the first screen's calls are answered), or as soon as a call needs it.
   */
  channelCodeAfter?: Promise<unknown>;
}

export interface RunningLoopbackServer {
  /** The URL to open: it carries the secret once; the page then keeps it in a cookie. */
  launchUrl: string;
  origin: string;
  port: number;
  secret: string;
  /** Settles once the window has been served the page and its files (see page-files-served.ts). */
  pageFilesServed: Promise<void>;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function sameSecret(given: string | undefined, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

/**
 * The HTTP status for a core answer: a full disk is 507 (Insufficient Storage), a file larger
 * than its channel takes 413 (Content Too Large).
 */
function httpStatusOf(code: ChannelCode, channel: string, outcome: { ok: true } | { ok: false; error: ApiError }): number {
  if (outcome.ok) return 200;
  if (code.isUploadTooLarge(channel, outcome.error)) return 413;
  switch (outcome.error.code) {
    case 'internal':
      return 500;
    case 'forbidden':
      return 403;
    case 'not-found':
    case 'unknown-channel':
      return 404;
    case 'disk-full':
      return 507;
    default:
      return 400;
  }
}

function sendError(response: http.ServerResponse, status: number, code: string, message: string, reason?: ErrorReason): void {
  sendJson(response, status, { ok: false, error: { code, message, ...(reason ? { reason } : {}) } });
}

function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Files served from the catalog: compiled lessons and the courses' assets and data. */
function fromCourses(pathname: string): boolean {
  return pathname.startsWith(LESSON_MODULE_PATH) || pathname.startsWith(COURSE_FILES_PATH);
}

export async function startLoopbackServer(options: LoopbackServerOptions): Promise<RunningLoopbackServer> {
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  const log = options.log ?? (() => {});
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  let origin = '';

  let coreReady = options.whenReady === undefined;
  async function waitForCore(): Promise<void> {
    if (coreReady || !options.whenReady) return;
    await options.whenReady();
    coreReady = true;
  }
  /** The early handler that answers this call without the channel code (see `handlersBeforeReady`), if any. */
  function earlyAnswerer(channel: string, args: unknown): ((args: object) => unknown) | undefined {
    const early = options.handlersBeforeReady;
    if (coreReady || !early || !Object.hasOwn(early, channel)) return undefined;
    const noArguments = typeof args === 'object' && args !== null && !Array.isArray(args) && Object.keys(args).length === 0;
    return noArguments ? (early[channel as keyof CoreHandlers] as (args: object) => unknown) : undefined;
  }
  /** Who answers `channel` now: an early answerer, or the full core (waiting for it). */
  async function handlersFor(channel: string): Promise<CoreHandlers> {
    const early = options.handlersBeforeReady;
    if (!coreReady && early && Object.hasOwn(early, channel)) return early as CoreHandlers;
    await waitForCore();
    return options.handlers;
  }

  async function handleApi(request: http.IncomingMessage, response: http.ServerResponse, channel: string): Promise<void> {
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      sendError(response, 405, 'invalid-arguments', 'Channels are called with POST.');
      return;
    }
    // A page on another local port is "same-site" to us, so the cookie alone is no CSRF defence.
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && !allowedOrigins.has(requestOrigin)) {
      sendError(response, 403, 'forbidden', 'Calls from other origins are not accepted.');
      return;
    }
    if (request.headers['content-type'] === 'application/octet-stream') {
      await handleUpload(request, response, channel);
      return;
    }
    const declaredLength = Number(request.headers['content-length'] ?? 0);
    if (declaredLength > MAX_API_BODY_BYTES) {
      sendError(response, 413, 'invalid-arguments', 'The request is too large.');
      request.resume();
      return;
    }
    const body = await readBody(request, MAX_API_BODY_BYTES);
    if (body === null) {
      sendError(response, 413, 'invalid-arguments', 'The request is too large.');
      return;
    }
    let args: unknown;
    try {
      args = body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown);
    } catch {
      sendError(response, 400, 'invalid-arguments', 'The request body is not valid JSON.');
      return;
    }
    const early = earlyAnswerer(channel, args);
    if (early) {
      try {
        sendJson(response, 200, { ok: true, result: await early({}) });
        return;
      } catch {
        // Answered below, through dispatch, which reports the failure as for any channel.
      }
    }
    const code = await loadChannelCode();
    const outcome = await code.dispatch(await handlersFor(channel), channel, args, log);
    sendJson(response, httpStatusOf(code, channel, outcome), outcome);
  }

  /**
   * A call with a file: the body is the file, streamed to the data folder as it arrives (never
   * whole in memory), the other arguments are in UPLOAD_ARGS_HEADER. Refusals before the body
   * (no such channel, no file taken, bad arguments, not a manager) write nothing; a body that
   * grows past the limit is refused as it arrives, its file removed at once.
   */
  async function handleUpload(request: http.IncomingMessage, response: http.ServerResponse, channel: string): Promise<void> {
    const code = await loadChannelCode();
    const refuse = (error: ApiError) => {
      sendJson(response, httpStatusOf(code, channel, { ok: false, error }), { ok: false, error });
      request.resume();
    };
    let args: unknown;
    try {
      const header = request.headers[UPLOAD_ARGS_HEADER];
      args = typeof header === 'string' ? (JSON.parse(decodeURIComponent(header)) as unknown) : {};
    } catch {
      sendError(response, 400, 'invalid-arguments', `The ${UPLOAD_ARGS_HEADER} header is not valid JSON.`);
      request.resume();
      return;
    }
    const length = request.headers['content-length'];
    await waitForCore();
    const newFile = options.newUploadFile;
    if (!newFile) throw new Error('This server takes no files.');
    const begun = await code.beginChannelUpload({
      handlers: options.handlers,
      channel,
      args,
      declaredBytes: length === undefined ? undefined : Number(length),
      newFile,
      maxBytes: options.maxUploadBytes,
      log,
    });
    if (!begun.ok) {
      refuse(begun.error);
      return;
    }
    const { upload } = begun;
    let refusal: ApiError | null = null;
    try {
      // Never leave this loop early: that would destroy the request, and the answer with it.
      for await (const chunk of request) {
        // Once refused, the file is already gone; the rest of the body is read and dropped.
        if (!refusal) refusal = await upload.append(chunk as Buffer);
      }
    } catch (error) {
      await upload.abandon();
      throw error;
    }
    if (refusal) {
      sendJson(response, httpStatusOf(code, channel, { ok: false, error: refusal }), { ok: false, error: refusal });
      return;
    }
    const outcome = await upload.finish();
    sendJson(response, httpStatusOf(code, channel, outcome), outcome);
  }

  function handleEvents(request: http.IncomingMessage, response: http.ServerResponse, events: ReloadEvents): void {
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    const unsubscribe = events.subscribe(() => response.write('event: reload\ndata: {}\n\n'));
    request.on('close', unsubscribe);
  }

  /** The headers a file gets: the app's pages, the lesson frame, or a file the frame may load. */
  function fileHeaders(request: http.IncomingMessage, url: URL): Record<string, string> {
    const pageOrigin = `http://${request.headers.host ?? ''}`;
    if (url.pathname === LESSON_FRAME_PATH) {
      const { 'X-Frame-Options': _denied, ...rest } = SECURITY_HEADERS;
      return {
        ...rest,
        'Content-Security-Policy': lessonFrameContentSecurityPolicy(pageOrigin, url.searchParams.get('course')),
      };
    }
    if (!isLessonFrameFile(url.pathname)) {
      return { ...SECURITY_HEADERS, 'Content-Security-Policy': appContentSecurityPolicy(pageOrigin) };
    }
    // The frame's origin is opaque: its module scripts, fonts and data are CORS requests from
    // `Origin: null`, and its images are cross-origin loads. Nothing here is a learner's.
    return {
      ...SECURITY_HEADERS,
      'Cross-Origin-Resource-Policy': 'cross-origin',
      Vary: 'Origin',
      ...(request.headers.origin === 'null' ? { 'Access-Control-Allow-Origin': 'null' } : {}),
    };
  }

  function handleFile(request: http.IncomingMessage, response: http.ServerResponse, url: URL): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendError(response, 405, 'invalid-arguments', 'Only GET is supported here.');
      return;
    }
    const appFile = resolveAppFile(url.pathname, options.rendererDir, options.catalog.current());
    if (!appFile) {
      sendError(response, 404, 'not-found', 'Not found.');
      return;
    }
    // The page's own files go out in one piece from memory the first time (see page-files-served.ts).
    const inMemory = page.unsent(url.pathname);
    response.writeHead(200, {
      ...fileHeaders(request, url),
      'Content-Type': appFile.contentType,
      'Content-Length': inMemory?.length ?? fs.statSync(appFile.file).size,
      'Cache-Control': appFile.immutable ? 'private, max-age=31536000, immutable' : 'no-cache',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    response.once('finish', () => page.served(url.pathname));
    if (inMemory) response.end(inMemory);
    else fs.createReadStream(appFile.file).pipe(response);
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has(request.headers.host ?? '')) {
      sendError(response, 403, 'forbidden', 'Unexpected Host header.');
      return;
    }
    let url: URL;
    try {
      url = new URL(request.url ?? '/', origin);
    } catch {
      sendError(response, 400, 'invalid-arguments', 'Malformed request URL.');
      return;
    }
    const secretInQuery = url.searchParams.get('secret') ?? undefined;
    if (request.method === 'GET' && secretInQuery !== undefined && sameSecret(secretInQuery, secret)) {
      // The launch URL: keep the secret in a cookie and drop it from the address bar.
      response.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${COOKIE_NAME}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Cache-Control': 'no-store',
      });
      response.end();
      return;
    }
    if ((request.method === 'GET' || request.method === 'HEAD') && isLessonFrameFile(url.pathname)) {
      // See isLessonFrameFile: what a lesson frame loads is served without the secret.
      if (fromCourses(url.pathname)) await waitForCore();
      handleFile(request, response, url);
      return;
    }
    const headerSecret = request.headers[SECRET_HEADER];
    const given = typeof headerSecret === 'string' ? headerSecret : cookieValue(request.headers.cookie, COOKIE_NAME);
    if (!sameSecret(given, secret)) {
      sendError(
        response,
        403,
        'forbidden',
        'This Aula server only answers the window it opened. Start Aula again to get a new link.',
      );
      return;
    }
    if (url.pathname === '/events' && options.reloadEvents) {
      handleEvents(request, response, options.reloadEvents);
      return;
    }
    if (url.pathname.startsWith(API_PATH)) {
      await handleApi(request, response, url.pathname.slice(API_PATH.length));
      return;
    }
    handleFile(request, response, url);
  }

  const page = pageFiles(options.rendererDir);
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(
        `Request ${request.method ?? ''} ${request.url ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (!response.headersSent) sendError(response, 500, 'internal', 'Internal error.');
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));
  // Once the window has its page's files, while it runs them (and after `channelCodeAfter`); a
  // call that comes first waits for it (and reports a failure). In a task of its own: started in
  // the microtasks of the answer that settled `channelCodeAfter`, its evaluation held back that
  // answer's bytes (Node sends them on the next tick) by 60-150 ms.
  void Promise.all([page.done, options.channelCodeAfter]).then(() =>
    setImmediate(() => void loadChannelCode().catch(() => undefined)),
  );

  return {
    launchUrl: `${origin}/?secret=${secret}`,
    origin,
    port,
    secret,
    pageFilesServed: page.done,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
