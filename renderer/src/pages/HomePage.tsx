import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { HomeCourse } from '../../../electron/contract/channels';
import { useSession } from '../api/api-context';
import { ProgressRing } from '../components/ProgressRing';
import { CATALOG_HREF, courseHref, lessonHref } from '../router';
import { CertificateOffer } from './certificates/CertificateOffer';
import { ExportMyProgress } from './ExportMyProgress';
import { ProgressChart } from './ProgressChart';
import { useCoreQuery } from '../api/use-core-query';
import { formatLongDate } from '../i18n/format';
import { setPageTitle } from '../branding';

function useDuration() {
  const { t } = useTranslation();
  return (seconds: number) => {
    const minutes = Math.round(seconds / 60);
    return minutes < 60
      ? t('home.minutesSpent', { count: minutes })
      : t('home.hoursSpent', { count: Math.floor(minutes / 60), minutes: minutes % 60 });
  };
}

function CourseRow({ course }: { course: HomeCourse }) {
  const { t, i18n } = useTranslation();
  const duration = useDuration();
  const titleId = `home-course-${course.courseId}`;
  return (
    <li className="home-course" aria-labelledby={titleId}>
      <div className="home-course-heading">
        <h3 id={titleId}>
          <a href={courseHref(course.courseId)}>{course.title}</a>
        </h3>
        <ProgressRing percent={course.percentComplete} />
      </div>
      <p className="course-meta">
        {t('course.lessonsDone', { done: course.lessonsCompleted, count: course.lessonCount })}
        {' · '}
        {duration(course.timeSpentSeconds)}
        {course.mastered && course.masteredAt && (
          <>
            {' · '}
            {t('home.completedOn', {
              date: formatLongDate(course.masteredAt, i18n.language),
            })}
          </>
        )}
      </p>
      {course.mastered && <CertificateOffer courseId={course.courseId} courseTitle={course.title} />}
      {course.resume && (
        <p>
          <a className="button" href={lessonHref(course.courseId, course.resume.lessonId)}>
            {course.mastered
              ? t('home.review', { lesson: course.resume.lessonTitle })
              : t('home.continueLesson', { lesson: course.resume.lessonTitle })}
          </a>
        </p>
      )}
    </li>
  );
}

/** The learner's own page: where to pick up, courses in progress and completed, progress over time. */
export function HomePage() {
  const { t } = useTranslation();
  const { session, learner } = useSession();
  const home = useCoreQuery('progress.home', { session });
  useEffect(() => {
    setPageTitle(t('home.title', { name: learner.displayName }));
  }, [t, learner.displayName]);

  const inProgress = home.state === 'ready' ? home.value.courses.filter((course) => !course.mastered) : [];
  const completed = home.state === 'ready' ? home.value.courses.filter((course) => course.mastered) : [];
  return (
    <section className="page home-page" aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title', { name: learner.displayName })}</h1>
      {home.state === 'loading' && <p aria-busy="true">…</p>}
      {home.state === 'failed' && <p role="alert">{home.message}</p>}
      {home.state === 'ready' && (
        <>
          {home.value.resume ? (
            <div className="resume-card">
              <p className="resume-label">{t('home.resumeLabel')}</p>
              <p className="resume-where">
                {home.value.resume.lessonTitle} <span className="resume-course">· {home.value.resume.courseTitle}</span>
              </p>
              <a className="button button-primary" href={lessonHref(home.value.resume.courseId, home.value.resume.lessonId)}>
                {t('home.resume')}
              </a>
            </div>
          ) : home.value.suggested ? (
            <>
              <p className="lead">{t('home.nothingYetSuggested')}</p>
              <section className="start-here" aria-labelledby="start-here-title">
                {home.value.suggested.cover && <img className="start-here-cover" src={home.value.suggested.cover} alt="" />}
                <div>
                  <p className="badge">{t('catalog.startHere')}</p>
                  <h2 id="start-here-title" className="start-here-title">
                    {home.value.suggested.title}
                  </h2>
                  <p>{home.value.suggested.summary}</p>
                  <a className="button button-primary" href={courseHref(home.value.suggested.courseId)}>
                    {t('course.start')}
                  </a>
                </div>
              </section>
            </>
          ) : (
            <p className="lead">{t('home.nothingYet')}</p>
          )}
          <p>
            <a className="button" href={CATALOG_HREF}>
              {t('home.browse')}
            </a>
          </p>

          <h2>{t('home.inProgress')}</h2>
          {inProgress.length === 0 ? (
            <p>{t('home.noneInProgress')}</p>
          ) : (
            <ul className="home-courses">
              {inProgress.map((course) => (
                <CourseRow key={course.courseId} course={course} />
              ))}
            </ul>
          )}

          <h2>{t('home.completed')}</h2>
          {completed.length === 0 ? (
            <p>{t('home.noneCompleted')}</p>
          ) : (
            <ul className="home-courses">
              {completed.map((course) => (
                <CourseRow key={course.courseId} course={course} />
              ))}
            </ul>
          )}

          <h2>{t('home.progressOverTime')}</h2>
          {home.value.timeline.length === 0 ? <p>{t('home.noProgressYet')}</p> : <ProgressChart days={home.value.timeline} />}
          <ExportMyProgress />
        </>
      )}
    </section>
  );
}
