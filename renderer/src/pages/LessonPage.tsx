import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedLesson } from '../../../electron/contract/channels';
import type { TypedTable } from '../../../electron/contract/data-values';
import { useSession } from '../api/api-context';
import { LessonErrorBoundary } from '../lesson/LessonErrorBoundary';
import { lessonComponents } from '../lesson/lesson-components';
import { LessonContext } from '../lesson/lesson-context';
import { loadLessonModule, type LessonModule } from '../lesson/load-lesson-module';
import { useReadingTracker } from '../lesson/use-reading-tracker';
import { CATALOG_HREF, lessonHref } from '../router';
import { useApiCall } from './use-api-call';
import { errorMessage } from '../api/error-message';

interface OpenLesson {
  lesson: OpenedLesson;
  module: LessonModule;
}

function LessonBody({ lesson, module }: OpenLesson) {
  const { t } = useTranslation();
  const { api, session } = useSession();
  const [status, setStatus] = useState(lesson.status);
  const [completeError, setCompleteError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Kept for the lesson's lifetime (mutable maps, never replaced, so never a reason to re-render).
  const [openedQuizzes] = useState(() => new Map(lesson.quizzes.map((quiz) => [quiz.quizId, quiz])));
  const [csvTables] = useState(() => new Map<string, Promise<TypedTable>>());
  const Content = module.default;
  // A lesson left half-read opens where the learner stopped; a finished one opens at the top.
  const [resumeAt] = useState(() =>
    lesson.status === 'in-progress' && lesson.scrollFraction > 0.01 ? lesson.scrollFraction : null,
  );
  useReadingTracker(api, { session, courseId: lesson.courseId, lessonId: lesson.lessonId }, resumeAt);

  useEffect(() => {
    document.title = `${lesson.title} · Aula`;
    heading.current?.focus({ preventScroll: resumeAt !== null });
  }, [lesson.title, resumeAt]);

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
    <LessonContext.Provider
      value={{
        courseId: lesson.courseId,
        lessonId: lesson.lessonId,
        assetBaseUrl: lesson.assetBaseUrl,
        dataBaseUrl: lesson.dataBaseUrl,
        csvTables,
        takeOpenedQuiz: (quizId) => {
          const quiz = openedQuizzes.get(quizId);
          openedQuizzes.delete(quizId);
          return quiz;
        },
      }}
    >
      <article className="lesson">
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
        <div className="lesson-content">
          <LessonErrorBoundary
            fallback={(message) => (
              <p role="alert" className="lesson-render-error">
                {t('lesson.renderError', { message })}
              </p>
            )}
          >
            <Content components={lessonComponents} />
          </LessonErrorBoundary>
        </div>
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
    </LessonContext.Provider>
  );
}

export function LessonPage({ courseId, lessonId }: { courseId: string; lessonId: string }) {
  const { t } = useTranslation();
  const { api, session } = useSession();
  const [opened] = useApiCall(async (): Promise<OpenLesson> => {
    const lesson = await api['lesson.open']({ session, courseId, lessonId });
    return { lesson, module: await loadLessonModule(lesson.moduleUrl) };
  }, [api, session, courseId, lessonId]);

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
  return <LessonBody lesson={opened.value.lesson} module={opened.value.module} />;
}
