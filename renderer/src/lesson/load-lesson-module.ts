import type { ComponentType } from 'react';
import type { MDXComponents } from './lesson-components';

export interface LessonModule {
  default: ComponentType<{ components?: MDXComponents }>;
}

/**
 * Imports a compiled lesson module from the app's own origin. No eval: the Content-Security-Policy
 * forbids it, and a plain `import()` of a same-origin module needs none. The lesson imports React
 * from the frame's own modules of it (electron/contract/lesson-runtime.ts), so both share one React.
 */
export async function loadLessonModule(moduleUrl: string): Promise<LessonModule> {
  const loaded = (await import(/* @vite-ignore */ moduleUrl)) as Partial<LessonModule>;
  if (typeof loaded.default !== 'function') throw new Error('the lesson file has no content');
  return loaded as LessonModule;
}
