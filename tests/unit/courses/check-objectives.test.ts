import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCourse } from '../../../electron/courses/check/check-course.js';
import { LessonFrontmatterSchema } from '../../../electron/courses/course-manifest.js';
import { copyCourse, makeTempDir, REPO_ROOT } from '../../helpers/temp-dir.js';

const FIXTURE = path.join(REPO_ROOT, 'tests', 'fixtures', 'courses', 'objective-links');

describe('objectives and the questions and exercises that assess them', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let courseDir: string;
  const edit = (relative: string, change: (text: string) => string) => {
    const file = path.join(courseDir, relative);
    const before = fs.readFileSync(file, 'utf8');
    const after = change(before);
    expect(after, `the edit of ${relative} changed nothing`).not.toBe(before);
    fs.writeFileSync(file, after);
  };
  beforeEach(() => {
    temp = makeTempDir();
    courseDir = copyCourse(FIXTURE, temp.dir);
  });
  afterEach(() => temp.remove());

  it('passes a course where every objective is assessed', async () => {
    expect((await checkCourse(courseDir)).format()).toEqual([]);
  });

  it('reports an assesses entry that names no objective, where it is', async () => {
    edit('quizzes/middle-check.yaml', (text) => text.replace('assesses: [find-median]', 'assesses: [find-the-median]'));
    const lines = (await checkCourse(courseDir)).format();
    expect(lines).toContain(
      'quizzes/middle-check.yaml:8:16 error: assesses "find-the-median", but no lesson of this course has an objective with that id',
    );
    // The objective it meant is now assessed by nothing.
    expect(lines).toContain(
      'lessons/01-middle.mdx:5:9 warning: objective "Find the median of a small data set" is not assessed by any question or exercise: add "find-median" to the assesses: list of a question or exercise that tests it',
    );
  });

  it('warns about an objective that nothing assesses, at its line in the lesson', async () => {
    edit('exercises/total-parcels.yaml', (text) => text.replace('assesses: [add-a-column]\n', ''));
    expect((await checkCourse(courseDir)).format()).toEqual([
      'lessons/02-totals.mdx:5:9 warning: objective "Add up a column of a table" is not assessed by any question or exercise: add "add-a-column" to the assesses: list of a question or exercise that tests it',
    ]);
  });

  it('warns about a plain-text objective once the course uses assesses', async () => {
    edit('lessons/02-totals.mdx', (text) => text.replace('objectives:\n', 'objectives:\n  - Read a CSV file\n'));
    expect((await checkCourse(courseDir)).format()).toEqual([
      'lessons/02-totals.mdx:5:5 warning: objective "Read a CSV file" is not assessed by any question or exercise: give it an id (- id: ..., text: ...) and name that id in a question or exercise',
    ]);
  });

  it('stays quiet about coverage in a course that never uses assesses', async () => {
    for (const file of ['quizzes/middle-check.yaml', 'exercises/total-parcels.yaml'])
      edit(file, (text) => text.replace(/^ *assesses:.*\n(?: {6}- .*\n)?/gm, ''));
    expect((await checkCourse(courseDir)).format()).toEqual([]);
  });

  it('reports an objective id used twice in the course', async () => {
    edit('lessons/02-totals.mdx', (text) => text.replace('id: add-a-column', 'id: find-median'));
    const lines = (await checkCourse(courseDir)).format();
    expect(lines).toContain(
      'lessons/02-totals.mdx:5:9 error: objective id "find-median" is already used in lessons/01-middle.mdx:5; objective ids must be unique within the course',
    );
  });

  it('refuses an objective id that is not kebab-case', async () => {
    edit('lessons/01-middle.mdx', (text) => text.replace('id: find-median', 'id: Find Median'));
    expect((await checkCourse(courseDir)).format().join('\n')).toMatch(
      /lessons\/01-middle\.mdx:5:9 error: in the frontmatter, objectives\.0\.id: must be lower-case/,
    );
  });
});

describe('lesson frontmatter objectives', () => {
  it('accepts plain strings and id/text mappings, and gives the app the text of each', () => {
    const parsed = LessonFrontmatterSchema.parse({
      title: 'Describing data',
      objectives: ['Compute a mean', { id: 'find-median', text: 'Find the median' }],
    });
    expect(parsed.objectives).toEqual(['Compute a mean', 'Find the median']);
  });

  it('refuses a mapping without text or with unknown keys', () => {
    expect(LessonFrontmatterSchema.safeParse({ title: 'T', objectives: [{ id: 'a' }] }).success).toBe(false);
    expect(LessonFrontmatterSchema.safeParse({ title: 'T', objectives: [{ id: 'a', text: 'A', weight: 2 }] }).success).toBe(
      false,
    );
  });
});
