import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedLesson } from '../../../electron/contract/channels';
import { useSession } from '../api/api-context';
import type { LessonSection } from '../../../electron/contract/lesson-frame-messages';
import { LessonFrame } from '../lesson/frame/LessonFrame';
import { toFrame } from '../lesson/frame/lesson-bridge';
import { useReadingTracker } from '../lesson/use-reading-tracker';
import { CATALOG_HREF, lessonHref } from '../router';
import { CourseLanguage } from './CourseLanguage';
import { useApiCall } from '../api/use-api-call';
import { errorMessage } from '../api/error-message';
import { setPageTitle } from '../branding';
import { CourseCelebration } from './lesson/CourseCelebration';
import { LessonCompletion } from './lesson/LessonCompletion';
import { LessonOutline } from './lesson/LessonOutline';
import { LessonPlace } from './lesson/LessonPlace';
import './lesson/lesson-page.css';

/** Room left above a section's heading when the outline scrolls to it. */
const SECTION_MARGIN_PX = 16;

/**
 * Counts reading time and keeps the scroll position. The scroll back to where the learner was
 * waits until the lesson's frame has rendered and has its height.
 */
function ReadingTracker({ lesson, resumeAt }: { lesson: OpenedLesson; resumeAt: number | null }) {
  const { api, session } = useSession();
  useReadingTracker(api, { session, courseId: lesson.courseId, lessonId: lesson.lessonId }, resumeAt);
  return null;
}

