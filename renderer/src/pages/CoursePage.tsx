import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseSummary, LessonSummary } from '../../../electron/contract/channels';
import { useSession } from '../api/api-context';
import { ProgressRing } from '../components/ProgressRing';
import { ResourceIcon } from '../components/ResourceIcon';
import { CATALOG_HREF, lessonHref } from '../router';
import { CertificateOffer } from './certificates/CertificateOffer';
import { CourseLanguage, courseLanguageList } from './CourseLanguage';
import { CourseRequirements } from './CourseRequirements';
import { useCoreQuery } from '../api/use-core-query';
import { setPageTitle } from '../branding';
import { lessonFramePool } from '../lesson/frame/lesson-frame-pool';

/** Where the one main button leads: the lesson to resume, else the first lesson not done, else the first. */
export function nextLessonOf(course: CourseSummary): LessonSummary | undefined {
  return (
    course.lessons.find((lesson) => lesson.id === course.resumeLessonId && !lesson.done) ??
    course.lessons.find((lesson) => !lesson.done) ??
    course.lessons[0]
  );
}

export function startLabelKey(course: CourseSummary): 'course.start' | 'course.continue' | 'course.review' {
  if (course.mastered) return 'course.review';
  return course.resumeLessonId ? 'course.continue' : 'course.start';
}

function LessonRow({ course, lesson, index }: { course: CourseSummary; lesson: LessonSummary; index: number }) {
  const { t } = useTranslation();
  const status = lesson.done ? 'completed' : lesson.status;
  return (
    <li className={`course-lesson course-lesson-${status}`}>
      <span className="course-lesson-number" aria-hidden="true">
        {index + 1}
      </span>
      <span className="course-lesson-main">
        <a href={lessonHref(course.id, lesson.id)}>{lesson.title}</a>
        <span className="course-lesson-meta">
          {lesson.minutes > 0 && <span>{t('course.lessonMinutes', { count: lesson.minutes })}</span>}
          {lesson.quizCount > 0 && (
            <span className="resource">
              <ResourceIcon kind="quiz" /> {t('course.quizzes', { count: lesson.quizCount })}
            </span>
          )}
          {lesson.exerciseCount > 0 && (
            <span className="resource">
              <ResourceIcon kind="exercise" /> {t('course.exercises', { count: lesson.exerciseCount })}
            </span>
          )}
          {lesson.canvasCount > 0 && (
            <span className="resource">
              <ResourceIcon kind="canvas" /> {t('course.canvases', { count: lesson.canvasCount })}
            </span>
          )}
        </span>
      </span>
      <span className={`status status-${status}`}>{t(`status.${status}`)}</span>
    </li>
  );
}

/** One course: what you'll learn, its lessons with status and time, what the certificate needs, one button. */
export function CoursePage({ courseId }: { courseId: string }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  // Asked again after the learner reads the course in another language (CourseLanguage invalidates it).
  const courses = useCoreQuery('catalog.list', { session });
  const course = courses.state === 'ready' ? courses.value.find((candidate) => candidate.id === courseId) : undefined;
  useEffect(() => {
    setPageTitle(course?.title ?? t('catalog.title'));
  }, [t, course?.title]);
  // The learner is about to open one of this course's lessons: a frame for it boots in idle time
  // (unless the frame of their last lesson of this course is kept).
  useEffect(() => lessonFramePool().prepare(courseId, i18n.language), [courseId, i18n.language]);

  if (courses.state === 'loading') return <p aria-busy="true">…</p>;
  if (courses.state === 'failed') return <p role="alert">{courses.message}</p>;
  if (!course) {
    return (
      <section className="page" aria-labelledby="course-title">
        <h1 id="course-title">{t('course.notFound')}</h1>
        <p>
          <a href={CATALOG_HREF}>{t('course.allCourses')}</a>
        </p>
      </section>
    );
  }
  const next = nextLessonOf(course);
  const objectives = [...new Set(course.lessons.flatMap((lesson) => lesson.objectives))];
  const { progress } = course;
  return (
    <section className="page course-page" aria-labelledby="course-title">
      <p className="breadcrumb">
        <a href={CATALOG_HREF}>{t('course.allCourses')}</a>
      </p>
      <div className="course-hero">
        {course.cover && <img className="course-cover" src={course.cover} alt="" />}
        <div className="course-hero-text">
          <h1 id="course-title">{course.title}</h1>
          <p className="lead">{course.summary}</p>
          <p className="course-meta">
            {t('catalog.lessonCount', { count: course.lessons.length })} ·{' '}
            {t('catalog.minutes', { count: course.estimatedMinutes })} ·{' '}
            {t('catalog.languages', { list: courseLanguageList(course.languages, i18n.language) })}
          </p>
          <CourseLanguage courseId={course.id} language={course.language} languages={course.languages} />
          <div className="course-start">
            {next && (
              <a className="button button-primary" href={lessonHref(course.id, next.id)}>
                {t(startLabelKey(course), { lesson: next.title })}
              </a>
            )}
            <ProgressRing percent={course.percentComplete} />
          </div>
        </div>
      </div>

      {objectives.length > 0 && (
        <>
          <h2>{t('course.whatYouLearn')}</h2>
          <ul className="objectives">
            {objectives.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
        </>
      )}

      <h2>{t('course.lessons')}</h2>
      <p className="course-meta">
        {t('course.lessonsDone', { done: progress.lessonsDone, count: progress.lessonCount })}
        {progress.exerciseCount + progress.canvasCount > 0 &&
          ` · ${t('course.practicalDone', { done: progress.exercisesSolved + progress.canvasesSaved, count: progress.exerciseCount + progress.canvasCount })}`}
      </p>
      <ol className="course-lessons" aria-label={t('catalog.lessonsOf', { title: course.title })}>
        {course.lessons.map((lesson, index) => (
          <LessonRow key={lesson.id} course={course} lesson={lesson} index={index} />
        ))}
      </ol>

      <h2 className="heading-with-icon">
        <ResourceIcon kind="certificate" />
        <span>{course.requirements.certificate ? t('course.certificateNeeds') : t('course.completionNeeds')}</span>
      </h2>
      {course.mastered ? (
        <>
          <p className="status status-completed">{t('catalog.mastered')}</p>
          <CertificateOffer courseId={course.id} courseTitle={course.title} />
        </>
      ) : (
        <CourseRequirements course={course} />
      )}
    </section>
  );
}
