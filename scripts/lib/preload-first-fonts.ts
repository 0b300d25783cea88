import type { Plugin } from 'vite';

/** The faces the first screen's text is set in (upright regular and bold, Latin and Latin Extended). */
const FIRST_SCREEN_FONTS = /noto-sans-latin(-ext)?-(400|700)-normal-[^/]*\.woff2$/;

/**
 * Has the app's page ask for the first screen's fonts with its scripts, not after its first
 * layout: a font named only in CSS is requested once text needing it is laid out, so it arrived
 * after the picker was drawn, the picker was laid out again in it, and the page's load waited for
 * it. The names carry the build's hashes, so the links are written from the bundle.
 */
export function preloadFirstFonts(page: string): Plugin {
  return {
    name: 'aula-preload-first-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        if (!context.bundle || !context.filename.endsWith(page)) return [];
        return Object.keys(context.bundle)
          .filter((file) => FIRST_SCREEN_FONTS.test(file))
          .sort()
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'font', type: 'font/woff2', href: `/${file}`, crossorigin: '' },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}
