import type { courseChannels, LessonStatus } from '../../contract/channels.js';
import { markLessonCompleted, markLessonOpened, readCourseProgress } from '../../db/progress.js';
import { ApiFailure } from '../api-failure.js';
import {
  courseAssetBaseUrl,
  courseDataBaseUrl,
  LESSON_MODULE_PATH,
  requireCourse,
  requireLearner,
  type CoreDependencies,
} from '../core-context.js';
import type { HandlerGroup } from '../dispatch.js';

export function createCourseHandlers(deps: CoreDependencies): HandlerGroup<typeof courseChannels> {
  const { db, catalog } = deps;
  return {
    'catalog.list': ({ session }) => {
      const learnerId = requireLearner(deps, session);
      return [...catalog.courses.values()].map((course) => {
        const progress = readCourseProgress(db, learnerId, course.manifest.id);
        const lessons = course.lessons.map((lesson) => ({
          id: lesson.id,
          title: lesson.title,
          minutes: lesson.minutes,
          status: (progress.get(lesson.id) ?? 'not-started') as LessonStatus,
        }));
        const completed = lessons.filter((lesson) => lesson.status === 'completed').length;
        return {
          id: course.manifest.id,
          version: course.manifest.version,
          title: course.manifest.title,
          summary: course.manifest.summary,
          language: course.manifest.language,
          estimatedMinutes: course.manifest.estimatedMinutes,
          installedFromPack: course.installedFromPack,
          signedBy: course.signer?.name ?? null,
          lessons,
          percentComplete: Math.round((completed / Math.max(1, lessons.length)) * 100),
        };
      });
    },

    'lesson.open': ({ session, courseId, lessonId }) => {
      const learnerId = requireLearner(deps, session);
      const course = requireCourse(deps, courseId);
      const index = course.lessons.findIndex((lesson) => lesson.id === lessonId);
      const lesson = course.lessons[index];
      if (!lesson) throw new ApiFailure('not-found', `The course "${courseId}" has no lesson "${lessonId}".`);
      const progress = markLessonOpened(db, learnerId, courseId, lessonId);
      return {
        courseId,
        lessonId,
        title: lesson.title,
        minutes: lesson.minutes,
        objectives: lesson.objectives,
        moduleUrl: `${LESSON_MODULE_PATH}${lesson.moduleHash}.js`,
        assetBaseUrl: courseAssetBaseUrl(courseId),
        dataBaseUrl: courseDataBaseUrl(courseId),
        status: progress.status,
        previousLessonId: course.lessons[index - 1]?.id ?? null,
        nextLessonId: course.lessons[index + 1]?.id ?? null,
      };
    },

    'lesson.complete': ({ session, courseId, lessonId }) => {
      const learnerId = requireLearner(deps, session);
      const course = requireCourse(deps, courseId);
      if (!course.lessons.some((lesson) => lesson.id === lessonId)) {
        throw new ApiFailure('not-found', `The course "${courseId}" has no lesson "${lessonId}".`);
      }
      return markLessonCompleted(db, learnerId, courseId, lessonId);
    },
  };
}
