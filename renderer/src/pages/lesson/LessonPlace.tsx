import { useTranslation } from 'react-i18next';
import type { OpenedLesson, LessonStanding } from '../../../../electron/contract/channels';
import { formatPercent } from '../../i18n/format';
import { courseHref } from '../../router';

/** Where the learner is: the course (back to its page), "Lesson 2 of 6" and the course's progress. */
export function LessonPlace({ lesson, standing }: { lesson: OpenedLesson; standing: LessonStanding }) {
  const { t, i18n } = useTranslation();
  const percent = formatPercent(standing.percentComplete, i18n.language);
  return (
    <div className="lesson-place">
      <nav className="lesson-breadcrumb" aria-label={t('lesson.whereYouAre')}>
        <a href={courseHref(lesson.courseId)}>{lesson.courseTitle}</a>
        <span aria-hidden="true" className="lesson-breadcrumb-separator">
          ›
        </span>
        <span aria-current="page">{t('lesson.position', { number: lesson.lessonNumber, count: standing.lessonCount })}</span>
      </nav>
      <div className="lesson-course-progress">
        <progress max={100} value={standing.percentComplete} aria-label={t('lesson.courseProgress', { percent })} />
        <span aria-hidden="true">{t('lesson.courseProgress', { percent })}</span>
      </div>
    </div>
  );
}
