import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LESSON_RUNTIME_MODULES } from '../../../electron/contract/lesson-runtime.js';
import {
  LESSON_RUNTIME_ENTRIES,
  lessonRuntimeModules,
  lessonRuntimeSource,
  type LessonRuntimeSpecifier,
} from '../../../scripts/lib/lesson-runtime-modules.js';
import { makeTempDir, REPO_ROOT } from '../../helpers/temp-dir.js';

const require = createRequire(import.meta.url);
const specifiers = Object.keys(LESSON_RUNTIME_MODULES) as LessonRuntimeSpecifier[];

/**
 * The modules a compiled lesson imports React from, built by the app's own Vite plugin, export
 * every name the installed packages export (and nothing else): a lesson may use any of React's
 * names, and a React upgrade that adds or drops one changes the modules with it.
 */
describe('the lesson runtime modules', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let outDir: string;

  beforeAll(async () => {
    temp = makeTempDir('aula-lesson-runtime-');
    outDir = path.join(temp.dir, 'renderer');
    await build({
      configFile: false,
      root: REPO_ROOT,
      logLevel: 'silent',
      plugins: [lessonRuntimeModules()],
      build: {
        outDir,
        emptyOutDir: true,
        minify: false,
        rollupOptions: {
          input: { ...LESSON_RUNTIME_ENTRIES },
          preserveEntrySignatures: 'exports-only',
          output: { entryFileNames: '[name].js' },
        },
      },
    });
    // The build's modules are ES modules; Node reads them as such under this package.json.
    fs.writeFileSync(path.join(outDir, 'package.json'), JSON.stringify({ type: 'module' }));
  });
  afterAll(() => temp.remove());

  it.each(specifiers)('%s exports exactly the installed package’s names, and the package as default', async (specifier) => {
    const installed = require(specifier) as Record<string, unknown>;
    const file = path.join(outDir, LESSON_RUNTIME_MODULES[specifier]);
    const built = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    expect(Object.keys(built).sort()).toEqual(['default', ...Object.keys(installed)].sort());
    // The names carry the package's own kinds of values (one React copy each, so not the same objects).
    for (const name of Object.keys(installed)) expect(typeof built[name], name).toBe(typeof installed[name]);
    expect(Object.keys(built.default as object).sort()).toEqual(Object.keys(installed).sort());
  });

  it('stops the build on a name a module cannot re-export, rather than leave it out', () => {
    expect(() => lessonRuntimeSource('react', ['useState', 'not-a-name'])).toThrow(/not-a-name/);
    expect(lessonRuntimeSource('react', ['useState', 'default', '__esModule'])).toContain('export const { useState } = runtime;');
  });
});
