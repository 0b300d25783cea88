/**
 * `npm start -- --courses DIR`: Aula shows the courses of the given folders instead of the bundled
 * ones, whether DIR is a course folder or a folder of course folders. Every other spec relies on
 * it (startAula starts on the tests' own courses), so it is checked here on its own.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findCourseFolders } from '../../electron/courses/catalog.js';
import { readCourseManifest } from '../../electron/courses/load-course.js';
import {
  BUNDLED_COURSES,
  FIXTURE_COURSES_DIR,
  REPO_ROOT,
  SAMPLE_FIXTURE_COURSE,
  callChannel,
  expect,
  startAula,
  test,
  type AulaProcess,
} from './fixtures/aula-server.js';

async function catalogIds(aula: AulaProcess): Promise<string[]> {
  const [learner] = await callChannel(aula, 'learners.list', {});
  const { session } = await callChannel(aula, 'learners.open', { learnerId: learner!.id });
  return (await callChannel(aula, 'catalog.list', { session })).map((course) => course.id).sort();
}

test('--courses shows exactly the courses of the given course folders and folders of courses', async ({ dataDir }) => {
  // A folder of course folders (its own sub-folders) beside a single course folder.
  const root = path.join(dataDir, 'course-root');
  fs.mkdirSync(root);
  fs.cpSync(path.join(FIXTURE_COURSES_DIR, 'translated'), path.join(root, 'translated'), { recursive: true });
  fs.cpSync(path.join(FIXTURE_COURSES_DIR, 'translated-data'), path.join(root, 'translated-data'), { recursive: true });
  const aula = await startAula(path.join(dataDir, 'data'), { courses: [SAMPLE_FIXTURE_COURSE, root] });
  try {
    expect(await catalogIds(aula)).toEqual(['sample', 'translated', 'translated-data']);
  } finally {
    await aula.stop();
  }
});

test('without --courses, the bundled courses are shown', async ({ dataDir }) => {
  const bundled = findCourseFolders(BUNDLED_COURSES)
    .map((folder) => readCourseManifest(folder).id)
    .sort();
  const aula = await startAula(dataDir, { courses: [] });
  try {
    expect(await catalogIds(aula)).toEqual(bundled);
  } finally {
    await aula.stop();
  }
});

test('--courses with a folder that is not there stops the start with one line', () => {
  const missing = path.join(REPO_ROOT, 'no-such-courses');
  const result = spawnSync(process.execPath, ['scripts/launch.mjs', '--browser', '--no-open', '--courses', missing], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  expect(result.status).toBe(1);
  expect(result.stderr.trim()).toBe(`Aula: --courses: ${missing} is not a folder.`);
});
