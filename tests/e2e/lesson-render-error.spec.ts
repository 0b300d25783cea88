import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, SAMPLE_FIXTURE_COURSE, startAula, test } from './fixtures/aula-server.js';
import { placeCourseInDataDir } from './fixtures/install-course-folder.js';
import { chooseProfile, goToCourses } from './fixtures/profiles.js';

test('a lesson that fails to render shows a message, and the rest of the app keeps working', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  // A course made for a newer Aula: its lesson uses a component this Aula does not have.
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-newer-course-'));
  const courseDir = path.join(workDir, 'newer');
  fs.cpSync(SAMPLE_FIXTURE_COURSE, courseDir, { recursive: true });
  const manifest = path.join(courseDir, 'course.yaml');
  fs.writeFileSync(
    manifest,
    fs
      .readFileSync(manifest, 'utf8')
      .replace('id: sample', 'id: newer')
      .replace(/^title: .*$/m, 'title: A course from the future'),
  );
  const lesson = path.join(courseDir, 'lessons', '02-reading-a-table.mdx');
  fs.writeFileSync(lesson, fs.readFileSync(lesson, 'utf8').replace('## Reading a change', '<Hologram />\n\n## Reading a change'));
  placeCourseInDataDir(dataDir, courseDir);

  const aula = await startAula(dataDir);
  aulaOrigin.current = aula.origin;
  try {
    await page.goto(aula.url);
    await chooseProfile(page, 'Learner');
    await goToCourses(page);
    await page
      .getByRole('article', { name: 'A course from the future' })
      .getByRole('link', { name: 'Reading a table of figures' })
      .click();
    await expect(page.getByRole('alert')).toContainText('Part of this lesson cannot be shown');
    await expect(page.getByRole('alert')).toContainText('Hologram');
    await expect(page.getByRole('heading', { level: 1, name: 'Reading a table of figures' })).toBeVisible();
    // The way back leads to the lesson's own course page.
    await page.getByRole('navigation', { name: 'Where you are' }).getByRole('link', { name: 'A course from the future' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'A course from the future' })).toBeVisible();
  } finally {
    await aula.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
});
