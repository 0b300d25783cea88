import type { courseChannels } from '../../contract/channels.js';
import { courseSummary } from '../../courses/course-summary.js';
import { completeLesson, openLesson, reachLessonEnd, standingOf, type LessonScope } from '../../courses/take-lesson.js';
import { chooseCourseLanguage, courseLanguages } from '../../courses/translations/course-language.js';
import { requireCourse, requireCourseFor, requireLearner, type CoreDependencies } from '../core-context.js';
import type { HandlerGroup } from '../dispatch.js';

export function createCourseHandlers(deps: CoreDependencies): HandlerGroup<typeof courseChannels> {
  const { db } = deps;
  /** Who reads which course, in their language; refuses unknown sessions and courses first. */
  const lessonScope = (session: string, courseId: string): LessonScope => {
    const learner = requireLearner(deps, session);
    return { db, learnerId: learner.id, catalog: deps.catalog.current(), course: requireCourseFor(deps, learner, courseId) };
  };
  return {
    'catalog.list': ({ session }) => {
      const learner = requireLearner(deps, session);
      return [...deps.catalog.current().courses.values()].map((course) =>
        courseSummary(db, learner.id, learner.language, course),
      );
    },

    'lesson.open': ({ session, courseId, lessonId }) => openLesson(lessonScope(session, courseId), lessonId),

    'lesson.complete': ({ session, courseId, lessonId }) => {
      const learner = requireLearner(deps, session);
      return completeLesson(db, learner.id, requireCourse(deps, courseId), lessonId);
    },

    'course.setLanguage': ({ session, courseId, language }) => {
      const learner = requireLearner(deps, session);
      const course = requireCourse(deps, courseId);
      if (courseLanguages(course).includes(language)) chooseCourseLanguage(db, learner.id, courseId, language);
      return { courseId, language: requireCourseFor(deps, learner, courseId).shownLanguage };
    },

    'lesson.standing': ({ session, courseId, lessonId }) => standingOf(lessonScope(session, courseId), lessonId),

    'lesson.reachedEnd': ({ session, courseId, lessonId }) => reachLessonEnd(lessonScope(session, courseId), lessonId),
  };
}
