import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkCourse } from '../../../electron/courses/check/check-course.js';
import { REPO_ROOT } from '../../helpers/temp-dir.js';

/**
 * The courses that ship with Aula are the example trainers copy, and learners' progress is keyed
 * by their ids: each must pass `course check` with nothing to report, which for courses that use
 * `assesses:` also means every lesson objective is assessed by a question or an exercise, and for
 * courses with `translations:` that every translation has all the main language's text.
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

  // Every translation the course lists is checked too (check-translations.ts); each adds its lessons to compile.
  for (const course of courses) {
    const manifest = parse(fs.readFileSync(path.join(coursesDir, course, 'course.yaml'), 'utf8')) as { translations?: unknown[] };
    const translations = Array.isArray(manifest.translations) ? manifest.translations.length : 0;
    it(
      `${course} and its ${translations} translations pass course check without errors or warnings`,
      async () => {
        const report = await checkCourse(path.join(coursesDir, course));
        expect(report.format()).toEqual([]);
      },
      60_000 * (1 + translations),
    );
  }
});
