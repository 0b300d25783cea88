/**
 * The rules of reading a lesson: opening it (and what the page gets with it), reading time,
 * reaching its end, marking it complete. Reading time and the end count only for a lesson the
 * learner has opened: the page opens it first, so anything else is refused with nothing written.
 */
import type { OpenedLesson } from '../contract/channels.js';
import type { Db } from '../db/open-database.js';
import { markLessonCompleted, markLessonOpened, markLessonReachedEnd, recordReading } from '../db/progress.js';
import { DomainRefusal } from '../domain/domain-refusal.js';
import { viewQuiz } from '../quiz/take-quiz.js';
import type { Catalog } from './catalog-contents.js';
import { requireLesson } from './catalog-lookup.js';
import { courseAssetBaseUrl, courseDataBaseUrl, lessonModuleUrl } from './course-urls.js';
import { lessonStanding } from './lesson-standing.js';
import type { LoadedCourse } from './load-course.js';
import { courseLanguages } from './translations/course-language.js';

/** Who reads which course (in the language they read it in), out of which catalog. */
export interface LessonScope {
  db: Db;
  learnerId: string;
  catalog: Catalog;
  course: LoadedCourse;
}

function notOpened(what: string): DomainRefusal {
  return new DomainRefusal('conflict', `Open the lesson before recording ${what}.`, { reason: 'lesson.not-opened' });
}

/** Marks the lesson opened and gives the page all it shows at once: text, place, progress, quizzes. */
export function openLesson(scope: LessonScope, lessonId: string): OpenedLesson {
  const { db, learnerId, catalog, course } = scope;
  const courseId = course.manifest.id;
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
    moduleUrl: lessonModuleUrl(lesson.moduleHash),
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
}

/** Where the lesson stands for the learner (done, how it gets done, how far the course is). */
export function standingOf(scope: LessonScope, lessonId: string) {
  const { index } = requireLesson(scope.course, lessonId);
  return lessonStanding(scope.db, scope.learnerId, scope.catalog, scope.course, index);
}

/** The lesson's end has been on screen: recorded once, for a lesson the learner opened. */
export function reachLessonEnd(scope: LessonScope, lessonId: string) {
  const { index } = requireLesson(scope.course, lessonId);
  if (!markLessonReachedEnd(scope.db, scope.learnerId, scope.course.manifest.id, lessonId)) {
    throw notOpened('that it was read to the end');
  }
  return lessonStanding(scope.db, scope.learnerId, scope.catalog, scope.course, index);
}

/** The learner's button on a lesson without graded work (lesson-standing.ts). */
export function completeLesson(db: Db, learnerId: string, course: LoadedCourse, lessonId: string) {
  requireLesson(course, lessonId);
  const courseId = course.manifest.id;
  const { status, updatedAt } = markLessonCompleted(db, learnerId, courseId, lessonId);
  return { courseId, lessonId, status, updatedAt };
}

/** Adds reading time and keeps the scroll position of a lesson the learner has open. */
export function recordLessonReading(
  db: Db,
  learnerId: string,
  course: LoadedCourse,
  lessonId: string,
  reading: { activeSeconds: number; scrollFraction: number },
) {
  requireLesson(course, lessonId);
  const record = recordReading(db, learnerId, course.manifest.id, lessonId, reading);
  if (!record) throw notOpened('reading time for it');
  return { timeSpentSeconds: record.timeSpentSeconds, scrollFraction: record.scrollFraction };
}
