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
import type { LearnApi } from '../../electron/contract/channels';
import { App } from './App';
import { initI18n } from './i18n/i18n';

/** Renders the app once its English strings are in place (the stored language follows in App). */
export async function startApp(root: HTMLElement, api: LearnApi): Promise<void> {
  await initI18n();
  createRoot(root).render(
    <StrictMode>
      <App api={api} />
    </StrictMode>,
  );
}
