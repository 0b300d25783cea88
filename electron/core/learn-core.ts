import { SUPPORTED_LANGUAGES, type Answer, type Language, type LessonStatus } from '../contract/channels.js';
import type { Catalog } from '../courses/catalog.js';
import type { LoadedCourse } from '../courses/load-course.js';
import { findLearner, listLearners } from '../db/learners.js';
import type { Db } from '../db/open-database.js';
import { markLessonCompleted, markLessonOpened, readCourseProgress } from '../db/progress.js';
import { readLatestAnswers, recordAnswer } from '../db/quiz-attempts.js';
import { readSetting, writeSetting } from '../db/settings.js';
import { AnswerShapeError, gradeAnswer, toPublicQuestion } from '../quiz/grade-answer.js';
import { ApiFailure } from './api-failure.js';
import type { CoreHandlers } from './dispatch.js';

export interface CoreDependencies {
  db: Db;
  catalog: Catalog;
  appVersion: string;
}

export const LANGUAGE_SETTING = 'ui.language';

/** URL paths (on the app's own origin, in both shells) under which the core's files are served. */
export const LESSON_MODULE_PATH = '/lessons/';
export const COURSE_FILES_PATH = '/course-files/';

export function courseAssetBaseUrl(courseId: string): string {
  return `${COURSE_FILES_PATH}${courseId}/assets/`;
}

function readLanguage(db: Db): Language {
  const stored = readSetting(db, LANGUAGE_SETTING);
  return SUPPORTED_LANGUAGES.find((language) => language === stored) ?? 'en';
}

/** The core's implementation of every channel in the contract. Arguments arrive already validated. */
export function createCoreHandlers({ db, catalog, appVersion }: CoreDependencies): CoreHandlers {
  function requireLearner(learnerId: string): void {
    if (!findLearner(db, learnerId)) throw new ApiFailure('not-found', 'This learner profile does not exist (any more).');
  }

  function requireCourse(courseId: string): LoadedCourse {
    const course = catalog.courses.get(courseId);
    if (!course) throw new ApiFailure('not-found', `The course "${courseId}" is not installed.`);
    return course;
  }

  function requireQuiz(course: LoadedCourse, quizId: string) {
    const quiz = course.quizzes.get(quizId);
    if (!quiz) throw new ApiFailure('not-found', `The course "${course.manifest.id}" has no quiz "${quizId}".`);
    return quiz;
  }

  return {
    'app.info': () => ({ version: appVersion, language: readLanguage(db), languages: [...SUPPORTED_LANGUAGES] }),

    'settings.setLanguage': ({ language }) => {
      writeSetting(db, LANGUAGE_SETTING, language);
      return { language };
    },

    'learners.list': () => listLearners(db),

    'catalog.list': ({ learnerId }) => {
      requireLearner(learnerId);
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
          lessons,
          percentComplete: Math.round((completed / Math.max(1, lessons.length)) * 100),
        };
      });
    },

    'lesson.open': ({ learnerId, courseId, lessonId }) => {
      requireLearner(learnerId);
      const course = requireCourse(courseId);
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
        status: progress.status,
        previousLessonId: course.lessons[index - 1]?.id ?? null,
        nextLessonId: course.lessons[index + 1]?.id ?? null,
      };
    },

    'lesson.complete': ({ learnerId, courseId, lessonId }) => {
      requireLearner(learnerId);
      const course = requireCourse(courseId);
      if (!course.lessons.some((lesson) => lesson.id === lessonId)) {
        throw new ApiFailure('not-found', `The course "${courseId}" has no lesson "${lessonId}".`);
      }
      return markLessonCompleted(db, learnerId, courseId, lessonId);
    },

    'quiz.get': ({ learnerId, courseId, quizId }) => {
      requireLearner(learnerId);
      const course = requireCourse(courseId);
      const quiz = requireQuiz(course, quizId);
      const answers = readLatestAnswers(db, { learnerId, courseId, quizId }).flatMap((stored) => {
        const question = quiz.questions.find((q) => q.id === stored.questionId);
        if (!question) return []; // the course changed since; the record stays in the database
        const answer = JSON.parse(stored.answerJson) as Answer;
        let grade;
        try {
          grade = gradeAnswer(question, answer);
        } catch (error) {
          if (error instanceof AnswerShapeError) return [];
          throw error;
        }
        return [
          {
            answerId: stored.answerId,
            questionId: stored.questionId,
            answer,
            ...grade,
            correct: stored.correct,
            score: stored.score,
            maxScore: stored.maxScore,
            savedAt: stored.answeredAt,
          },
        ];
      });
      return { courseId, quizId, title: quiz.title, questions: quiz.questions.map(toPublicQuestion), answers };
    },

    'quiz.submitAnswer': ({ learnerId, courseId, quizId, questionId, answer }) => {
      requireLearner(learnerId);
      const course = requireCourse(courseId);
      const quiz = requireQuiz(course, quizId);
      const question = quiz.questions.find((q) => q.id === questionId);
      if (!question) throw new ApiFailure('not-found', `The quiz "${quizId}" has no question "${questionId}".`);
      let grade;
      try {
        grade = gradeAnswer(question, answer);
      } catch (error) {
        if (error instanceof AnswerShapeError) throw new ApiFailure('invalid-arguments', error.message);
        throw error;
      }
      const stored = recordAnswer(
        db,
        { learnerId, courseId, courseVersion: course.manifest.version, quizId },
        { questionId, answerJson: JSON.stringify(answer), correct: grade.correct, score: grade.score, maxScore: grade.maxScore },
      );
      return { answerId: stored.answerId, questionId, answer, ...grade, savedAt: stored.answeredAt };
    },
  };
}
