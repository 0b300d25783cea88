import * as React from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import type { ComponentType } from 'react';
import type { MDXComponents } from './lesson-components';

export interface LessonModule {
  default: ComponentType<{ components?: MDXComponents }>;
}

/**
 * Imports a compiled lesson module from the app's own origin. No eval: the Content-Security-Policy
 * forbids it, and a plain `import()` of a same-origin module needs none.
 */
export async function loadLessonModule(moduleUrl: string): Promise<LessonModule> {
  // Compiled lessons read the app's React from these globals (see electron/courses/compile-lesson.ts).
  const globals = globalThis as unknown as Record<string, unknown>;
  globals.React = React;
  globals._jsx_runtime = jsxRuntime;
  const loaded = (await import(/* @vite-ignore */ moduleUrl)) as Partial<LessonModule>;
  if (typeof loaded.default !== 'function') throw new Error('the lesson file has no content');
  return loaded as LessonModule;
}
