import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { LearnApi, Learner, PublicQuiz } from '../../../electron/contract/channels';
import type { FrameMessage, LessonFrameInit } from '../../../electron/contract/lesson-frame-messages';
import type { TypedTable } from '../../../electron/contract/data-values';
import { isLanguage } from '../../../electron/contract/languages';
import { SessionContext, type Session } from '../api/api-context';
import { queryKey } from '../api/core-query-cache';
import { CoreQueriesContext, createCoreQueries } from '../api/use-core-query';
import { setContentLanguage } from '../i18n/i18n';
import { LessonErrorBoundary } from '../lesson/LessonErrorBoundary';
import { lessonComponents, type MDXComponents } from '../lesson/lesson-components';
import { LessonContext, type LessonHost, type LessonScope } from '../lesson/lesson-context';
import type { LessonModule } from '../lesson/load-lesson-module';
import { FRAME_SESSION } from './frame-api';
import { LessonLink } from './LessonLink';
import { watchLessonEnd } from './lesson-end';
import { readSections } from './lesson-sections';
import { markSourceLanguages } from './source-languages';

/** Aula's lesson components, with links that ask the page instead of navigating. */
const frameComponents = { ...lessonComponents, a: LessonLink } as MDXComponents;

function RenderError({ message, post }: { message: string; post: (message: FrameMessage) => void }) {
  // The page around the frame shows the message, where the learner's eyes (and the header) are.
  useEffect(() => post({ kind: 'render-error', message }), [message, post]);
  return null;
}

/** The lesson inside its frame: the same components and contexts as before the sandbox. */
export function FrameLesson({
  init,
  module,
  api,
  post,
}: {
  init: LessonFrameInit;
  module: LessonModule;
  api: LearnApi;
  post: (message: FrameMessage) => void;
}) {
  const root = useRef<HTMLDivElement>(null);
  // Before the first paint: a screen reader starts reading the lesson with the right voice.
  useLayoutEffect(() => setContentLanguage(init.lessonLanguage), [init.lessonLanguage]);
  const end = useRef<HTMLDivElement>(null);
  // The lesson's quizzes came with it (`lesson.open`): in the frame's cache, each `<Quiz>` shows at once.
  const [queries] = useState(() => {
    const queries = createCoreQueries(api);
    for (const quiz of init.quizzes as PublicQuiz[]) {
      queries.cache.set(queryKey('quiz.get', { session: FRAME_SESSION, courseId: init.courseId, quizId: quiz.quizId }), quiz);
    }
    return queries;
  });
  const [csvTables] = useState(() => new Map<string, Promise<TypedTable>>());
  const [host] = useState<LessonHost>(() => ({
    download: (file) => post({ kind: 'download', file }),
    openLink: (url) => post({ kind: 'open-link', url }),
    nextLesson: () => post({ kind: 'next-lesson' }),
  }));
  // Only what the lesson components use of a session: the frame has no token and no other learner.
  const [learner] = useState<Learner>(() => ({
    id: '00000000-0000-4000-8000-000000000000',
    displayName: init.learnerName,
    language: isLanguage(init.language) ? init.language : 'en',
    createdAt: '',
    hasPin: false,
    isManager: false,
  }));
  const session = useMemo<Session>(() => ({ api, session: FRAME_SESSION, learner }), [api, learner]);
  const scope = useMemo<LessonScope>(
    () => ({
      courseId: init.courseId,
      lessonId: init.lessonId,
      assetBaseUrl: init.assetBaseUrl,
      dataBaseUrl: init.dataBaseUrl,
      csvTables,
      host,
    }),
    [init.courseId, init.lessonId, init.assetBaseUrl, init.dataBaseUrl, csvTables, host],
  );

  // Before the height is first reported: the marks add words to the lesson.
  useEffect(() => {
    if (root.current) markSourceLanguages(root.current, init.lessonLanguage);
  }, [init.lessonLanguage]);

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    // The page sizes the frame to the lesson and scrolls it with everything else; it also shows the
    // lesson's outline, whose sections move when the layout does.
    let lastSections = '';
    const report = () => {
      post({ kind: 'height', height: Math.ceil(element.getBoundingClientRect().height) });
      const sections = readSections(element);
      const key = JSON.stringify(sections);
      if (key !== lastSections) {
        lastSections = key;
        post({ kind: 'sections', sections });
      }
    };
    const observer = new ResizeObserver(report);
    observer.observe(element);
    report();
    post({ kind: 'rendered' });
    return () => observer.disconnect();
  }, [post]);

  // Reading a lesson to the end is part of completing it (the core decides; the page adds who and which lesson).
  useEffect(() => {
    const mark = end.current;
    if (!mark) return;
    return watchLessonEnd(mark, () => post({ kind: 'reached-end' }));
  }, [post]);

  const Content = module.default;
  return (
    <CoreQueriesContext.Provider value={queries}>
      <SessionContext.Provider value={session}>
        <LessonContext.Provider value={scope}>
          <div ref={root} className="lesson-frame-root">
            <div className="lesson-content" lang={init.lessonLanguage}>
              <LessonErrorBoundary fallback={(message) => <RenderError message={message} post={post} />}>
                <Content components={frameComponents} />
              </LessonErrorBoundary>
            </div>
            {/* One pixel tall: something on screen to watch, too small to change the layout. */}
            <div ref={end} className="lesson-end-mark" aria-hidden="true" style={{ height: 1 }} />
          </div>
        </LessonContext.Provider>
      </SessionContext.Provider>
    </CoreQueriesContext.Provider>
  );
}
