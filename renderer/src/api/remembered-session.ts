/**
 * Keeps the open profile's session token for this browser tab only, so that reloading the page
 * does not ask for the profile again. Closing the tab, or "Switch profile", forgets it; the core
 * forgets every session when Aula stops.
 */
const KEY = 'aula.session';

export function rememberSession(session: string): void {
  try {
    window.sessionStorage.setItem(KEY, session);
  } catch {
    // Storage can be disabled; then a reload simply shows the profile picker again.
  }
}

export function rememberedSession(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function forgetSession(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}
