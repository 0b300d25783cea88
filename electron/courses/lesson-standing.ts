/**
 * Where a lesson stands in its course for the open learner: whether it is done by the course's
 * rule, how it gets done (its work, or the learner's button when it has none), and how far the
 * course is. The lesson page shows this; it never decides completion itself.
 */
import type { LessonStanding } from '../contract/channels.js';
import { findLearner } from '../db/learners.js';
import type { Db } from '../db/open-database.js';
import type { Catalog } from './catalog.js';
import { evaluateMastery } from './course-mastery.js';
import type { LoadedCourse, LoadedLesson } from './load-course.js';
import { courseInLanguage, learnerCourseLanguage } from './translations/course-language.js';

/**
 * A lesson with graded work (a quiz, an exercise or a canvas) completes when the learner has read
 * it to the end and done all of that work; only a lesson with none of it is completed by the
 * learner's button (reaching its end alone says the page went by, not that it was understood: the
 * button is the learner saying so, and it was the rule these lessons were written for).
 */
export function lessonCompletesBy(course: LoadedCourse, lesson: LoadedLesson): LessonStanding['completesBy'] {
  const hasWork =
    lesson.quizIds.some((id) => course.quizzes.has(id)) ||
    lesson.exerciseIds.some((id) => course.exercises.has(id)) ||
    lesson.canvasIds.length > 0;
  return hasWork ? 'work' : 'button';
}

/**
 * The next course of the catalog the learner has not completed yet, to suggest once this one is,
 * titled in the language the learner would read it in. `course` may be a translated copy of the
 * catalog's (course-language.ts), so its place in the catalog is found by id.
 */
function nextCourse(db: Db, learnerId: string, catalog: Catalog, course: LoadedCourse): LessonStanding['nextCourse'] {
  const courses = [...catalog.courses.values()];
  const index = courses.findIndex((candidate) => candidate.manifest.id === course.manifest.id);
  // The courses after this one first, then the ones before it.
  const candidates = [...courses.slice(index + 1), ...courses.slice(0, Math.max(0, index))];
  const next = candidates.find((candidate) => !evaluateMastery(db, learnerId, candidate).mastered);
  if (!next) return null;
  const interfaceLanguage = findLearner(db, learnerId)?.language ?? next.manifest.language;
  const shown = courseInLanguage(next, learnerCourseLanguage(db, learnerId, interfaceLanguage, next));
  return { id: shown.manifest.id, title: shown.manifest.title };
}

export function lessonStanding(
  db: Db,
  learnerId: string,
  catalog: Catalog,
  course: LoadedCourse,
  lessonIndex: number,
): LessonStanding {
  const lesson = course.lessons[lessonIndex] as LoadedLesson;
  const mastery = evaluateMastery(db, learnerId, course);
  return {
    done: mastery.lessons[lessonIndex]?.done ?? false,
    completesBy: lessonCompletesBy(course, lesson),
    reachedEnd: mastery.lessons[lessonIndex]?.reachedEnd ?? false,
    lessonsDone: mastery.lessonsCompleted,
    lessonCount: mastery.lessonCount,
    percentComplete: mastery.percentComplete,
    courseMastered: mastery.mastered,
    certificate: course.manifest.certificate?.enabled ?? true,
    // Only worth looking for once there is something to celebrate.
    nextCourse: mastery.mastered ? nextCourse(db, learnerId, catalog, course) : null,
  };
}
