import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, RENDERER_BUILD_DIR, RENDERER_SOURCE_DIR } from './project-paths.js';

/** Inputs of the renderer build: a change to any of them makes the build stale. */
const BUILD_INPUTS = [
  RENDERER_SOURCE_DIR,
  path.join(PROJECT_ROOT, 'electron', 'contract'),
  path.join(PROJECT_ROOT, 'electron', 'rules'),
  path.join(PROJECT_ROOT, 'vite.config.ts'),
];

function newestModification(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestModification(path.join(target, entry)));
  return newest;
}

export function rendererBuildIsCurrent(): boolean {
  const built = fs.statSync(path.join(RENDERER_BUILD_DIR, 'index.html'), { throwIfNoEntry: false });
  if (!built) return false;
  return BUILD_INPUTS.every((input) => newestModification(input) <= built.mtimeMs);
}

/** Builds the renderer with Vite unless an up-to-date build is already there. */
export async function ensureRendererBuilt(log: (message: string) => void): Promise<void> {
  if (rendererBuildIsCurrent()) return;
  log('Building the Aula interface (first start after a change; this takes a few seconds)...');
  const { build } = await import('vite');
  await build({ configFile: path.join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'warn' });
}
