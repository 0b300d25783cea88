import { defineConfig } from 'vite';
import { LESSON_RUNTIME_ENTRIES, lessonRuntimeModules } from './scripts/lib/lesson-runtime-modules.js';
import { preloadFirstFonts } from './scripts/lib/preload-first-fonts.js';

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
  plugins: [lessonRuntimeModules(), preloadFirstFonts('renderer/index.html')],
});
