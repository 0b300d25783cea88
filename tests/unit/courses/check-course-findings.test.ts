import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCourse } from '../../../electron/courses/check/check-course.js';
import { loadCatalog } from '../../../electron/courses/catalog.js';
import { copyCourse, makeTempDir, REPO_ROOT } from '../../helpers/temp-dir.js';

// Each fixture course has one kind of mistake a trainer made (issue 17). The report must name
// exactly the file, line and column to change, and print nothing else: no knock-on messages.
const fixture = (name: string) => path.join(REPO_ROOT, 'tests', 'fixtures', 'courses', 'check', name);
const reportOf = async (name: string) => (await checkCourse(fixture(name))).format();

describe('course check finds what learners would hit', () => {
  it('reports chart columns that are not in the CSV file or the inline data, and a y column of text', async () => {
    expect(await reportOf('chart-columns')).toEqual([
      'lessons/01-parcels.mdx:16:3 error: <Chart y="parcel">: data/parcels.csv has no column "parcel"; its columns are: month, parcels, households, kg_per_parcel',
      `lessons/01-parcels.mdx:21:56 error: <Chart y="month">: the column "month" of data/parcels.csv does not hold only numbers, and a chart's y must`,
      'lessons/01-parcels.mdx:29:3 error: <Chart x="weeks">: its data has no column "weeks"; its columns are: week, volunteers',
    ]);
  });

  it('reports a quiz file with a YAML error once, not also as missing where a lesson shows it', async () => {
    expect(await reportOf('broken-quiz-yaml')).toEqual([
      'quizzes/first-check.yaml:7:5 error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('puts the real position of an unclosed tag in the prefix, and does not call its quiz unused', async () => {
    expect(await reportOf('unclosed-tag')).toEqual([
      'lessons/01-first.mdx:12:1 error: MDX syntax: <Callout> is never closed: close it with </Callout>, or write <Callout ... /> if it has no content',
    ]);
  });

  it('gives the app (and course preview) the same position for the unclosed tag, by the course id', async () => {
    const temp = makeTempDir();
    try {
      const catalog = await loadCatalog([fixture('unclosed-tag')], path.join(temp.dir, 'lesson-cache'));
      const problem =
        'unclosed-tag/lessons/01-first.mdx:12:1 <Callout> is never closed: close it with </Callout>, or write <Callout ... /> if it has no content';
      expect(catalog.problems).toEqual([problem]);
      expect([...catalog.failedCourses]).toEqual([['unclosed-tag', problem]]);
    } finally {
      temp.remove();
    }
  });

  it('points a YAML indentation error at the line indented too far', async () => {
    expect(await reportOf('yaml-indentation')).toEqual([
      'quizzes/first-check.yaml:6:7 error: this line is indented differently from the lines around it, so YAML reads it as part of the line above; line it up with the other keys of its block (YAML says: Nested mappings are not allowed in compact mappings)',
    ]);
  });

  it('reports frontmatter mistakes at their line in the lesson, without a knock-on compile error', async () => {
    expect(await reportOf('frontmatter-positions')).toEqual([
      'lessons/01-first.mdx:3:10 error: in the frontmatter, minutes: Invalid input: expected number, received string',
      'lessons/02-second.mdx:3:3 error: in the frontmatter, this line is indented differently from the lines around it, so YAML reads it as part of the line above; line it up with the other keys of its block (YAML says: Nested mappings are not allowed in compact mappings)',
    ]);
  });

  it('gives the app (and course preview) the same frontmatter positions, for the schema and for YAML syntax', async () => {
    const temp = makeTempDir();
    try {
      const courseDir = copyCourse(fixture('frontmatter-positions'), temp.dir);
      const cacheDir = path.join(temp.dir, 'lesson-cache');
      expect((await loadCatalog([courseDir], cacheDir)).problems).toEqual([
        'frontmatter-positions/lessons/01-first.mdx:3:10 in the frontmatter, minutes: Invalid input: expected number, received string',
      ]);
      const first = path.join(courseDir, 'lessons', '01-first.mdx');
      fs.writeFileSync(first, fs.readFileSync(first, 'utf8').replace('minutes: ten', 'minutes: 10'));
      expect((await loadCatalog([courseDir], cacheDir)).problems).toEqual([
        'frontmatter-positions/lessons/02-second.mdx:3:3 in the frontmatter, this line is indented differently from the lines around it, so YAML reads it as part of the line above; line it up with the other keys of its block (YAML says: Nested mappings are not allowed in compact mappings)',
      ]);
    } finally {
      temp.remove();
    }
  });

  it('says how to write a decimal answer key instead of "expected number, received string"', async () => {
    expect(await reportOf('decimal-comma')).toEqual([
      'quizzes/mean-check.yaml:7:13 error: questions.0.answer: write 12.5 in YAML: numbers in course files take a decimal point, not a comma (learners may still type 12,5)',
    ]);
  });

  it('reports a final assessment naming a quiz the course does not have, which the app would refuse', async () => {
    expect(await reportOf('missing-final-quiz')).toEqual([
      'course.yaml:11:9 error: completion.quiz: there is no quiz "final-test" in quizzes/',
    ]);
  });

  it('warns about lessons that do not end with a references section, in the course language', async () => {
    const report = await checkCourse(fixture('references-ca'));
    expect(report.errorCount).toBe(0);
    expect(report.format()).toEqual([
      'lessons/02-sense.mdx:10:1 warning: the lesson has no references section: end it with "## Referències" or "## References" listing your sources',
      'lessons/03-despres.mdx:12:1 warning: the references section should be the lesson\'s last section, but "## Exercici" comes after it',
    ]);
  });
});
