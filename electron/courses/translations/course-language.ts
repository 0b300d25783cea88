/**
 * Which language a learner reads a course in: the one they picked for that course, else their
 * interface language when the course has it, else the course's main language. Progress is kept by
 * id, so switching loses nothing.
 */
import type { Db } from '../../db/open-database.js';
import { readSetting, writeSetting } from '../../db/settings.js';
import type { LoadedCourse } from '../load-course.js';

/** The course's languages, main language first. */
export function courseLanguages(course: LoadedCourse): string[] {
  return [course.manifest.language, ...course.translations.keys()];
}

/** The same course with the words of `language` (ids, structure and answer keys unchanged). */
export function courseInLanguage(course: LoadedCourse, language: string): LoadedCourse {
  const translation = course.translations.get(language);
  if (!translation) return course;
  return {
    ...course,
    manifest: { ...course.manifest, title: translation.title, summary: translation.summary },
    lessons: translation.lessons,
    quizzes: translation.quizzes,
    exercises: translation.exercises,
    shownLanguage: language,
  };
}

// A settings row per learner and course keeps the choice without a schema migration of its own.
const settingKey = (learnerId: string, courseId: string) => `course-language/${learnerId}/${courseId}`;

export function chosenCourseLanguage(db: Db, learnerId: string, courseId: string): string | undefined {
  return readSetting(db, settingKey(learnerId, courseId));
}

export function chooseCourseLanguage(db: Db, learnerId: string, courseId: string, language: string): void {
  writeSetting(db, settingKey(learnerId, courseId), language);
}

/** The language `learnerId` reads `course` in, given their interface language. */
export function learnerCourseLanguage(db: Db, learnerId: string, interfaceLanguage: string, course: LoadedCourse): string {
  const available = courseLanguages(course);
  const chosen = chosenCourseLanguage(db, learnerId, course.manifest.id);
  if (chosen && available.includes(chosen)) return chosen;
  return available.includes(interfaceLanguage) ? interfaceLanguage : course.manifest.language;
}
