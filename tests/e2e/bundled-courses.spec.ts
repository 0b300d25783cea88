/**
 * Every course that ships with Aula can be completed: in browser mode, on a fresh data folder, a
 * learner opens every lesson (each must show whole: no error, no broken image), passes the quizzes
 * the course's completion rule asks for (for the bundled courses: the final assessment) through
 * the real quiz UI with the answers from the course's own quiz files, and then sees the course as
 * completed on their home page and in the catalog.
 */
import type { Page } from '@playwright/test';
import type { QuizDefinition } from '../../electron/quiz/quiz-definition.js';
import { BUNDLED_COURSES, expect, startAula, test } from './fixtures/aula-server.js';
import { readBundledCourse, type CourseFiles } from './fixtures/course-files.js';
import { chooseProfile, goToCourses } from './fixtures/profiles.js';
import { answerQuizWithKeyboard } from './fixtures/quiz-answers.js';
import { lessonContent } from './fixtures/lesson-frame.js';

const BUNDLED_COURSE_IDS = ['data-foundations', 'process-innovation', 'social-business-models'];
const LEARNER = 'Learner';

/** The quizzes a learner must pass by the course's `completion` rule (electron/courses/completion-rule.ts). */
function quizzesTheRuleNeeds(course: CourseFiles): QuizDefinition[] {
  const rule = course.manifest.completion;
  const all = [...course.quizzes.values()];
  switch (rule.rule) {
    case 'final-assessment':
      return all.filter((quiz) => quiz.id === rule.quiz);
    case 'some-quizzes':
      return all.slice(0, rule.count);
    case 'all-quizzes':
      return all;
  }
}

/**
 * Problems a learner would meet anywhere along the way: scripts that crash, and files or calls
 * on the app's origin that fail. (Requests that leave the origin are the offline guard's job.)
 */
function recordPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${new URL(response.url()).pathname}`);
  });
  return problems;
}

function courseCard(page: Page, course: CourseFiles) {
  return page.getByRole('article', { name: course.manifest.title, exact: true });
}

function lessonLinks(page: Page, course: CourseFiles) {
  return courseCard(page, course)
    .getByRole('list', { name: `Lessons of ${course.manifest.title}`, exact: true })
    .getByRole('link');
}

async function goHome(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My learning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${LEARNER}` })).toBeVisible();
}

/** Waits until the lesson has loaded all its parts, and fails if any part shows an error or an image is broken. */
async function expectLessonShownWhole(page: Page, title: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
  const lesson = lessonContent(page);
  // Quizzes, tables, charts and exercises show a busy placeholder until their data has arrived.
  await expect(lesson.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
  const alerts = [...(await page.getByRole('alert').allInnerTexts()), ...(await lesson.getByRole('alert').allInnerTexts())];
  expect(alerts, `errors shown in lesson "${title}"`).toEqual([]);
  // Images load lazily, so bring each into view before asking whether it loaded. The frame comes
  // into view first: Chromium does not run a sandboxed frame's animation frames while the frame is
  // wholly below the fold, and Playwright waits for those before it scrolls an element inside it.
  await page.locator('iframe.lesson-frame').evaluate((frame) => frame.scrollIntoView({ block: 'start' }));
  for (const image of await lesson.locator('img').all()) {
    await image.scrollIntoViewIfNeeded();
    await expect
      .poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0), {
        message: `image ${await image.getAttribute('src')} in lesson "${title}" loads`,
      })
      .toBe(true);
  }
}

/**
 * Opens every lesson of the course in order, from the catalog and then with "Next lesson", and
 * returns, for each quiz asked for, the first lesson that shows it.
 */
