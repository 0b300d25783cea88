/**
 * What a catalog holds, apart from the code that loads it (catalog.ts, with the YAML parser and
 * the course schemas): browser mode starts serving with an empty catalog in a holder and swaps
 * the loaded one in, without loading that code before it listens.
 */
import type { CompileCounts, LoadedCourse } from './load-course.js';

/**
 * One loaded set of courses, never changed once made: a reload makes a new one and swaps it into
 * the CatalogHolder, so a call that has read a catalog sees one consistent set to its end.
 */
export interface Catalog {
  readonly courses: ReadonlyMap<string, LoadedCourse>;
  /** Course folders that could not be loaded, with the reason; they are left out, the rest still works. */
  readonly problems: readonly string[];
  /**
   * The same problems by the id of the course that failed, where its course.yaml still gives the
   * id: opening one of its lessons (say, in `course preview` after a bad save) then shows what is
   * wrong instead of "not installed".
   */
  readonly failedCourses: ReadonlyMap<string, string>;
  readonly counts: Readonly<CompileCounts>;
  /** Folder holding the compiled modules of source-folder courses. */
  readonly lessonCacheDir: string;
  /** Every served lesson module: content hash to file on disk (in the cache or an installed course). */
  readonly lessonModules: ReadonlyMap<string, string>;
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

/**
 * The one place the core's current catalog lives. Every reader asks it for `current()` when it
 * needs the courses (never keeping the catalog it got at its creation), and a load or reload
 * (after an install, an uninstall, a trainer's edit in preview) swaps in a new catalog with
 * `replace`: browser mode can hold it from the moment it listens, before any course is loaded.
 */
export class CatalogHolder {
  #current: Catalog;

  constructor(initial: Catalog) {
    this.#current = initial;
  }

  current(): Catalog {
    return this.#current;
  }

  replace(next: Catalog): void {
    this.#current = next;
  }
}
