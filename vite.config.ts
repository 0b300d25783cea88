import { defineConfig } from 'vite';
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
    // Two pages: the app, and the sandboxed frame lessons run in (its own small entry).
    rollupOptions: {
      input: { main: 'renderer/index.html', 'lesson-frame': 'renderer/lesson-frame.html' },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [preloadFirstFonts('renderer/index.html')],
});
