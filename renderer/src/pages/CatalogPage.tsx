import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseSummary } from '../../../electron/contract/channels';
import { useSession } from '../api/api-context';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ProgressRing } from '../components/ProgressRing';
import { ResourceIcon } from '../components/ResourceIcon';
import { courseHref, lessonHref } from '../router';
import { courseLanguageList } from './CourseLanguage';
import { nextLessonOf, startLabelKey } from './CoursePage';
import { CertificateOffer } from './certificates/CertificateOffer';
import { DeveloperOptions } from './DeveloperOptions';
import { InstallCourse } from './InstallCourse';
import { ManageProfiles } from './ManageProfiles';
import { useCoreMutation, useCoreQuery } from '../api/use-core-query';
import { AFTER_COURSES_CHANGED } from '../api/what-changes';
import { errorMessage } from '../api/error-message';
import { setPageTitle } from '../branding';

function CourseCard({ course, onUninstall }: { course: CourseSummary; onUninstall?: (course: CourseSummary) => void }) {
  const { t, i18n } = useTranslation();
  const titleId = `course-${course.id}-title`;
  const next = nextLessonOf(course);
  return (
    <article className="course-card" aria-labelledby={titleId}>
      {course.cover && <img className="course-card-cover" src={course.cover} alt="" />}
      <div className="course-card-body">
        <div className="course-card-heading">
          <h2 id={titleId}>
            <a href={courseHref(course.id)}>{course.title}</a>
          </h2>
          <ProgressRing percent={course.percentComplete} />
        </div>
        {course.introductory && !course.resumeLessonId && <p className="badge">{t('catalog.startHere')}</p>}
        <p className="course-summary">{course.summary}</p>
        <p className="course-meta">
          <ResourceIcon kind="lesson" /> {t('catalog.lessonCount', { count: course.lessons.length })} ·{' '}
          {t('catalog.minutes', { count: course.estimatedMinutes })} · {t('catalog.version', { version: course.version })} ·{' '}
          {t('catalog.languages', { list: courseLanguageList(course.languages, i18n.language) })}
          {course.installedFromPack && (
            <>
              {' · '}
              {course.signedBy ? t('catalog.signedBy', { name: course.signedBy }) : t('catalog.unsigned')}
            </>
          )}
        </p>
        {course.mastered && <p className="status status-completed">{t('catalog.mastered')}</p>}
        {course.mastered && <CertificateOffer courseId={course.id} courseTitle={course.title} />}
        <p className="course-card-actions">
          {course.resumeLessonId ? (
            <a className="button button-primary" href={lessonHref(course.id, course.resumeLessonId)}>
              {t('catalog.continue')}
            </a>
          ) : (
            next && (
              <a className="button button-primary" href={lessonHref(course.id, next.id)}>
                {t(startLabelKey(course), { lesson: next.title })}
              </a>
            )
          )}
          <a className="button" href={courseHref(course.id)}>
            {t('catalog.aboutCourse')}
          </a>
        </p>
        <ol className="lesson-list" aria-label={t('catalog.lessonsOf', { title: course.title })}>
          {course.lessons.map((lesson) => {
            const status = lesson.done ? 'completed' : lesson.status;
            return (
              <li key={lesson.id}>
                <a href={lessonHref(course.id, lesson.id)}>{lesson.title}</a>
                <span className={`status status-${status}`}>{t(`status.${status}`)}</span>
              </li>
            );
          })}
        </ol>
        {course.installedFromPack && onUninstall && (
          <p className="course-actions">
            <button type="button" className="button button-quiet" onClick={() => onUninstall(course)}>
              {t('catalog.uninstall', { title: course.title })}
            </button>
          </p>
        )}
      </div>
    </article>
  );
}

/** Courses that could not be opened, so a broken file never just makes a course vanish. */
function CourseProblems({ problems }: { problems: string[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div className="course-problems" role="alert">
      <p>{t('catalog.problems', { count: problems.length })}</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>
            <code>{problem}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CatalogPage() {
  const { t } = useTranslation();
  const { session, learner } = useSession();
  // Managing the installation is offered to managers only (the core refuses everyone else anyway).
  const manager = learner.isManager;
  const courses = useCoreQuery('catalog.list', { session });
  const problems = useCoreQuery('catalog.problems', {});
  const uninstallCourse = useCoreMutation('courses.uninstall', AFTER_COURSES_CHANGED);
  const [uninstalling, setUninstalling] = useState<CourseSummary | null>(null);
  const [uninstallError, setUninstallError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    setPageTitle(t('catalog.title'));
  }, [t]);

  const uninstall = async (course: CourseSummary) => {
    setUninstalling(null);
    try {
      await uninstallCourse({ session, courseId: course.id });
      setUninstallError(null);
    } catch (error) {
      setUninstallError(error);
    }
  };

  return (
    <section className="page catalog-page" aria-labelledby="catalog-title">
      <h1 id="catalog-title" ref={heading}>
        {t('catalog.title')}
      </h1>
      <p className="lead">{t('catalog.intro')}</p>
      {problems.state === 'ready' && <CourseProblems problems={problems.value} />}
      {uninstallError !== null && <p role="alert">{errorMessage(uninstallError, t)}</p>}
      {courses.state === 'loading' && <p aria-busy="true">…</p>}
      {courses.state === 'failed' && <p role="alert">{courses.message}</p>}
      {courses.state === 'ready' && courses.value.length === 0 && <p>{t('catalog.empty')}</p>}
      {courses.state === 'ready' && (
        <div className="course-grid">
          {/* The introductory course first: where a newcomer should begin. */}
          {[...courses.value]
            .sort((a, b) => Number(b.introductory) - Number(a.introductory))
            .map((course) => (
              <CourseCard key={course.id} course={course} onUninstall={manager ? setUninstalling : undefined} />
            ))}
        </div>
      )}
      {manager && (
        <>
          <InstallCourse />
          <ManageProfiles />
          <DeveloperOptions />
        </>
      )}
      {uninstalling && (
        <ConfirmDialog
          title={t('catalog.uninstallTitle', { title: uninstalling.title })}
          confirmLabel={t('catalog.uninstallConfirm')}
          cancelLabel={t('install.cancel')}
          destructive
          onConfirm={() => void uninstall(uninstalling)}
          onCancel={() => setUninstalling(null)}
        >
          <p>{t('catalog.uninstallKeepsRecords')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
