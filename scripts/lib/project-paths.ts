import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout's root: the nearest folder above this code with a package.json. This code runs
 * from scripts/lib and from bundles at different depths under dist/, so no fixed `../..`.
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}: is this a checkout of Aula?`);
  }
}

/** Where things are in a checkout of Aula. */
export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
export const RENDERER_SOURCE_DIR = path.join(PROJECT_ROOT, 'renderer');
export const RENDERER_BUILD_DIR = path.join(PROJECT_ROOT, 'dist', 'renderer');
export const ELECTRON_BUILD_DIR = path.join(PROJECT_ROOT, 'dist', 'electron');
export const BUNDLED_COURSES_DIR = path.join(PROJECT_ROOT, 'courses');
/** The bundled courses' lessons, compiled by `npm run build`: a read-only cache every data folder shares. */
export const PREBUILT_LESSON_CACHE_DIR = path.join(PROJECT_ROOT, 'dist', 'lesson-cache');

export function readAppVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
