/**
 * Where the core serves a course's files on the app's own origin, in both shells (app-files.ts
 * serves them; lesson and catalog views hand these URLs to the renderer).
 */
import type { LoadedCourse } from './load-course.js';

export const LESSON_MODULE_PATH = '/lessons/';
export const COURSE_FILES_PATH = '/course-files/';

/** The URL of a compiled lesson module, by its content hash. */
export function lessonModuleUrl(moduleHash: string): string {
  return `${LESSON_MODULE_PATH}${moduleHash}.js`;
}

/**
 * Where a course's assets are served. In a translation, `translations/<lang>/assets/...` gives
 * the translation's copy of a file when it has one, else the main one (app-files.ts).
 */
export function courseAssetBaseUrl(courseId: string, language?: string): string {
  return `${COURSE_FILES_PATH}${courseId}/${language ? `translations/${language}/` : ''}assets/`;
}

/** Where a course's CSV files (its `data/` folder) are served, for DataTable, Chart and exercises. */
export function courseDataBaseUrl(courseId: string, language?: string): string {
  return `${COURSE_FILES_PATH}${courseId}/${language ? `translations/${language}/` : ''}data/`;
}

/** The URL of a course's cover image, or null when its manifest names none. */
export function courseCoverUrl(course: LoadedCourse): string | null {
  const cover = course.manifest.cover;
  return cover ? `${courseAssetBaseUrl(course.manifest.id)}${cover.slice('assets/'.length)}` : null;
}
