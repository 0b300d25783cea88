/**
 * The modules a compiled lesson imports React from. The lesson frame's build serves them at these
 * fixed URLs (vite.config.ts), each re-exporting the frame's own React, so a lesson and the frame
 * share one React (hooks need that) without globals. Fixed URLs keep compiled lessons valid from
 * one build to the next; they are outside the content-hashed assets, so they are never cached as
 * immutable.
 */
export const LESSON_RUNTIME_PATH = '/lesson-runtime/';

export const LESSON_RUNTIME_MODULES = {
  react: `${LESSON_RUNTIME_PATH}react.js`,
  'react/jsx-runtime': `${LESSON_RUNTIME_PATH}jsx-runtime.js`,
  'react-dom': `${LESSON_RUNTIME_PATH}react-dom.js`,
} as const;