function LessonBody({ lesson, onLanguageChanged }: { lesson: OpenedLesson; onLanguageChanged: () => void }) {
  const { t } = useTranslation();
  const { api, session } = useSession();
  const [standing, setStanding] = useState(lesson.standing);
  const [courseJustDone, setCourseJustDone] = useState(false);
  const [completing, setCompleting] = useState(false);
  const [completeError, setCompleteError] = useState<unknown>(null);
  const [sections, setSections] = useState<LessonSection[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const [rendered, setRendered] = useState(false);
  // A lesson left half-read opens where the learner stopped; a finished one opens at the top.
  const [resumeAt] = useState(() =>
    lesson.status === 'in-progress' && lesson.scrollFraction > 0.01 ? lesson.scrollFraction : null,
  );

  useEffect(() => {
    setPageTitle(`${lesson.title} · ${lesson.courseTitle}`);
  }, [lesson.title, lesson.courseTitle]);
  // The lesson shows, and takes focus, once its frame has rendered: no empty page first. Focus
  // never scrolls: the page opens at the top, a resumed lesson is scrolled by the reading tracker,
  // and a scroll here would move whatever the learner is already reaching for.
  useEffect(() => {
    if (rendered) heading.current?.focus({ preventScroll: true });
  }, [rendered]);

  // The core decides whether the lesson (and the course) is done; the page asks again whenever
  // the lesson's work changed, and celebrates a course completed while it was open.
  const refreshStanding = useCallback(async () => {
    try {
      const next = await api['lesson.standing']({ session, courseId: lesson.courseId, lessonId: lesson.lessonId });
      setStanding((previous) => {
        if (next.courseMastered && !previous.courseMastered) setCourseJustDone(true);
        return next;
      });
    } catch {
      // Only the display of progress is late; the work itself was saved by its own call.
    }
  }, [api, session, lesson.courseId, lesson.lessonId]);

  const complete = async () => {
    setCompleting(true);
    try {
      await api['lesson.complete']({ session, courseId: lesson.courseId, lessonId: lesson.lessonId });
      setCompleteError(null);
      await refreshStanding();
    } catch (error) {
      setCompleteError(error);
    } finally {
      setCompleting(false);
    }
  };

  const showSection = useCallback(
    (index: number) => {
      const element = frame.current;
      const section = sections[index];
      if (!element || !section) return;
      const top = element.getBoundingClientRect().top + window.scrollY + section.top - SECTION_MARGIN_PX;
      const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      window.scrollTo({ top: Math.max(0, top), behavior: reduced ? 'instant' : 'smooth' });
      // Focus goes into the lesson, to the section's heading, so Tab continues from there.
      element.focus({ preventScroll: true });
      toFrame(element, { kind: 'show-section', index });
    },
    [sections],
  );

  const showCelebration = standing.courseMastered && (courseJustDone || lesson.nextLesson === null);
  return (
    <>
      <ReadingTracker lesson={lesson} resumeAt={rendered ? resumeAt : null} />
      <article className={rendered ? 'lesson' : 'lesson lesson-loading'} aria-busy={!rendered}>
        {/* Compact on purpose: where you are on one line, then the title, its facts on one line,
            the objectives, and the outline beside them (wide windows) or folded (elsewhere), so that
            the lesson's text starts on the first screen even at 1024×600 or 150 % zoom. */}
        <header className="lesson-header">
          <LessonPlace lesson={lesson} standing={standing} />
          <div className="lesson-header-main">
            <h1 ref={heading} tabIndex={-1} lang={lesson.language}>
              {lesson.title}
            </h1>
            <div className="lesson-facts">
              <p className="lesson-meta">
                {t('lesson.minutes', { count: lesson.minutes })}
                {standing.done && (
                  <>
                    {' · '}
                    <span className="status status-completed">{t('status.completed')}</span>
                  </>
                )}
              </p>
              <CourseLanguage
                courseId={lesson.courseId}
                language={lesson.language}
                languages={lesson.languages}
                onChanged={onLanguageChanged}
              />
            </div>
            {lesson.objectives.length > 0 && (
              <div className="objectives">
                <p>{t('lesson.objectives')}</p>
                <ul lang={lesson.language}>
                  {lesson.objectives.map((objective) => (
                    <li key={objective}>{objective}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>
          <LessonOutline sections={sections} onShow={showSection} />
        </header>
        <LessonFrame
          lesson={lesson}
          frame={frame}
          onRendered={() => setRendered(true)}
          onSections={setSections}
          onWorkChanged={() => void refreshStanding()}
        />
        <footer className="lesson-footer">
          <LessonCompletion standing={standing} busy={completing} onMarkComplete={() => void complete()} />
          {completeError !== null && <p role="alert">{errorMessage(completeError, t)}</p>}
          {showCelebration && <CourseCelebration lesson={lesson} standing={standing} justNow={courseJustDone} />}
          <nav className="lesson-nav" aria-label={t('lesson.navigation')}>
            {lesson.previousLesson && (
              <a className="button lesson-nav-previous" href={lessonHref(lesson.courseId, lesson.previousLesson.id)}>
                <span>← {t('lesson.previous')}</span>
                <span className="lesson-nav-title">{lesson.previousLesson.title}</span>
              </a>
            )}
            {lesson.nextLesson && (
              <a className="button lesson-nav-next" href={lessonHref(lesson.courseId, lesson.nextLesson.id)}>
                <span>{t('lesson.next')} →</span>
                <span className="lesson-nav-title">{lesson.nextLesson.title}</span>
              </a>
            )}
          </nav>
        </footer>
      </article>
    </>
  );
}

export function LessonPage({ courseId, lessonId }: { courseId: string; lessonId: string }) {
  const { t } = useTranslation();
  const { api, session } = useSession();
  // Asked again after the learner reads the course in another language (the lesson then remounts).
  const [languageChanges, setLanguageChanges] = useState(0);
  const [opened] = useApiCall(
    () => api['lesson.open']({ session, courseId, lessonId }),
    [api, session, courseId, lessonId, languageChanges],
  );

  if (opened.state === 'loading') return <p aria-busy="true">{t('lesson.loading')}</p>;
  if (opened.state === 'failed') {
    return (
      <div className="page">
        <div role="alert">
          <p>{t('lesson.loadError', { message: opened.message })}</p>
          {opened.details && opened.details.length > 0 && (
            <div className="course-problems">
              <p>{t('lesson.problemDetails')}</p>
              <ul>
                {opened.details.map((detail) => (
                  <li key={detail}>
                    <code>{detail}</code>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <p>
          <a href={CATALOG_HREF}>{t('lesson.backToCatalog')}</a>
        </p>
      </div>
    );
  }
  return (
    <LessonBody
      key={opened.value.language}
      lesson={opened.value}
      onLanguageChanged={() => setLanguageChanges((count) => count + 1)}
    />
  );
}
