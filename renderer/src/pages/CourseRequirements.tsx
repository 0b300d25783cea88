import { useTranslation } from 'react-i18next';
import type { CourseSummary } from '../../../electron/contract/channels';
import { lessonHref } from '../router';

/**
 * What completing a course (and so its certificate) needs, ticked off as the learner goes: the
 * lessons still to open and the quizzes to pass. Used on the course page and on "My certificates".
 */
export function CourseRequirements({ course }: { course: CourseSummary }) {
  const { t } = useTranslation();
  const { lessonsToOpen, quizzes, quizzesNeeded } = course.requirements;
  const passed = quizzes.filter((quiz) => quiz.passed).length;
  return (
    <ul className="requirements">
      {lessonsToOpen !== null && (
        <li className={lessonsToOpen.length === 0 ? 'requirement-met' : undefined}>
          {t('course.openEveryLesson', {
            opened: course.lessons.length - lessonsToOpen.length,
            count: course.lessons.length,
          })}
          {lessonsToOpen.length > 0 && (
            <>
              {' '}
              {t('course.stillToOpen')}{' '}
              {lessonsToOpen.map((lesson, index) => (
                <span key={lesson.id}>
                  {index > 0 && ', '}
                  <a href={lessonHref(course.id, lesson.id)}>{lesson.title}</a>
                </span>
              ))}
            </>
          )}
        </li>
      )}
      {quizzesNeeded > 0 && (
        <li className={passed >= quizzesNeeded ? 'requirement-met' : undefined}>
          {quizzesNeeded === quizzes.length
            ? t('course.passEveryQuiz', { passed, count: quizzesNeeded })
            : t('course.passSomeQuizzes', {
                passed: Math.min(passed, quizzesNeeded),
                count: quizzesNeeded,
                total: quizzes.length,
              })}
          <ul>
            {quizzes.map((quiz) => (
              <li key={quiz.id} className={quiz.passed ? 'requirement-met' : undefined}>
                {quiz.title} <span className="visually-hidden">{quiz.passed ? t('course.passed') : t('course.notPassed')}</span>
              </li>
            ))}
          </ul>
        </li>
      )}
    </ul>
  );
}
