/**
 * A course as the catalog shows it to one learner: in the language they read it in, with their
 * progress by the course's completion rule, where to resume, and what the certificate still needs.
 */
import type { CourseSummary, LessonStatus } from '../contract/channels.js';
import type { Db } from '../db/open-database.js';
import { readLessonRecords } from '../db/progress.js';
import { evaluateMastery } from './course-mastery.js';
import { courseCoverUrl } from './course-urls.js';
import type { LoadedCourse } from './load-course.js';
import { courseInLanguage, courseLanguages, learnerCourseLanguage } from './translations/course-language.js';

export function courseSummary(db: Db, learnerId: string, interfaceLanguage: string, mainCourse: LoadedCourse): CourseSummary {
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
        ? course.lessons.filter((lesson) => !records.has(lesson.id)).map((lesson) => ({ id: lesson.id, title: lesson.title }))
        : null,
      quizzes: mastery.quizzes
        .filter((quiz) => quiz.required)
        .map((quiz) => ({ id: quiz.quizId, title: quiz.title, passed: quiz.passed })),
      quizzesNeeded: mastery.quizzesRequired,
    },
  };
}
