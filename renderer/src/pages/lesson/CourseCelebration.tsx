import { PartyPopper } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonStanding, OpenedLesson } from '../../../../electron/contract/channels';
import { courseHref, HOME_HREF } from '../../router';
import { CertificateOffer } from '../certificates/CertificateOffer';

/**
 * The end of a course: a small celebration (CSS only, still under prefers-reduced-motion) and the
 * next step: the certificate when the course gives one, then the next course. `justNow`: the course
 * was completed while this page was open, so the panel takes focus and is announced.
 */
export function CourseCelebration({
  lesson,
  standing,
  justNow,
}: {
  lesson: OpenedLesson;
  standing: LessonStanding;
  justNow: boolean;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (justNow) heading.current?.focus();
  }, [justNow]);
  const next = standing.nextCourse;
  return (
    <section
      className={justNow ? 'course-celebration course-celebration-now' : 'course-celebration'}
      aria-labelledby="course-celebration-title"
    >
      <div className="course-celebration-burst" aria-hidden="true">
        {Array.from({ length: 12 }, (_, index) => (
          <span key={index} />
        ))}
      </div>
      <PartyPopper className="course-celebration-icon" aria-hidden="true" size={40} />
      <h2 id="course-celebration-title" ref={heading} tabIndex={-1}>
        {t('lesson.courseDone', { title: lesson.courseTitle })}
      </h2>
      <p role={justNow ? 'status' : undefined}>{t('lesson.courseDoneText')}</p>
      <h3>{t('lesson.nextStep')}</h3>
      {standing.certificate && <CertificateOffer courseId={lesson.courseId} courseTitle={lesson.courseTitle} />}
      <p className="course-celebration-links">
        {next ? (
          <a className="button button-primary" href={courseHref(next.id)}>
            {t('lesson.nextCourse', { title: next.title })}
          </a>
        ) : (
          <a className="button" href={HOME_HREF}>
            {t('lesson.toMyLearning')}
          </a>
        )}
        <a className="button" href={courseHref(lesson.courseId)}>
          {t('lesson.toCoursePage')}
        </a>
      </p>
    </section>
  );
}
