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
import { initI18n } from './i18n/i18n';

const root = document.getElementById('root');
if (root) {
  const api = withBootPrefetch(createLearnApiClient());
  await initI18n();
  createRoot(root).render(
    <StrictMode>
      <App api={api} />
    </StrictMode>,
  );
}
