import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where things are in a checkout of Aula. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_SOURCE_DIR = path.join(PROJECT_ROOT, 'renderer');
export const RENDERER_BUILD_DIR = path.join(PROJECT_ROOT, 'dist', 'renderer');
export const ELECTRON_BUILD_DIR = path.join(PROJECT_ROOT, 'dist', 'electron');
export const BUNDLED_COURSES_DIR = path.join(PROJECT_ROOT, 'courses');

export function readAppVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
