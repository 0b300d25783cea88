import fs from 'node:fs';
import path from 'node:path';
import { LESSON_RUNTIME_PATH } from '../contract/lesson-runtime.js';
import type { Catalog } from '../courses/catalog-contents.js';
import { COURSE_FILES_PATH, LESSON_MODULE_PATH } from '../courses/course-urls.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The Content-Security-Policy of every page Aula shows, in both shells. No 'unsafe-eval' and no
 * inline scripts: lessons are ES modules served from the app's own origin. 'wasm-unsafe-eval'
 * lets the page compile WebAssembly (sql.js, for SQL exercises) and nothing else: string
 * evaluation stays forbidden.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  // Only the lesson frame, only from the app (frame-src also governs where the frame may go).
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The page lessons run in: `<iframe sandbox="allow-scripts" src="/lesson-frame.html?course=...">`. */
export const LESSON_FRAME_PATH = '/lesson-frame.html';
/** Where the renderer's build keeps its scripts, styles, fonts and wasm. */
const RENDERER_ASSETS_PATH = '/assets/';

/**
 * The app's main page with the lesson frame pinned: `frame-src` names the one page a frame may
 * show, so a lesson cannot navigate its frame anywhere else, not even to another app page.
 */
export function appContentSecurityPolicy(origin: string): string {
  return CONTENT_SECURITY_POLICY.replace("frame-src 'self'", `frame-src ${origin}${LESSON_FRAME_PATH}`);
}

/**
 * The static files a lesson frame loads. Its origin is opaque, so its requests carry no cookie (and
 * say `Origin: null`): the server gives these without the per-launch secret. They are the same
 * for every person and ship in the package or the course (the app's build, compiled lessons, course
 * assets and data); no learner data is among them, and the API still needs the secret.
 */
export function isLessonFrameFile(pathname: string): boolean {
  return (
    pathname === LESSON_FRAME_PATH ||
    pathname.startsWith(RENDERER_ASSETS_PATH) ||
    pathname.startsWith(LESSON_RUNTIME_PATH) ||
    pathname.startsWith(LESSON_MODULE_PATH) ||
    pathname.startsWith(COURSE_FILES_PATH)
  );
}

/**
 * The lesson frame's own policy: nothing remote and nothing inline; of the app, only its build's
 * assets, the React modules lessons import, the compiled lessons and this course's files; no API (connect-src does not reach it), no
 * frames, forms or plugins, and only the app itself may embed it. Workers only from blob: URLs
 * (the SQL engine's worker is started from one, as an opaque origin cannot start it from a URL).
 */
export function lessonFrameContentSecurityPolicy(origin: string, courseId: string | null): string {
  const assets = `${origin}${RENDERER_ASSETS_PATH}`;
  const course = courseId && /^[a-z0-9][a-z0-9-]*$/.test(courseId) ? `${origin}${COURSE_FILES_PATH}${courseId}/` : '';
  return [
    "default-src 'none'",
    `script-src ${assets} ${origin}${LESSON_RUNTIME_PATH} ${origin}${LESSON_MODULE_PATH} 'wasm-unsafe-eval'`,
    'worker-src blob:',
    `style-src ${assets}`,
    `img-src ${assets} ${course} data: blob:`,
    `font-src ${assets}`,
    `connect-src ${assets} ${course}`,
    `media-src ${course || "'none'"}`,
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${origin}`,
  ]
    .map((directive) => directive.replace(/ {2,}/g, ' ').trim())
    .join('; ');
}

export interface AppFile {
  file: string;
  contentType: string;
  /** Content-hashed files never change under the same URL. */
  immutable: boolean;
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Joins a URL-decoded relative path to a root, refusing anything that would leave the root. */
export function resolveInside(root: string, relative: string): string | null {
  if (relative.includes('\0') || relative.includes('\\')) return null;
  const resolved = path.resolve(root, relative);
  const rootWithSep = path.resolve(root) + path.sep;
  return resolved.startsWith(rootWithSep) ? resolved : null;
}

function existingFile(file: string | null): string | null {
  if (!file) return null;
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/**
 * Maps a URL path on the app's origin to a file: the renderer's build, a compiled lesson module,
 * or a course asset. Both the loopback server and the desktop shell's protocol use this, so the
 * two shells serve exactly the same files (each from the catalog current at the request).
 * Returns null for anything else.
 */
export function resolveAppFile(urlPath: string, rendererDir: string, catalog: Catalog): AppFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.startsWith(LESSON_MODULE_PATH)) {
    const match = /^([0-9a-f]{32})\.js$/.exec(decoded.slice(LESSON_MODULE_PATH.length));
    const file = existingFile((match?.[1] && catalog.lessonModules.get(match[1])) || null);
    return file ? { file, contentType: contentTypeOf(file), immutable: true } : null;
  }
  if (decoded.startsWith(COURSE_FILES_PATH)) {
    // Only a course's assets/ and data/ folders are served; its quizzes and exercises (answer keys) never are.
    // A translation's copy of a file comes first (translations/<lang>/assets/...), else the main one.
    const match = /^([a-z0-9][a-z0-9-]*)\/(?:translations\/([A-Za-z0-9-]+)\/)?(assets|data)\/(.+)$/.exec(
      decoded.slice(COURSE_FILES_PATH.length),
    );
    const course = match?.[1] ? catalog.courses.get(match[1]) : undefined;
    const [language, folder, name] = [match?.[2], match?.[3], match?.[4]];
    if (!folder || !name || !course) return null;
    if (language !== undefined && !course.translations.has(language)) return null;
    const translated =
      language === undefined ? null : resolveInside(path.join(course.dir, 'translations', language, folder), name);
    const file = existingFile(translated) ?? existingFile(resolveInside(path.join(course.dir, folder), name));
    return file ? { file, contentType: contentTypeOf(file), immutable: false } : null;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = existingFile(resolveInside(rendererDir, relative));
  if (!file) return null;
  return { file, contentType: contentTypeOf(file), immutable: relative.startsWith('assets/') };
}
