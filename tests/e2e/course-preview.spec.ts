import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, REPO_ROOT, startAulaScript, test } from './fixtures/aula-server.js';
import { chooseProfile, goToCourses } from './fixtures/profiles.js';
import { lessonContent } from './fixtures/lesson-frame.js';

test('course preview reloads the page on save and shows a compile error instead of a blank page', async ({
  page,
  aulaOrigin,
}) => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-preview-'));
  const courseDir = path.join(workDir, 'rotas');
  fs.cpSync(path.join(REPO_ROOT, 'courses', 'sample'), courseDir, { recursive: true });
  const preview = await startAulaScript(['scripts/course.ts', 'preview', courseDir, '--no-open']);
  aulaOrigin.current = preview.origin;
  try {
    await page.goto(preview.url);
    await chooseProfile(page, 'Preview');
    await goToCourses(page);
    await page.getByRole('link', { name: 'Reading a table of figures' }).click();
    await expect(lessonContent(page).getByRole('heading', { level: 2, name: 'Rows, columns and what they mean' })).toBeVisible();

    const lesson = path.join(courseDir, 'lessons', '02-reading-a-table.mdx');
    const original = fs.readFileSync(lesson, 'utf8');
    fs.writeFileSync(lesson, original.replace('## Rows, columns and what they mean', '## Rows and columns, explained'));
    await expect(lessonContent(page).getByRole('heading', { level: 2, name: 'Rows and columns, explained' })).toBeVisible({
      timeout: 20_000,
    });

    fs.writeFileSync(lesson, original.replace('## Reading a change', '<Callout>\n\n## Reading a change'));
    await page.goto(`${preview.origin}/#/courses`);
    await expect(page.getByRole('alert')).toContainText(/lessons\/02-reading-a-table\.mdx:\d+:\d+ .*closing tag/, {
      timeout: 20_000,
    });
    await expect(page.getByRole('heading', { level: 1, name: 'Courses' })).toBeVisible();

    fs.writeFileSync(lesson, original);
    await expect(page.getByRole('link', { name: 'Reading a table of figures' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
  } finally {
    await preview.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
});
