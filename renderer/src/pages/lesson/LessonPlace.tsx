import { useTranslation } from 'react-i18next';
import type { OpenedLesson, LessonStanding } from '../../../../electron/contract/channels';
import { formatPercent } from '../../i18n/format';
import { courseHref } from '../../router';

/**
 * Where the learner is, on one line: the course (back to its page), "Lesson 2 of 6" and the
 * course's progress. A course title too long for the line is cut short with an ellipsis (the
 * whole title stays the link's name, and shows on hover).
 */
export function LessonPlace({ lesson, standing }: { lesson: OpenedLesson; standing: LessonStanding }) {
  const { t, i18n } = useTranslation();
  const percent = formatPercent(standing.percentComplete, i18n.language);
  return (
    <div className="lesson-place">
      <nav className="lesson-breadcrumb" aria-label={t('lesson.whereYouAre')}>
        <a className="lesson-breadcrumb-course" href={courseHref(lesson.courseId)} title={lesson.courseTitle}>
          {lesson.courseTitle}
        </a>
        <span aria-hidden="true" className="lesson-breadcrumb-separator">
          ›
        </span>
        <span className="lesson-breadcrumb-position" aria-current="page">
          {t('lesson.position', { number: lesson.lessonNumber, count: standing.lessonCount })}
        </span>
      </nav>
      {/* Where the line is only as wide as the reading column, only the percentage shows (the
          bar's name and tooltip say whose progress it is), to leave room for the course's title. */}
      <div className="lesson-course-progress" title={t('lesson.courseProgress', { percent })}>
        <progress max={100} value={standing.percentComplete} aria-label={t('lesson.courseProgress', { percent })} />
        <span aria-hidden="true" className="lesson-course-progress-label">
          {t('lesson.courseProgress', { percent })}
        </span>
        <span aria-hidden="true" className="lesson-course-progress-percent">
          {percent}
        </span>
      </div>
    </div>
  );
}
