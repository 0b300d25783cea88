import type { Branding } from '../../electron/contract/channels';
import { accentShades } from './accent-colour.js';

/**
 * Shows a partner's package as theirs: the window (Edge/Chrome app window, taskbar) is named by
 * the document title, and the accent colour replaces Aula's own through the design tokens.
 * Set through the CSSOM, which the page's CSP allows (inline style attributes it does not).
 */
let appName = 'Aula';

export function applyBranding(branding: Branding): void {
  if (branding.windowTitle) {
    appName = branding.windowTitle;
    document.title = appName;
  }
  if (branding.accentColour) {
    const { accent, strong } = accentShades(branding.accentColour);
    document.documentElement.style.setProperty('--color-accent', accent);
    document.documentElement.style.setProperty('--color-accent-strong', strong);
  }
}

/** Names the window after the page the person is on, then the app (the partner's title, if any). */
export function setPageTitle(page: string): void {
  document.title = `${page} · ${appName}`;
}
