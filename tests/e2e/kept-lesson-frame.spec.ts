/**
 * The frame of a learner's lesson is kept for their next lesson of the same course (it renders
 * there without booting again), and nothing it kept reaches further than the lesson shown now:
 * what the previous lesson's code may still send about its own quiz is refused, and the kept frame
 * goes when the profile closes, so another learner's lesson starts in a new frame.
 */
import path from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { expect, REPO_ROOT, startAula, test } from './fixtures/aula-server.js';
import { placeCourseInDataDir } from './fixtures/install-course-folder.js';
import { lessonContent } from './fixtures/lesson-frame.js';
import { chooseProfile } from './fixtures/profiles.js';

const COURSE = path.join(REPO_ROOT, 'tests', 'fixtures', 'courses', 'translated');
const FIRST = { href: '#/courses/translated/lessons/counting', title: 'Counting what you hand out' };
const SECOND = { title: 'The route of a parcel' };

/** The document inside the lesson's frame on screen now. */
async function shownLessonFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator('iframe.lesson-frame').elementHandle())?.contentFrame();
  if (!frame) throw new Error('no lesson frame on the page');
  return frame;
}

/** Leaves a mark in the frame's own JavaScript realm: it is there as long as the frame's document is. */
async function markFrame(frame: Frame, mark: string): Promise<void> {
  await frame.evaluate((value) => {
    (window as unknown as { keptMark?: string }).keptMark = value;
  }, mark);
}

async function frameMark(frame: Frame): Promise<string | null> {
  return frame.evaluate(() => (window as unknown as { keptMark?: string }).keptMark ?? null);
}

/**
 * From inside the frame, as a lesson's code would: a call of the bridge, and the page's answer to it.
 * (What code of an earlier lesson, left running in a kept frame, could send.)
 */
async function callFromFrame(frame: Frame, channel: string, args: Record<string, unknown>) {
  return frame.evaluate(
    ({ channel: name, args: callArgs }) =>
      new Promise<{ ok: boolean; error?: { code: string } }>((resolve) => {
        const id = 900_001;
        window.addEventListener('message', (event: MessageEvent) => {
          const data = event.data as { kind?: string; id?: number; ok: boolean; error?: { code: string } };
          if (data.kind === 'result' && data.id === id) resolve({ ok: data.ok, error: data.error });
        });
        window.parent.postMessage({ kind: 'call', id, channel: name, args: callArgs }, '*');
      }),
    { channel, args },
  );
}

test('the next lesson of the course renders in the kept frame, and what the previous lesson may still send is refused', async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  placeCourseInDataDir(dataDir, COURSE);
  const aula = await startAula(dataDir, { learners: ['Ana'] });
  aulaOrigin.current = aula.origin;
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('Aula refused a message from the lesson')) refusals.push(message.text());
  });
  try {
    await page.goto(aula.url);
    await chooseProfile(page, 'Ana');
    await page.goto(`${aula.origin}/${FIRST.href}`);
    await expect(page.getByRole('heading', { level: 1, name: FIRST.title })).toBeVisible();
    await expect(lessonContent(page).getByRole('heading', { name: 'Counting check' })).toBeVisible();
    const first = await shownLessonFrame(page);
    await markFrame(first, 'the counting lesson was here');
    // The lesson's own quiz, from its own frame: answered.
    expect(await callFromFrame(first, 'quiz.get', { courseId: 'translated', quizId: 'counting-check' })).toEqual({
      ok: true,
      error: undefined,
    });

    await page
      .getByRole('navigation', { name: 'Lesson navigation' })
      .getByRole('link', { name: /Next lesson/ })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: SECOND.title })).toBeVisible();
    await expect(page.locator('article.lesson')).toHaveAttribute('aria-busy', 'false');
    const second = await shownLessonFrame(page);
    // The same document: the frame was kept, not booted again.
    expect(await frameMark(second)).toBe('the counting lesson was here');
    await expect(lessonContent(page).getByRole('heading', { name: 'Counting check' })).toHaveCount(0);

    // What the first lesson's code, still running there, could ask about its own quiz: refused now.
    const refusedBefore = refusals.length;
    expect(await callFromFrame(second, 'quiz.get', { courseId: 'translated', quizId: 'counting-check' })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'forbidden' }),
    });
    expect(refusals.slice(refusedBefore)).toEqual([
      'Aula refused a message from the lesson translated/the-route: quiz.get on a quiz this lesson does not show (counting-check)',
    ]);
  } finally {
    await aula.stop();
  }
});

test("a kept frame goes when the profile closes: the next learner's lesson starts in a new frame and cannot reach the first learner's course", async ({
  page,
  dataDir,
  aulaOrigin,
}) => {
  placeCourseInDataDir(dataDir, COURSE);
  const aula = await startAula(dataDir, { learners: ['Ana', 'Bo'] });
  aulaOrigin.current = aula.origin;
  try {
    await page.goto(aula.url);
    await chooseProfile(page, 'Ana');
    await page.goto(`${aula.origin}/${FIRST.href}`);
    await expect(page.getByRole('heading', { level: 1, name: FIRST.title })).toBeVisible();
    await expect(page.locator('article.lesson')).toHaveAttribute('aria-busy', 'false');
    await markFrame(await shownLessonFrame(page), "Ana's frame");

    // Back on the catalog, the frame waits out of sight for Ana's next lesson of the course.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Courses' })).toBeVisible();
    const waiting = page.locator('#waiting-lesson-frames iframe');
    await expect(waiting).toHaveCount(1);
    const marks = async () =>
      Promise.all(
        page
          .frames()
          .slice(1)
          .map((frame) => frameMark(frame)),
      );
    expect(await marks()).toContain("Ana's frame");

    await page.getByRole('button', { name: 'Switch profile' }).click();
    await expect(waiting).toHaveCount(0);
    expect(await marks()).not.toContain("Ana's frame");

    await chooseProfile(page, 'Bo');
    await page.goto(`${aula.origin}/#/courses/sample/lessons/data-you-already-have`);
    await expect(page.getByRole('heading', { level: 1, name: 'The data your organisation already has' })).toBeVisible();
    await expect(page.locator('article.lesson')).toHaveAttribute('aria-busy', 'false');
    const bosFrame = await shownLessonFrame(page);
    expect(await frameMark(bosFrame)).toBeNull();
    expect(await marks()).not.toContain("Ana's frame");
    // Bo's lesson cannot name the course Ana was reading.
    expect(await callFromFrame(bosFrame, 'quiz.get', { courseId: 'translated', quizId: 'counting-check' })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'forbidden' }),
    });
  } finally {
    await aula.stop();
  }
});
