import { expect, startAula, test } from './fixtures/aula-server.js';
import { chooseProfile, goToCourses } from './fixtures/profiles.js';

test('after a restart, the learner resumes at the last lesson and scroll position', async ({ page, dataDir, aulaOrigin }) => {
  const first = await startAula(dataDir);
  aulaOrigin.current = first.origin;
  try {
    await page.goto(first.url);
    await chooseProfile(page, 'Learner');
    await goToCourses(page);
    await page.getByRole('link', { name: 'Reading a table of figures' }).click();
    await page.getByRole('link', { name: 'Next lesson →' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Describing a set of figures' })).toBeVisible();
    const isReport = (url: string, data: unknown) =>
      url.endsWith('/api/progress.recordReading') && (data as { lessonId?: string } | null)?.lessonId === 'describing-figures';
    const saved = page.waitForRequest((request) => isReport(request.url(), request.postDataJSON()));
    const stored = page.waitForResponse(
      (response) => isReport(response.url(), response.request().postDataJSON()) && response.ok(),
    );
    await page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) * 0.6));
    // The position is sent once scrolling settles.
    const body = (await saved).postDataJSON() as { lessonId: string; scrollFraction: number };
    expect(body.lessonId).toBe('describing-figures');
    expect(body.scrollFraction).toBeCloseTo(0.6, 1);
    await stored;
  } finally {
    expect(await first.stop()).toBe(0);
  }

  const second = await startAula(dataDir);
  aulaOrigin.current = second.origin;
  try {
    await page.goto(second.url);
    await chooseProfile(page, 'Learner');
    await expect(page.locator('.resume-card')).toContainText('Describing a set of figures');
    await page.getByRole('link', { name: 'Continue reading' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Describing a set of figures' })).toBeAttached();
    await expect
      .poll(() => page.evaluate(() => window.scrollY / (document.documentElement.scrollHeight - window.innerHeight)))
      .toBeGreaterThan(0.5);
    const fraction = await page.evaluate(() => window.scrollY / (document.documentElement.scrollHeight - window.innerHeight));
    expect(fraction).toBeLessThan(0.7);

    // The course list offers the same place.
    await goToCourses(page);
    await expect(
      page.getByRole('article', { name: 'Getting started with data in your organisation' }).getByRole('link', {
        name: 'Continue where you left off',
      }),
    ).toHaveAttribute('href', '#/courses/sample/lessons/describing-figures');
  } finally {
    await second.stop();
  }
});
