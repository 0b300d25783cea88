import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { checkCourse } from '../../electron/courses/check/check-course.js';
import { copyCourse, makeTempDir } from './temp-dir.js';

/**
 * A fixture course copied afresh into a temporary folder before each test of the `describe` that
 * calls this, to be changed one file at a time and checked with `course check`. `edit` fails the
 * test when its change finds nothing to change, so a fixture edited away can't make a test pass.
 */
export function courseToEdit(source: string, { underCourses = false } = {}) {
  let temp: ReturnType<typeof makeTempDir>;
  let dir = '';
  beforeEach(() => {
    temp = makeTempDir();
    dir = copyCourse(source, underCourses ? path.join(temp.dir, 'courses') : temp.dir);
  });
  afterEach(() => temp.remove());

  const file = (relative: string) => path.join(dir, relative);
  return {
    get dir() {
      return dir;
    },
    /** The temporary folder the course was copied into (for other files a test needs). */
    get tempDir() {
      return temp.dir;
    },
    file,
    edit(relative: string, change: (text: string) => string): void {
      const before = fs.readFileSync(file(relative), 'utf8');
      const after = change(before);
      expect(after).not.toBe(before);
      fs.writeFileSync(file(relative), after);
    },
    findings: async () => (await checkCourse(dir)).format(),
  };
}
