import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { parseDocument } from 'yaml';
import type { Catalog } from './catalog-contents.js';
import { MANIFEST_FILE, loadCourse, yieldToEventLoop, type LoadedCourse } from './load-course.js';
import { YAML_VALUE_CACHE_FILE, YamlValueCache } from '../course-source/yaml-value-cache.js';

export { CatalogHolder, emptyCatalog, type Catalog } from './catalog-contents.js';

/** Every folder directly under `root` that has a course.yaml. */
export function findCourseFolders(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && !entry.name.startsWith('.') && fs.existsSync(path.join(root, entry.name, MANIFEST_FILE)),
    )
    .map((entry) => path.join(root, entry.name))
    .sort();
}

/** Of two courses with one id (say, bundled and installed), the higher version wins; on a tie, the first. */
function preferred(current: LoadedCourse, candidate: LoadedCourse): LoadedCourse {
  const a = semver.valid(current.manifest.version);
  const b = semver.valid(candidate.manifest.version);
  return a && b && semver.gt(b, a) ? candidate : current;
}

/** The id a course folder's course.yaml gives, even when the course itself cannot be loaded. */
function courseIdOf(folder: string): string | undefined {
  try {
    const id: unknown = parseDocument(fs.readFileSync(path.join(folder, MANIFEST_FILE), 'utf8')).get('id');
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads every course folder. `prebuiltLessonDir` is the read-only cache of the bundled courses'
 * lessons and parsed YAML that `npm run build` writes (dist/lesson-cache); what it lacks is
 * compiled or parsed into `lessonCacheDir` (the data folder's cache).
 */
export async function loadCatalog(courseFolders: string[], lessonCacheDir: string, prebuiltLessonDir?: string): Promise<Catalog> {
  // Built here, then handed out as an unchangeable Catalog.
  const catalog = {
    courses: new Map<string, LoadedCourse>(),
    problems: [] as string[],
    failedCourses: new Map<string, string>(),
    counts: { compiled: 0, reused: 0 },
    lessonCacheDir,
    lessonModules: new Map<string, string>(),
  };
  const yamlCache = new YamlValueCache(
    path.join(lessonCacheDir, YAML_VALUE_CACHE_FILE),
    prebuiltLessonDir ? path.join(prebuiltLessonDir, YAML_VALUE_CACHE_FILE) : undefined,
  );
  for (const folder of courseFolders) {
    await yieldToEventLoop();
    try {
      const course = await loadCourse(folder, lessonCacheDir, catalog.counts, yamlCache, prebuiltLessonDir);
      const existing = catalog.courses.get(course.manifest.id);
      catalog.courses.set(course.manifest.id, existing ? preferred(existing, course) : course);
    } catch (error) {
      const problem = `${path.basename(folder)}/${error instanceof Error ? error.message : String(error)}`;
      catalog.problems.push(problem);
      const id = courseIdOf(folder);
      if (id && !catalog.failedCourses.has(id)) catalog.failedCourses.set(id, problem);
    }
  }
  yamlCache.save();
  for (const course of catalog.courses.values()) {
    for (const lesson of course.lessons) catalog.lessonModules.set(lesson.moduleHash, lesson.modulePath);
    for (const translation of course.translations.values()) {
      for (const lesson of translation.lessons) catalog.lessonModules.set(lesson.moduleHash, lesson.modulePath);
    }
    // The course still opens in its other languages; the trainer learns why one is missing.
    for (const problem of course.translationProblems) catalog.problems.push(`${path.basename(course.dir)}/${problem}`);
  }
  return catalog;
}
