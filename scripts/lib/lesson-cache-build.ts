import fs from 'node:fs';
import path from 'node:path';
import { findCourseFolders, loadCatalog } from '../../electron/courses/catalog.js';
import { YAML_VALUE_CACHE_FILE } from '../../electron/course-source/yaml-value-cache.js';
import { BUNDLED_COURSES_DIR, PREBUILT_LESSON_CACHE_DIR } from './project-paths.js';

export interface LessonCacheBuild {
  dir: string;
  compiled: number;
  reused: number;
  /** Bundled course folders that could not be loaded, with the reason. */
  problems: string[];
}

/**
 * Compiles the bundled courses' lessons (and parses their YAML) into dist/lesson-cache, the
 * read-only cache the core consults before compiling into a data folder: a new data folder then
 * opens without compiling anything. Entries are keyed by content hash, so unchanged lessons are
 * reused from the previous build, and entries no bundled lesson uses any more are removed.
 * The folder holds only files named by hash, so it can be copied anywhere with the app's files.
 */
export async function buildBundledLessonCache(
  dir: string = PREBUILT_LESSON_CACHE_DIR,
  coursesRoot: string = BUNDLED_COURSES_DIR,
): Promise<LessonCacheBuild> {
  const catalog = await loadCatalog(findCourseFolders(coursesRoot), dir);
  const keep = new Set([YAML_VALUE_CACHE_FILE]);
  for (const hash of catalog.lessonModules.keys()) keep.add(`${hash}.js`).add(`${hash}.json`);
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!keep.has(name)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  }
  return { dir, compiled: catalog.counts.compiled, reused: catalog.counts.reused, problems: [...catalog.problems] };
}
