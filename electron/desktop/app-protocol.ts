import fs from 'node:fs';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import type { CatalogHolder } from '../courses/catalog-contents.js';
import {
  appContentSecurityPolicy,
  isLessonFrameFile,
  LESSON_FRAME_PATH,
  lessonFrameContentSecurityPolicy,
  resolveAppFile,
} from '../core/app-files.js';

export const APP_SCHEME = 'aula';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** Must run before the app is ready: makes aula:// behave like a secure, standard web origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true } },
  ]);
}

/** Serves the renderer, compiled lessons and course assets from aula://app/, as browser mode does over HTTP. */
export function serveAppProtocol(rendererDir: string, catalog: CatalogHolder): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const appFile = url.host === 'app' ? resolveAppFile(url.pathname, rendererDir, catalog.current()) : null;
    if (!appFile) return new Response('Not found', { status: 404 });
    const body = Readable.toWeb(fs.createReadStream(appFile.file)) as ReadableStream<Uint8Array>;
    // The same policies as browser mode: the lesson frame's own, and CORS for its opaque origin.
    const frameFile = isLessonFrameFile(url.pathname) && url.pathname !== LESSON_FRAME_PATH;
    return new Response(body, {
      headers: {
        'Content-Type': appFile.contentType,
        'Content-Security-Policy':
          url.pathname === LESSON_FRAME_PATH
            ? lessonFrameContentSecurityPolicy(APP_ORIGIN, url.searchParams.get('course'))
            : appContentSecurityPolicy(APP_ORIGIN),
        'X-Content-Type-Options': 'nosniff',
        ...(frameFile && request.headers.get('origin') === 'null'
          ? { 'Access-Control-Allow-Origin': 'null', Vary: 'Origin' }
          : {}),
      },
    });
  });
}
