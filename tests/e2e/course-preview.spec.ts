import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, SAMPLE_FIXTURE_COURSE, startAulaScript, test } from './fixtures/aula-server.js';
import { chooseProfile, goToCourses } from './fixtures/profiles.js';
import { lessonContent } from './fixtures/lesson-frame.js';

test('course preview reloads the lesson on save, shows a compile error with its position in the lesson page, and recovers', async ({
  page,
  aulaOrigin,
}) => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-preview-'));
  const courseDir = path.join(workDir, 'rotas');
  fs.cpSync(SAMPLE_FIXTURE_COURSE, courseDir, { recursive: true });
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

    // A tag that is never closed: the lesson page shows the file, line and column the terminal prints.
    const brokenLine = original.split('\n').indexOf('### Reading a change') + 1;
    expect(brokenLine).toBeGreaterThan(0);
    fs.writeFileSync(lesson, original.replace('### Reading a change', '<Callout kind="tip">\n\n### Reading a change'));
    const problem = page.getByRole('alert');
    await expect(problem).toContainText(`rotas/lessons/02-reading-a-table.mdx:${brokenLine}:1 <Callout> is never closed`, {
      timeout: 20_000,
    });
    await expect(problem).not.toContainText('is not installed');

    // Fixed and saved: the same page shows the lesson again.
    fs.writeFileSync(lesson, original);
    await expect(lessonContent(page).getByRole('heading', { level: 2, name: 'Rows, columns and what they mean' })).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByRole('alert')).toHaveCount(0);
  } finally {
    await preview.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
});
