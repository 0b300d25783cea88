import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../electron/courses/catalog.js';
import { copyCourse, makeTempDir, REPO_ROOT } from '../../helpers/temp-dir.js';

const TOUR = path.join(REPO_ROOT, 'docs', 'examples', 'components-tour');

describe('loading a course with exercises', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let course: string;
  const load = async () => loadCatalog([course], path.join(temp.dir, 'cache'));
  const write = (relative: string, text: string) => fs.writeFileSync(path.join(course, relative), text);

  beforeEach(() => {
    temp = makeTempDir();
    course = copyCourse(TOUR, temp.dir);
  });
  afterEach(() => temp.remove());

  it('loads every exercise with the tables and diagram it names', async () => {
    const catalog = await load();
    expect(catalog.problems).toEqual([]);
    const exercises = catalog.courses.get('components-tour')!.exercises;
    expect([...exercises.keys()].sort()).toEqual([
      'fix-sign-up',
      'households-by-district',
      'households-per-month',
      'mean-parcels',
    ]);
    const sql = exercises.get('households-per-month')!;
    expect(sql.tables.map((table) => [table.name, table.file, table.rows.length])).toEqual([['parcels', 'parcels.csv', 3]]);
    expect(exercises.get('fix-sign-up')!.startingDiagram).toContain('Check eligibility');
    expect(exercises.get('mean-parcels')!.definition).toMatchObject({ type: 'number', answer: 395.67, tolerance: 0.01 });
  });

  it.each([
    [
      'a misspelt key',
      'exercises/mean-parcels.yaml',
      (text: string) => text.replace('tolerance:', 'tolerence:'),
      /exercises\/mean-parcels\.yaml:\d+:\d+ Unrecognized key: "tolerence"/,
    ],
    [
      'an unknown type',
      'exercises/mean-parcels.yaml',
      (text: string) => text.replace('type: number', 'type: essay'),
      /exercises\/mean-parcels\.yaml:3:7 type: must be number, sql or process/,
    ],
    [
      'a missing CSV file',
      'exercises/households-per-month.yaml',
      (text: string) => text.replace('parcels: parcels.csv', 'parcels: parcel.csv'),
      /exercises\/households-per-month\.yaml tables\.parcels: data\/parcel\.csv does not exist/,
    ],
    [
      'a path out of the data folder',
      'exercises/households-per-month.yaml',
      (text: string) => text.replace('parcels: parcels.csv', 'parcels: ../course.yaml'),
      /exercises\/households-per-month\.yaml:6:\d+ tables\.parcels: must be a file name inside the folder .*no "\.\."/,
    ],
    [
      'an SQL table name with a space',
      'exercises/households-per-month.yaml',
      (text: string) => text.replace('  parcels: parcels.csv', '  my parcels: parcels.csv'),
      /households-per-month\.yaml:6:\d+ tables\.my parcels: the table name "my parcels" must be letters/,
    ],
    [
      'a missing starting diagram',
      'exercises/fix-sign-up.yaml',
      (text: string) => text.replace('sign-up.bpmn', 'signup.bpmn'),
      /exercises\/fix-sign-up\.yaml startingDiagram: assets\/signup\.bpmn does not exist/,
    ],
    [
      'an unknown rule kind',
      'exercises/fix-sign-up.yaml',
      (text: string) => text.replace('kind: task-exists', 'kind: task-is-blue'),
      /exercises\/fix-sign-up\.yaml:7:\d+ rules\.0.*task-exists, gateway-after-task or task-before-task/,
    ],
    [
      'a rule without its task',
      'exercises/fix-sign-up.yaml',
      (text: string) => text.replace('    task: Check eligibility\n', ''),
      /exercises\/fix-sign-up\.yaml:\d+:\d+ rules\.1\.task/,
    ],
    ['invalid YAML', 'exercises/mean-parcels.yaml', (text: string) => `${text}\n  : [`, /exercises\/mean-parcels\.yaml:\d+/],
  ])('refuses %s, naming the file', async (_what, file, change, message) => {
    write(file, change(fs.readFileSync(path.join(course, file), 'utf8')));
    const catalog = await load();
    expect(catalog.courses.size).toBe(0);
    expect(catalog.problems).toHaveLength(1);
    expect(catalog.problems[0]).toMatch(message);
  });

  it('refuses a starting diagram that is not BPMN', async () => {
    write('assets/sign-up.bpmn', '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    const catalog = await load();
    expect(catalog.problems[0]).toMatch(
      /exercises\/fix-sign-up\.yaml startingDiagram: assets\/sign-up\.bpmn is not a BPMN diagram/,
    );
  });

  it('refuses two exercises with one id, naming both files', async () => {
    write('exercises/zz-copy.yaml', fs.readFileSync(path.join(course, 'exercises', 'mean-parcels.yaml'), 'utf8'));
    const catalog = await load();
    expect(catalog.problems[0]).toMatch(
      /exercises\/zz-copy\.yaml exercise id "mean-parcels" is used by exercises\/mean-parcels\.yaml too/,
    );
  });

  it('loads a course without an exercises folder', async () => {
    fs.rmSync(path.join(course, 'exercises'), { recursive: true });
    fs.writeFileSync(path.join(course, 'lessons', '02-exercises.mdx'), '---\ntitle: Empty\n---\n\nNothing here.\n');
    const catalog = await load();
    expect(catalog.problems).toEqual([]);
    expect(catalog.courses.get('components-tour')!.exercises.size).toBe(0);
  });
});
