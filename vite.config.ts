import { defineConfig } from 'vite';
import { LESSON_RUNTIME_MODULES } from './electron/contract/lesson-runtime.js';
import { preloadFirstFonts } from './scripts/lib/preload-first-fonts.js';

// The modules compiled lessons import React from, built to the fixed URLs of
// electron/contract/lesson-runtime.ts: entry name "lesson-runtime/react" is written to lesson-runtime/react.js.
const LESSON_RUNTIME_SOURCES: Record<keyof typeof LESSON_RUNTIME_MODULES, string> = {
  react: 'renderer/src/frame/runtime/react.ts',
  'react/jsx-runtime': 'renderer/src/frame/runtime/jsx-runtime.ts',
  'react-dom': 'renderer/src/frame/runtime/react-dom.ts',
};
const LESSON_RUNTIME_ENTRIES = Object.fromEntries(
  Object.entries(LESSON_RUNTIME_MODULES).map(([specifier, url]) => [
    url.slice(1, -'.js'.length),
    LESSON_RUNTIME_SOURCES[specifier as keyof typeof LESSON_RUNTIME_MODULES],
  ]),
);

// The renderer: built into dist/renderer and served from the app's own origin in both shells.
export default defineConfig({
  root: 'renderer',
  base: '/',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    // No inline scripts or data: URLs for modules: the Content-Security-Policy allows 'self' only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // The BPMN modeller (about 580 kB) is one lazy chunk on purpose: only process lessons load it,
    // and the benchmark checks text lessons never do. Without this, every first start printed
    // a size warning meant for a bundle loaded up front.
    chunkSizeWarningLimit: 700,
    // Two pages: the app, and the sandboxed frame lessons run in (its own small entry); and the
    // frame's React as modules for lessons, unhashed so compiled lessons can name them.
    rollupOptions: {
      input: { main: 'renderer/index.html', 'lesson-frame': 'renderer/lesson-frame.html', ...LESSON_RUNTIME_ENTRIES },
      // Vite drops an app's entry exports by default; the lesson runtime modules exist for theirs.
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: (chunk) => (chunk.name in LESSON_RUNTIME_ENTRIES ? '[name].js' : 'assets/[name]-[hash].js'),
        // React, react-dom and the JSX runtime stay in one chunk, as before the lesson runtime entries
        // (which import only some of them, so they would split React into more chunks to load).
        codeSplitting: {
          groups: [{ name: 'jsx-runtime', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [preloadFirstFonts('renderer/index.html')],
});
