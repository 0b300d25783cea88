import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-400-italic.css';
import '@fontsource/noto-sans/latin-ext-400-italic.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import './styles/tokens.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { withBootPrefetch } from './api/boot-prefetch';
import { createLearnApiClient } from './api/learn-api-client';
import { startI18nInEnglish } from './i18n/i18n';

// No top-level await in this module: with one, the bundler cannot merge the modules the entry
// shares with lazy pages into the entry's chunk, and the first load fetched 17 scripts, not 5.
const root = document.getElementById('root');
if (root) {
  const api = withBootPrefetch(createLearnApiClient());
  startI18nInEnglish();
  createRoot(root).render(
    <StrictMode>
      <App api={api} />
    </StrictMode>,
  );
}
