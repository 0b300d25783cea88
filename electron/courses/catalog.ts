import fs from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE, loadCourse, type CompileCounts, type LoadedCourse } from './load-course.js';

export interface Catalog {
  courses: Map<string, LoadedCourse>;
  /** Course folders that could not be loaded, with the reason; they are left out, the rest still works. */
  problems: string[];
  counts: CompileCounts;
  /** Folder holding the compiled lesson modules, served under /lessons/. */
  lessonCacheDir: string;
}

/** Every folder directly under `root` that has a course.yaml. */
export function findCourseFolders(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(root, entry.name, MANIFEST_FILE)))
    .map((entry) => path.join(root, entry.name))
    .sort();
}

export async function loadCatalog(courseFolders: string[], lessonCacheDir: string): Promise<Catalog> {
  const catalog: Catalog = { courses: new Map(), problems: [], counts: { compiled: 0, reused: 0 }, lessonCacheDir };
  for (const folder of courseFolders) {
    try {
      const course = await loadCourse(folder, lessonCacheDir, catalog.counts);
      if (catalog.courses.has(course.manifest.id)) {
        catalog.problems.push(`${folder}: course id "${course.manifest.id}" is already used by another course`);
        continue;
      }
      catalog.courses.set(course.manifest.id, course);
    } catch (error) {
      catalog.problems.push(`${path.basename(folder)}/${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return catalog;
}
