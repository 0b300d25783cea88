import type { Branding } from './app-channels.js';

/**
 * Plain Aula's branding: none. A module of its own, without zod, because browser mode's first
 * screen (electron/server/first-screen-handlers.ts) needs it before the channels' schemas load.
 */
export const NO_BRANDING: Branding = { windowTitle: null, accentColour: null };
