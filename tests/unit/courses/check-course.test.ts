import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCourse } from '../../../electron/courses/check/check-course.js';
import { copyCourse, makeTempDir, REPO_ROOT } from '../../helpers/temp-dir.js';

const TOUR = path.join(REPO_ROOT, 'tests', 'fixtures', 'courses', 'components-tour');

describe('course check on exercises', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let courseDir: string;
  const edit = (relative: string, change: (text: string) => string) => {
    const file = path.join(courseDir, relative);
    fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
  };
  beforeEach(() => {
    temp = makeTempDir();
    courseDir = copyCourse(TOUR, temp.dir);
  });
  afterEach(() => temp.remove());

  it('passes the fixture course that uses every component', async () => {
    const report = await checkCourse(courseDir);
    expect(report.format()).toEqual([]);
  });

  it('reports a misspelt exercise key at its line', async () => {
    edit('exercises/mean-parcels.yaml', (text) => text.replace('tolerance:', 'tolerence:'));
    const report = await checkCourse(courseDir);
    expect(report.format().join('\n')).toMatch(/exercises\/mean-parcels\.yaml:\d+:\d+ error: .*tolerence/);
  });

  it('runs each SQL reference query and reports one that fails', async () => {
    edit('exercises/households-per-month.yaml', (text) => text.replace(/solution: .*/, 'solution: SELECT households FROM nowhere'));
    const report = await checkCourse(courseDir);
    expect(report.format().join('\n')).toMatch(/exercises\/households-per-month\.yaml:1:1 error: the solution query fails: .*nowhere/);
  });

  it('reports an exercise used in a lesson but defined nowhere', async () => {
    fs.rmSync(path.join(courseDir, 'exercises', 'mean-parcels.yaml'));
    const report = await checkCourse(courseDir);
    expect(report.format().join('\n')).toMatch(/error: exercise "mean-parcels" is used here but no exercises\/\*\.yaml defines it/);
  });
});
