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
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
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
handleFormsInPage(document);

// The interface strings load while the frame boots (often long before its lesson comes: the page
// boots the next frame ahead), in the language its address names; `init` has the final word.
const bootLanguage = new URLSearchParams(window.location.search).get('lang');
const strings = initI18n(bootLanguage !== null && isLanguage(bootLanguage) ? bootLanguage : 'en');

/**
 * The lesson shown now. The page keeps a frame for the learner's next lesson of the same course,
 * so a frame can show several lessons one after the other: each `init` or `leave` puts away the
 * lesson before it (a new generation), and a lesson still loading for an older one never shows.
 */
let shown: Root | null = null;
let generation = 0;
let hadLesson = false;

// A frame still without its lesson when the page is idle is a spare: it readies itself for one.
void strings.then(() => {
  const whenIdle = window.requestIdleCallback ?? ((task: () => void) => setTimeout(task, 0));
  whenIdle(() => {
    if (!hadLesson) warmUp(document, i18n.language);
  });
});

/** Unmounts the lesson shown (its effects clean up: observers, timers, listeners) and empties its place. */
function putAway(): void {
  generation += 1;
  shown?.unmount();
  shown = null;
  document.getElementById('lesson-root')?.replaceChildren();
}

async function start(init: Extract<PageMessage, { kind: 'init' }>): Promise<void> {
  const root = document.getElementById('lesson-root');
  if (!root) return;
  putAway();
  hadLesson = true;
  const mine = generation;
  // Whatever this frame sends from now on is about this lesson (the page refuses what came before).
  post({ kind: 'started', lessonId: init.lessonId });
  await strings;
  const language = isLanguage(init.language) ? init.language : 'en';
  if (language !== i18n.language) await switchLanguage(language);
  let module;
  try {
    module = await loadLessonModule(init.moduleUrl);
  } catch (error) {
    if (mine === generation) post({ kind: 'render-error', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  if (mine !== generation) return;
  const lessonRoot = createRoot(root);
  shown = lessonRoot;
  // Rendered, laid out and reported (height, sections, `rendered`) in this one task: the page
  // shows the lesson on `rendered`, so nothing waits for a later task or a frame painted between.
  flushSync(() =>
    lessonRoot.render(
      <StrictMode>
        <FrameLesson init={init} module={module} api={api} post={post} />
      </StrictMode>,
    ),
  );
}

window.addEventListener('message', (event: MessageEvent<PageMessage>) => {
  if (event.source !== window.parent || typeof event.data !== 'object' || event.data === null) return;
  const message = event.data;
  if (message.kind === 'result') settle(message);
  else if (message.kind === 'language' && hadLesson) void switchLanguage(isLanguage(message.language) ? message.language : 'en');
  else if (message.kind === 'show-section' && shown) focusSection(document, message.index);
  else if (message.kind === 'init') void start(message);
  else if (message.kind === 'leave') putAway();
});
post({ kind: 'ready' });
