import type { courseChannels, LessonStatus } from '../../contract/channels.js';
import { evaluateMastery } from '../../courses/course-mastery.js';
import {
  chooseCourseLanguage,
  courseInLanguage,
  courseLanguages,
  learnerCourseLanguage,
} from '../../courses/translations/course-language.js';
import { findLearner } from '../../db/learners.js';
import { lessonStanding } from '../../courses/lesson-standing.js';
import { markLessonCompleted, markLessonOpened, markLessonReachedEnd, readLessonRecords } from '../../db/progress.js';
import { viewQuiz } from '../../quiz/take-quiz.js';
import { ApiFailure } from '../api-failure.js';
import {
  courseAssetBaseUrl,
  courseDataBaseUrl,
  LESSON_MODULE_PATH,
  requireCourse,
  requireCourseFor,
  requireLearner,
  requireLesson,
  type CoreDependencies,
} from '../core-context.js';
import type { HandlerGroup } from '../dispatch.js';
import { courseCoverUrl } from '../learner-home.js';

export function createCourseHandlers(deps: CoreDependencies): HandlerGroup<typeof courseChannels> {
  const { db, catalog } = deps;
  return {
    'catalog.list': ({ session }) => {
      const learnerId = requireLearner(deps, session);
      const interfaceLanguage = findLearner(db, learnerId)?.language ?? 'en';
      return [...catalog.courses.values()].map((mainCourse) => {
        const course = courseInLanguage(mainCourse, learnerCourseLanguage(db, learnerId, interfaceLanguage, mainCourse));
        const records = readLessonRecords(db, learnerId, course.manifest.id);
        const mastery = evaluateMastery(db, learnerId, course);
        const lessons = course.lessons.map((lesson, index) => ({
          id: lesson.id,
          title: lesson.title,
          minutes: lesson.minutes,
          status: (records.get(lesson.id)?.status ?? 'not-started') as LessonStatus,
          done: mastery.lessons[index]?.done ?? false,
          objectives: lesson.objectives,
          quizCount: lesson.quizIds.length,
          exerciseCount: lesson.exerciseIds.length,
          canvasCount: lesson.canvasIds.length,
        }));
        const visited = course.lessons.flatMap((lesson) => records.get(lesson.id) ?? []);
        const lastOpened = visited.reduce<(typeof visited)[number] | undefined>(
          (latest, record) => (!latest || record.lastOpenedAt > latest.lastOpenedAt ? record : latest),
          undefined,
        );
        return {
          id: course.manifest.id,
          version: course.manifest.version,
          title: course.manifest.title,
          summary: course.manifest.summary,
          language: course.shownLanguage,
          mainLanguage: course.manifest.language,
          languages: courseLanguages(course),
          estimatedMinutes: course.manifest.estimatedMinutes,
          installedFromPack: course.installedFromPack,
          signedBy: course.signer?.name ?? null,
          lessons,
          percentComplete: mastery.percentComplete,
          mastered: mastery.mastered,
          timeSpentSeconds: visited.reduce((sum, record) => sum + record.timeSpentSeconds, 0),
          resumeLessonId: lastOpened?.lessonId ?? null,
          cover: courseCoverUrl(course),
          introductory: course.manifest.introductory,
          progress: {
            lessonsDone: mastery.lessonsCompleted,
            lessonCount: mastery.lessonCount,
            quizzesPassed: mastery.quizzesPassed,
            quizzesRequired: mastery.quizzesRequired,
            exercisesSolved: mastery.exercisesSolved,
            exerciseCount: mastery.exerciseCount,
            canvasesSaved: mastery.canvasesSaved,
            canvasCount: mastery.canvasCount,
          },
          requirements: {
            certificate: course.manifest.certificate?.enabled ?? true,
            lessonsToOpen: mastery.rule.lessonsVisited
              ? course.lessons
                  .filter((lesson) => !records.has(lesson.id))
                  .map((lesson) => ({ id: lesson.id, title: lesson.title }))
              : null,
            quizzes: mastery.quizzes
              .filter((quiz) => quiz.required)
              .map((quiz) => ({ id: quiz.quizId, title: quiz.title, passed: quiz.passed })),
            quizzesNeeded: mastery.quizzesRequired,
          },
        };
      });
    },

    'lesson.open': ({ session, courseId, lessonId }) => {
      const learnerId = requireLearner(deps, session);
      const course = requireCourseFor(deps, learnerId, courseId);
      const { lesson, index } = requireLesson(course, lessonId);
      const translated = course.shownLanguage === course.manifest.language ? undefined : course.shownLanguage;
      const progress = markLessonOpened(db, learnerId, courseId, lessonId);
      const neighbour = (at: number) => {
        const other = course.lessons[at];
        return other ? { id: other.id, title: other.title } : null;
      };
      return {
        courseId,
        lessonId,
        title: lesson.title,
        courseTitle: course.manifest.title,
        lessonNumber: index + 1,
        minutes: lesson.minutes,
        objectives: lesson.objectives,
        moduleUrl: `${LESSON_MODULE_PATH}${lesson.moduleHash}.js`,
        language: course.shownLanguage,
        languages: courseLanguages(course),
        assetBaseUrl: courseAssetBaseUrl(courseId, translated),
        dataBaseUrl: courseDataBaseUrl(courseId, translated),
        status: progress.status,
        scrollFraction: progress.scrollFraction,
        timeSpentSeconds: progress.timeSpentSeconds,
        previousLessonId: course.lessons[index - 1]?.id ?? null,
        nextLessonId: course.lessons[index + 1]?.id ?? null,
        previousLesson: neighbour(index - 1),
        nextLesson: neighbour(index + 1),
        standing: lessonStanding(db, learnerId, catalog, course, index),
        quizzes: lesson.quizIds.flatMap((quizId) => {
          const quiz = course.quizzes.get(quizId);
          return quiz ? [viewQuiz({ db, learnerId, course, quiz })] : [];
        }),
        exerciseIds: lesson.exerciseIds,
        canvasIds: lesson.canvasIds,
      };
    },

    'lesson.complete': ({ session, courseId, lessonId }) => {
      const learnerId = requireLearner(deps, session);
      const course = requireCourse(deps, courseId);
      requireLesson(course, lessonId);
      const { status, updatedAt } = markLessonCompleted(db, learnerId, courseId, lessonId);
      return { courseId, lessonId, status, updatedAt };
    },

    'course.setLanguage': ({ session, courseId, language }) => {
      const learnerId = requireLearner(deps, session);
      const course = requireCourse(deps, courseId);
      if (courseLanguages(course).includes(language)) chooseCourseLanguage(db, learnerId, courseId, language);
      return { courseId, language: requireCourseFor(deps, learnerId, courseId).shownLanguage };
    },

    'lesson.standing': ({ session, courseId, lessonId }) => {
      const learnerId = requireLearner(deps, session);
      const course = requireCourseFor(deps, learnerId, courseId);
      const { index } = requireLesson(course, lessonId);
      return lessonStanding(db, learnerId, catalog, course, index);
    },

    'lesson.reachedEnd': ({ session, courseId, lessonId }) => {
      const learnerId = requireLearner(deps, session);
      const course = requireCourseFor(deps, learnerId, courseId);
      const { index } = requireLesson(course, lessonId);
      if (!markLessonReachedEnd(db, learnerId, courseId, lessonId)) {
        throw new ApiFailure('conflict', 'Open the lesson before recording that it was read to the end.', {
          reason: 'lesson.not-opened',
        });
      }
      return lessonStanding(db, learnerId, catalog, course, index);
    },
  };
}
