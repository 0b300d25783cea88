import fs from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../courses/catalog.js';
import { COURSE_FILES_PATH, LESSON_MODULE_PATH } from './core-context.js';

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
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

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
 * two shells serve exactly the same files. Returns null for anything else.
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
    const match = /^([a-z0-9][a-z0-9-]*)\/(assets|data)\/(.+)$/.exec(decoded.slice(COURSE_FILES_PATH.length));
    const course = match?.[1] ? catalog.courses.get(match[1]) : undefined;
    if (!match?.[2] || !match[3] || !course) return null;
    const file = existingFile(resolveInside(path.join(course.dir, match[2]), match[3]));
    return file ? { file, contentType: contentTypeOf(file), immutable: false } : null;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = existingFile(resolveInside(rendererDir, relative));
  if (!file) return null;
  return { file, contentType: contentTypeOf(file), immutable: relative.startsWith('assets/') };
}
