import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseSummary } from '../../../electron/contract/channels';
import { useSession } from '../api/api-context';
import { lessonHref } from '../router';
import { useApiCall } from './use-api-call';

function CourseCard({ course }: { course: CourseSummary }) {
  const { t } = useTranslation();
  const titleId = `course-${course.id}-title`;
  return (
    <article className="course-card" aria-labelledby={titleId}>
      <h2 id={titleId}>{course.title}</h2>
      <p className="course-summary">{course.summary}</p>
      <p className="course-meta">
        {t('catalog.lessonCount', { count: course.lessons.length })} · {t('catalog.minutes', { count: course.estimatedMinutes })}
      </p>
      <div className="progress">
        <progress max={100} value={course.percentComplete} aria-label={t('catalog.progressLabel', { title: course.title })} />
        <span>{t('catalog.percentComplete', { percent: course.percentComplete })}</span>
      </div>
      {course.mastered && <p className="status status-completed">{t('catalog.mastered')}</p>}
      {course.resumeLessonId && (
        <p>
          <a className="button" href={lessonHref(course.id, course.resumeLessonId)}>
            {t('catalog.continue')}
          </a>
        </p>
      )}
      <ol className="lesson-list" aria-label={t('catalog.lessonsOf', { title: course.title })}>
        {course.lessons.map((lesson) => (
          <li key={lesson.id}>
            <a href={lessonHref(course.id, lesson.id)}>{lesson.title}</a>
            <span className={`status status-${lesson.status}`}>{t(`status.${lesson.status}`)}</span>
          </li>
        ))}
      </ol>
    </article>
  );
}

export function CatalogPage() {
  const { t } = useTranslation();
  const { api, session } = useSession();
  const [courses] = useApiCall(() => api['catalog.list']({ session }), [api, session]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${t('catalog.title')} · Aula`;
  }, [t]);

  return (
    <section className="page catalog-page" aria-labelledby="catalog-title">
      <h1 id="catalog-title" ref={heading}>
        {t('catalog.title')}
      </h1>
      <p className="lead">{t('catalog.intro')}</p>
      {courses.state === 'loading' && <p aria-busy="true">…</p>}
      {courses.state === 'failed' && <p role="alert">{courses.message}</p>}
      {courses.state === 'ready' && courses.value.length === 0 && <p>{t('catalog.empty')}</p>}
      {courses.state === 'ready' && (
        <div className="course-grid">
          {courses.value.map((course) => (
            <CourseCard key={course.id} course={course} />
          ))}
        </div>
      )}
    </section>
  );
}
