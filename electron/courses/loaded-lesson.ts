/**
 * What loading a course makes of each lesson, apart from load-course.ts so that the translations'
 * loader, which load-course uses, can name it without importing load-course back.
 */
import type { LessonFrontmatter } from './course-manifest.js';

export interface LoadedLesson extends LessonFrontmatter {
  id: string;
  /** Content hash of the compiled module: its URL is /lessons/<hash>.js. */
  moduleHash: string;
  /** Where the compiled module is on disk. */
  modulePath: string;
  /** The quizzes the lesson shows, in the order of their ids (empty for packs made before Aula recorded them). */
  quizIds: string[];
  /** The exercises and canvases the lesson shows (empty for packs made before Aula recorded them). */
  exerciseIds: string[];
  canvasIds: string[];
}

export interface CompileCounts {
  compiled: number;
  reused: number;
}
