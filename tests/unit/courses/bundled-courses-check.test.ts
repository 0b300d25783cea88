import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCourse } from '../../../electron/courses/check/check-course.js';
import { REPO_ROOT } from '../../helpers/temp-dir.js';

/**
 * The courses that ship with Aula are the example trainers copy, and learners' progress is keyed
 * by their ids: each must pass `course check` with nothing to report, which for courses that use
 * `assesses:` also means every lesson objective is assessed by a question or an exercise.
 */
describe('the bundled courses', () => {
  const coursesDir = path.join(REPO_ROOT, 'courses');
  const courses = fs
    .readdirSync(coursesDir)
    .filter((name) => fs.existsSync(path.join(coursesDir, name, 'course.yaml')))
    .sort();

  it('are found', () => {
    expect(courses).toEqual(expect.arrayContaining(['process-innovation', 'social-business-models']));
  });

  it.each(courses)(
    '%s passes course check without errors or warnings',
    async (course) => {
      const report = await checkCourse(path.join(coursesDir, course));
      expect(report.format()).toEqual([]);
    },
    60_000,
  );
});
