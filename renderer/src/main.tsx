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
import { bootApp, failedBoot } from './app-boot';
import { withBootPrefetch } from './api/boot-prefetch';
import { createLearnApiClient } from './api/learn-api-client';
import { createCoreQueries } from './api/use-core-query';
import { startI18nInEnglish } from './i18n/i18n';

// No top-level await in this module: with one, the bundler cannot merge the modules the entry
// shares with lazy pages into the entry's chunk, and the first load fetched 17 scripts, not 5.
const root = document.getElementById('root');
if (root) {
  const queries = createCoreQueries(withBootPrefetch(createLearnApiClient()));
  const i18n = startI18nInEnglish();
  // Plain text until the first screen is drawn complete (see bootApp): no React commit for it.
  const loading = document.createElement('p');
  loading.className = 'boot-loading';
  loading.setAttribute('aria-busy', 'true');
  loading.textContent = i18n.t('app.loading');
  root.replaceChildren(loading);
  void bootApp(queries)
    .catch(failedBoot)
    .then((boot) => {
      createRoot(root).render(
        <StrictMode>
          <App queries={queries} boot={boot} />
        </StrictMode>,
      );
    });
}
