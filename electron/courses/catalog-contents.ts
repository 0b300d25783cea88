/**
 * What a catalog holds, apart from the code that loads it (catalog.ts, with the YAML parser and
 * the course schemas): browser mode starts serving with an empty catalog and fills it in place
 * once the courses are loaded, without loading that code before it listens.
 */
import type { CompileCounts, LoadedCourse } from './load-course.js';

export interface Catalog {
  courses: Map<string, LoadedCourse>;
  /** Course folders that could not be loaded, with the reason; they are left out, the rest still works. */
  problems: string[];
  /**
   * The same problems by the id of the course that failed, where its course.yaml still gives the
   * id: opening one of its lessons (say, in `course preview` after a bad save) then shows what is
   * wrong instead of "not installed".
   */
  failedCourses: Map<string, string>;
  counts: CompileCounts;
  /** Folder holding the compiled modules of source-folder courses. */
  lessonCacheDir: string;
  /** Every served lesson module: content hash to file on disk (in the cache or an installed course). */
  lessonModules: Map<string, string>;
}

export function emptyCatalog(lessonCacheDir: string): Catalog {
  return {
    courses: new Map(),
    problems: [],
    failedCourses: new Map(),
    counts: { compiled: 0, reused: 0 },
    lessonCacheDir,
    lessonModules: new Map(),
  };
}

/** Replaces a catalog's contents in place, so every holder of the object sees the new courses. */
export function replaceCatalog(target: Catalog, source: Catalog): void {
  target.courses = source.courses;
  target.problems = source.problems;
  target.failedCourses = source.failedCourses;
  target.counts = source.counts;
  target.lessonModules = source.lessonModules;
}
