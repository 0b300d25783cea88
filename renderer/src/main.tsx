import { withBootPrefetch } from './api/boot-prefetch';
import { createLearnApiClient } from './api/learn-api-client';

// The first screen's two calls leave before React and the interface are even parsed: this entry
// is a few kilobytes, so the answers travel while the browser evaluates the rest (start-app and
// what it imports, which Vite preloads in parallel), instead of after it.
const root = document.getElementById('root');
if (root) {
  const api = withBootPrefetch(createLearnApiClient());
  const { startApp } = await import('./start-app');
  await startApp(root, api);
}
