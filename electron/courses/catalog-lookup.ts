/** Finding what a call names in the catalog: a course, one of its lessons, one of its quizzes; refused when absent. */
import type { QuizDefinition } from '../quiz/quiz-definition.js';
import { DomainRefusal } from '../domain/domain-refusal.js';
import type { Catalog } from './catalog-contents.js';
import type { LoadedCourse, LoadedLesson } from './load-course.js';

export function requireCourse(catalog: Catalog, courseId: string): LoadedCourse {
  const course = catalog.courses.get(courseId);
  const problem = course ? undefined : catalog.failedCourses.get(courseId);
  if (problem) {
    // Installed, but its files have a problem (a trainer's bad save in `course preview`): say which.
    throw new DomainRefusal(
      'not-found',
      `The course "${courseId}" could not be opened because of a problem in its files: ${problem}`,
      { reason: 'course.not-loaded', params: { course: courseId }, details: [problem] },
    );
  }
  if (!course) {
    throw new DomainRefusal('not-found', `The course "${courseId}" is not installed.`, {
      reason: 'course.not-installed',
      params: { course: courseId },
    });
  }
  return course;
}

/** The lesson and its place in the course (for previous/next), or a not-found refusal. */
export function requireLesson(course: LoadedCourse, lessonId: string): { lesson: LoadedLesson; index: number } {
  const index = course.lessons.findIndex((lesson) => lesson.id === lessonId);
  const lesson = course.lessons[index];
  if (!lesson) {
    throw new DomainRefusal('not-found', `The course "${course.manifest.id}" has no lesson "${lessonId}".`, {
      reason: 'lesson.not-found',
      params: { course: course.manifest.id, lesson: lessonId },
    });
  }
  return { lesson, index };
}

export function requireQuiz(course: LoadedCourse, quizId: string): QuizDefinition {
  const quiz = course.quizzes.get(quizId);
  if (!quiz) {
    throw new DomainRefusal('not-found', `The course "${course.manifest.id}" has no quiz "${quizId}".`, {
      reason: 'quiz.not-found',
      params: { course: course.manifest.id, quiz: quizId },
    });
  }
  return quiz;
}
