import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedLesson } from '../../../electron/contract/channels';
import { useSession } from '../api/api-context';
import { LessonFrame } from '../lesson/frame/LessonFrame';
import { useReadingTracker } from '../lesson/use-reading-tracker';
import { CATALOG_HREF, lessonHref } from '../router';
import { CourseLanguage } from './CourseLanguage';
import { useApiCall } from './use-api-call';
import { errorMessage } from '../api/error-message';

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
  const [status, setStatus] = useState(lesson.status);
  const [completeError, setCompleteError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [rendered, setRendered] = useState(false);
  // A lesson left half-read opens where the learner stopped; a finished one opens at the top.
  const [resumeAt] = useState(() =>
    lesson.status === 'in-progress' && lesson.scrollFraction > 0.01 ? lesson.scrollFraction : null,
  );

  useEffect(() => {
    document.title = `${lesson.title} · Aula`;
  }, [lesson.title]);
  // The lesson shows, and takes focus, once its frame has rendered: no empty page first. Focus
  // never scrolls: the page opens at the top, a resumed lesson is scrolled by the reading tracker,
  // and a scroll here would move whatever the learner is already reaching for.
  useEffect(() => {
    if (rendered) heading.current?.focus({ preventScroll: true });
  }, [rendered]);

  const complete = async () => {
    try {
      const progress = await api['lesson.complete']({
        session,
        courseId: lesson.courseId,
        lessonId: lesson.lessonId,
      });
      setStatus(progress.status);
    } catch (error) {
      setCompleteError(error);
    }
  };

  return (
    <>
      <ReadingTracker lesson={lesson} resumeAt={rendered ? resumeAt : null} />
      <article className={rendered ? 'lesson' : 'lesson lesson-loading'} aria-busy={!rendered}>
        <header className="lesson-header">
          <p className="lesson-back">
            <a href={CATALOG_HREF}>← {t('lesson.backToCatalog')}</a>
          </p>
          <h1 ref={heading} tabIndex={-1}>
            {lesson.title}
          </h1>
          <p className="lesson-meta">
            {t('lesson.minutes', { count: lesson.minutes })} ·{' '}
            <span className={`status status-${status}`}>{t(`status.${status}`)}</span>
          </p>
          <CourseLanguage
            courseId={lesson.courseId}
            language={lesson.language}
            languages={lesson.languages}
            onChanged={onLanguageChanged}
          />
          {lesson.objectives.length > 0 && (
            <div className="objectives">
              <p>{t('lesson.objectives')}</p>
              <ul>
                {lesson.objectives.map((objective) => (
                  <li key={objective}>{objective}</li>
                ))}
              </ul>
            </div>
          )}
        </header>
        <LessonFrame lesson={lesson} onRendered={() => setRendered(true)} />
        <footer className="lesson-footer">
          {status === 'completed' ? (
            <p className="lesson-done" role="status">
              {t('lesson.completed')}
            </p>
          ) : (
            <button type="button" className="button button-primary" onClick={() => void complete()}>
              {t('lesson.markComplete')}
            </button>
          )}
          {completeError !== null && <p role="alert">{errorMessage(completeError, t)}</p>}
          <nav className="lesson-nav" aria-label={t('lesson.navigation')}>
            {lesson.previousLessonId && (
              <a className="button" href={lessonHref(lesson.courseId, lesson.previousLessonId)}>
                ← {t('lesson.previous')}
              </a>
            )}
            {lesson.nextLessonId && (
              <a className="button" href={lessonHref(lesson.courseId, lesson.nextLessonId)}>
                {t('lesson.next')} →
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
