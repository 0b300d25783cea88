import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh folder under the OS temp dir; remove it with the returned function. */
export function makeTempDir(prefix = 'aula-test-'): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
/**
 * The tests' own frozen copy of the bundled sample course (tests/fixtures/courses/sample): core
 * tests that need a whole course use it, so a trainer editing courses/sample breaks none of them.
 * Tests about the bundled courses themselves read courses/ directly.
 */
export const SAMPLE_COURSE_DIR = path.join(REPO_ROOT, 'tests', 'fixtures', 'courses', 'sample');

/** Copies a course folder so a test can change it without touching the real one. */
export function copyCourse(source: string, targetRoot: string, name = path.basename(source)): string {
  const target = path.join(targetRoot, name);
  fs.cpSync(source, target, { recursive: true });
  return target;
}

/**
 * A course root holding only the tests' sample course, for tests of the core that need a course
 * but not the bundled ones (compiling all of them on each fresh data folder would only slow tests down).
 */
export function sampleOnlyCourseRoot(tempDir: string): string {
  const root = path.join(tempDir, 'bundled-courses');
  if (!fs.existsSync(root)) copyCourse(SAMPLE_COURSE_DIR, root);
  return root;
}
