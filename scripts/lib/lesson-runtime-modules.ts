import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { LESSON_RUNTIME_MODULES } from '../../electron/contract/lesson-runtime.js';

/** A package compiled lessons import from the frame: `react`, `react/jsx-runtime`, `react-dom`. */
export type LessonRuntimeSpecifier = keyof typeof LESSON_RUNTIME_MODULES;

/** What the build's inputs name; resolved to a module made here, never to a file. */
const ENTRY_PREFIX = 'aula-lesson-runtime:';
// Rollup's convention for a module no other plugin should try to read or transform.
const MODULE_PREFIX = `\0${ENTRY_PREFIX}`;

const isRuntimeSpecifier = (specifier: string): specifier is LessonRuntimeSpecifier =>
  Object.hasOwn(LESSON_RUNTIME_MODULES, specifier);

/**
 * The build's entries for the lesson runtime, at the fixed URLs of electron/contract/lesson-runtime.ts:
 * entry name "lesson-runtime/react" is written to lesson-runtime/react.js.
 */
export const LESSON_RUNTIME_ENTRIES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LESSON_RUNTIME_MODULES).map(([specifier, url]) => [url.slice(1, -'.js'.length), `${ENTRY_PREFIX}${specifier}`]),
);

// An export name a `const` declaration can carry: React's are all plain identifiers.
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The source of the module a lesson imports `specifier` from: the frame's own instance of it as
 * the default export (a CommonJS module's `module.exports`, as Node's ESM gives it) and each of
 * `names` as a named export. A bundler cannot `export *` a CommonJS module's names, so they are
 * written out; a name that cannot be written so stops the build rather than go missing.
 */
export function lessonRuntimeSource(specifier: LessonRuntimeSpecifier, names: readonly string[]): string {
  const named = names.filter((name) => name !== 'default' && name !== '__esModule');
  const unwritable = named.filter((name) => !IDENTIFIER.test(name));
  if (unwritable.length > 0) {
    throw new Error(`${specifier} exports names the lesson runtime cannot re-export: ${unwritable.join(', ')}`);
  }
  return [
    `import runtime from ${JSON.stringify(specifier)};`,
    'export default runtime;',
    named.length > 0 ? `export const { ${named.join(', ')} } = runtime;` : '',
  ].join('\n');
}

/**
 * Builds the modules compiled lessons import React from (electron/contract/lesson-runtime.ts). Their
 * export names are those of the installed packages, read in Node at build time from the very file
 * the build bundles, so when React adds or drops an export the lesson runtime follows it; a hand
 * list went stale silently (a lesson importing a new name failed to load). The names are read
 * during the build, when Vite has set NODE_ENV to the mode it bundles React in (React's
 * development build has a few more exports than its production one).
 */
export function lessonRuntimeModules(): Plugin {
  const require = createRequire(import.meta.url);
  return {
    name: 'aula-lesson-runtime-modules',
    resolveId(id) {
      return id.startsWith(ENTRY_PREFIX) && isRuntimeSpecifier(id.slice(ENTRY_PREFIX.length)) ? `\0${id}` : null;
    },
    async load(id) {
      if (!id.startsWith(MODULE_PREFIX)) return null;
      const specifier = id.slice(MODULE_PREFIX.length);
      if (!isRuntimeSpecifier(specifier)) return null;
      const resolved = await this.resolve(specifier);
      if (!resolved) throw new Error(`the lesson runtime cannot find ${specifier}`);
      const names = Object.keys(require(resolved.id) as object);
      return lessonRuntimeSource(specifier, names);
    },
  };
}
