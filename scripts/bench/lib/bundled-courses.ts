/**
 * The courses that ship with Aula, loaded with the app's own loader: what the synthetic data
 * refers to, which lessons the page measurements open, and which lessons use which components.
 */
import fs from 'node:fs';
import path from 'node:path';
import { findCourseFolders, loadCatalog, type Catalog } from '../../../electron/courses/catalog.js';
import { BUNDLED_COURSES_DIR, PREBUILT_LESSON_CACHE_DIR } from '../../lib/project-paths.js';

export interface BundledLesson {
  courseId: string;
  lessonId: string;
  title: string;
  /** The route the catalog links to. */
  href: string;
  source: string;
}

export async function loadBundledCourses(lessonCacheDir: string): Promise<Catalog> {
  const catalog = await loadCatalog(findCourseFolders(BUNDLED_COURSES_DIR), lessonCacheDir, PREBUILT_LESSON_CACHE_DIR);
  if (catalog.problems.length > 0) throw new Error(`bundled courses with problems:\n${catalog.problems.join('\n')}`);
  if (catalog.courses.size === 0) throw new Error(`no courses in ${BUNDLED_COURSES_DIR}`);
  return catalog;
}

/** Every lesson of every bundled course, in catalog order, with its MDX source. */
export function bundledLessons(catalog: Catalog): BundledLesson[] {
  return [...catalog.courses.values()].flatMap((course) =>
    course.lessons.map((lesson) => {
      const entry = course.manifest.lessons.find((candidate) => candidate.id === lesson.id);
      if (!entry) throw new Error(`lesson ${lesson.id} is not in ${course.manifest.id}'s manifest`);
      return {
        courseId: course.manifest.id,
        lessonId: lesson.id,
        title: lesson.title,
        href: `#/courses/${course.manifest.id}/lessons/${lesson.id}`,
        source: fs.readFileSync(path.join(course.dir, entry.file), 'utf8'),
      };
    }),
  );
}

/** Whether a lesson's MDX uses a component, e.g. `<Chart ...>`. */
export function usesComponent(lesson: BundledLesson, component: string): boolean {
  return new RegExp(`<${component}[\\s/>]`).test(lesson.source);
}