async function openEveryLesson(page: Page, course: CourseFiles, quizzes: QuizDefinition[]): Promise<Map<string, number>> {
  const { manifest } = course;
  await goToCourses(page);
  expect(await page.getByRole('alert').allInnerTexts(), 'courses that could not be opened').toEqual([]);
  await expect(lessonLinks(page, course)).toHaveCount(manifest.lessons.length);
  const titles = await lessonLinks(page, course).allInnerTexts();
  const quizLessons = new Map<string, number>();

  for (const [index, lesson] of manifest.lessons.entries()) {
    const title = titles[index]!;
    if (index === 0) await lessonLinks(page, course).first().click();
    else await page.getByRole('navigation', { name: 'Lesson navigation' }).getByRole('link', { name: 'Next lesson →' }).click();
    await expect(page).toHaveURL(new RegExp(`#/courses/${manifest.id}/lessons/${lesson.id}$`));
    await expectLessonShownWhole(page, title);
    for (const quiz of quizzes) {
      if (quizLessons.has(quiz.id)) continue;
      if ((await lessonContent(page).getByRole('region', { name: quiz.title, exact: true }).count()) > 0)
        quizLessons.set(quiz.id, index);
    }
  }
  for (const quiz of quizzes) {
    expect(quizLessons.has(quiz.id), `a lesson of ${manifest.id} shows quiz "${quiz.id}"`).toBe(true);
  }
  return quizLessons;
}

/** Where the learner's home page lists the course: under "In progress" or under "Completed". */
async function expectListedOnHome(page: Page, course: CourseFiles, section: 'In progress' | 'Completed'): Promise<void> {
  await goHome(page);
  const other = section === 'Completed' ? 'In progress' : 'Completed';
  const title = course.manifest.title;
  await expect(page.locator(`h2:text-is("${section}") + ul`).getByRole('heading', { name: title, exact: true })).toBeVisible();
  await expect(page.locator(`h2:text-is("${other}") + ul`).getByRole('heading', { name: title, exact: true })).toHaveCount(0);
}

async function passQuiz(page: Page, course: CourseFiles, quiz: QuizDefinition, lessonIndex: number): Promise<void> {
  await goToCourses(page);
  const link = lessonLinks(page, course).nth(lessonIndex);
  const title = await link.innerText();
  await link.click();
  await expectLessonShownWhole(page, title);
  await answerQuizWithKeyboard(page, quiz, { fromTitle: true });
}

async function expectCourseCompleted(page: Page, course: CourseFiles): Promise<void> {
  await expectListedOnHome(page, course, 'Completed');
  const row = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: course.manifest.title, exact: true }) });
  await expect(row).toContainText('100% complete');
  await expect(row).toContainText('completed on');
  await goToCourses(page);
  await expect(courseCard(page, course)).toContainText('Course completed');
  await expect(courseCard(page, course)).toContainText('100% complete');
}

/** The completed course offers its certificate on the learner's home; it then lists under My certificates. */
async function obtainCertificate(page: Page, course: CourseFiles): Promise<void> {
  const title = course.manifest.title;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My learning' }).click();
  const completed = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
  await completed.getByRole('button', { name: `Get your certificate for ${title}` }).click();
  await expect(completed.getByRole('status')).toContainText(`Your certificate for “${title}” is ready.`);
  await completed.getByRole('link', { name: 'See my certificates' }).click();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
  await expect(card).toContainText(LEARNER);
  await expect(card.locator('code').first()).toHaveText(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
}

for (const courseId of BUNDLED_COURSE_IDS) {
  test(`a learner completes the bundled course ${courseId} by its completion rule and gets its certificate`, async ({
    page,
    dataDir,
    aulaOrigin,
  }) => {
    // Every lesson opened and a final of up to 20 questions answered by keyboard: on a busy
    // machine the longest course takes more than the default 90 s.
    test.slow();
    const course = readBundledCourse(courseId);
    const quizzes = quizzesTheRuleNeeds(course);
    expect(quizzes.length, `quizzes the completion rule of ${courseId} asks for`).toBeGreaterThan(0);
    const problems = recordPageProblems(page);
    // This spec is about the courses that ship with Aula: it starts on courses/ itself.
    const aula = await startAula(dataDir, { courses: [BUNDLED_COURSES] });
    aulaOrigin.current = aula.origin;
    try {
      await page.goto(aula.url);
      await chooseProfile(page, LEARNER);
      const quizLessons = await openEveryLesson(page, course, quizzes);
      // Opening the lessons alone does not complete the course: the quizzes decide.
      await expectListedOnHome(page, course, 'In progress');
      for (const quiz of quizzes) await passQuiz(page, course, quiz, quizLessons.get(quiz.id)!);
      await expectCourseCompleted(page, course);
      await obtainCertificate(page, course);
      expect(problems, 'errors and failed requests along the way').toEqual([]);
    } finally {
      await aula.stop();
    }
  });
}
