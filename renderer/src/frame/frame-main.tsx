/**
 * The lesson frame: a page of its own, loaded in `<iframe sandbox="allow-scripts">` (an opaque
 * origin: no cookie, no storage, no API, no navigation of the app). It waits for its lesson from
 * the page around it and talks to it only through postMessage (lesson-frame-protocol.ts).
 */
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-400-italic.css';
import '@fontsource/noto-sans/latin-ext-400-italic.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import '../styles/tokens.css';
import '../styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isLanguage } from '../../../electron/contract/languages';
import type { FrameMessage, PageMessage } from '../../../electron/contract/lesson-frame-messages';
import i18n from 'i18next';
import { initI18n, switchLanguage } from '../i18n/i18n';
import { loadLessonModule } from '../lesson/load-lesson-module';
import { createFrameApi } from './frame-api';
import { FrameLesson } from './FrameLesson';
import { handleFormsInPage } from './in-page-forms';
import { focusSection } from './lesson-sections';
import { warmUp } from './warm-up';

// The frame's origin is opaque, so no target origin can name the page; the page is always the app
// (its frame-src lets this document load nowhere else), and it checks where each message came from.
const post = (message: FrameMessage) => window.parent.postMessage(message, '*');
const { api, settle } = createFrameApi(post);
let started = false;
handleFormsInPage(document);

// The interface strings load while the frame boots (often long before its lesson comes: the page
// boots the next frame ahead), in the language its address names; `init` has the final word.
const bootLanguage = new URLSearchParams(window.location.search).get('lang');
const strings = initI18n(bootLanguage !== null && isLanguage(bootLanguage) ? bootLanguage : 'en');
// A frame still without its lesson when the page is idle is a spare: it readies itself for one.
void strings.then(() => {
  const whenIdle = window.requestIdleCallback ?? ((task: () => void) => setTimeout(task, 0));
  whenIdle(() => {
    if (!started) warmUp(document, i18n.language);
  });
});

async function start(init: Extract<PageMessage, { kind: 'init' }>): Promise<void> {
  const root = document.getElementById('lesson-root');
  if (!root) return;
  await strings;
  const language = isLanguage(init.language) ? init.language : 'en';
  if (language !== bootLanguage) await switchLanguage(language);
  let module;
  try {
    module = await loadLessonModule(init.moduleUrl);
  } catch (error) {
    post({ kind: 'render-error', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  createRoot(root).render(
    <StrictMode>
      <FrameLesson init={init} module={module} api={api} post={post} />
    </StrictMode>,
  );
}

window.addEventListener('message', (event: MessageEvent<PageMessage>) => {
  if (event.source !== window.parent || typeof event.data !== 'object' || event.data === null) return;
  const message = event.data;
  if (message.kind === 'result') settle(message);
  else if (message.kind === 'language' && started) void switchLanguage(isLanguage(message.language) ? message.language : 'en');
  else if (message.kind === 'show-section' && started) focusSection(document, message.index);
  else if (message.kind === 'init' && !started) {
    started = true;
    void start(message);
  }
});
post({ kind: 'ready' });
