import { expectNoSeriousA11yViolations } from './fixtures/accessibility.js';
import { expect, test } from './fixtures/aula-server.js';
import { chooseProfile } from './fixtures/profiles.js';

const SAMPLE = 'Getting started with data in your organisation';

test('a new learner is pointed to the introductory course, whose page shows what it teaches and what the certificate needs', async ({
  page,
  aula,
}) => {
  await page.goto(aula.url);
  await chooseProfile(page, 'Learner');
  // Nothing started yet: the home suggests the course marked introductory, with its cover.
  const startHere = page.getByRole('region', { name: SAMPLE }).getByRole('link', { name: 'Start the course' });
  await expect(startHere).toBeVisible();
  await expect(page.locator('.start-here-cover')).toHaveAttribute('src', '/course-files/sample/assets/cover.svg');
  await expectNoSeriousA11yViolations(page, 'the new learner home');
  await startHere.click();

  await expect(page).toHaveURL(/#\/courses\/sample$/);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: "What you'll learn" })).toBeVisible();
  const lessons = page.getByRole('list', { name: `Lessons of ${SAMPLE}` }).getByRole('listitem');
  await expect(lessons.first()).toContainText('Not started');
  await expect(page.getByRole('heading', { level: 2, name: 'What the certificate needs' })).toBeVisible();
  await expect(page.getByText(/Open every lesson \(0 of \d+ opened\)/)).toBeVisible();
  await expect(page.locator('.course-start')).toContainText('0% complete');
  await expectNoSeriousA11yViolations(page, 'the course page');

  // The one button starts at the first lesson; back on the course page it has become "Continue".
  const firstLesson = (await lessons.first().getByRole('link').innerText()).trim();
  await page.getByRole('link', { name: 'Start the course' }).click();
  await expect(page).toHaveURL(/#\/courses\/sample\/lessons\//);
  await expect(page.getByRole('heading', { level: 1, name: firstLesson })).toBeVisible();
  await page.goto(`${aula.origin}/#/courses/sample`);
  await expect(page.getByRole('link', { name: `Continue: ${firstLesson}` })).toBeVisible();
  await expect(page.getByText(/Open every lesson \(1 of \d+ opened\)/)).toBeVisible();
  await expect(lessons.first()).toContainText('In progress');

  // The catalog's card links to the course page and offers to continue.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }).click();
  const card = page.getByRole('article', { name: SAMPLE });
  await expect(card.getByRole('link', { name: 'Continue where you left off' })).toBeVisible();
  await card.getByRole('link', { name: 'About this course' }).click();
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE })).toBeVisible();

  // "My certificates" lists what is still to do for each course.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Certificates' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Certificates still to earn' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: SAMPLE })).toContainText(/Open every lesson \(1 of \d+ opened\)/);

  // In Catalan, with the numbers and words of Catalan.
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ca');
  await page.goto(`${aula.origin}/#/courses/sample`);
  await expect(page.getByRole('heading', { level: 2, name: 'Què aprendràs' })).toBeVisible();
  // The sample course has a Catalan translation, so its lessons are listed in Catalan too.
  const firstLessonInCatalan = (
    await page
      .getByRole('list', { name: /^Lliçons de / })
      .getByRole('listitem')
      .first()
      .getByRole('link')
      .innerText()
  ).trim();
  expect(firstLessonInCatalan).toBe('Les dades que la teva organització ja té');
  await expect(page.getByRole('link', { name: `Continua: ${firstLessonInCatalan}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the course page in Catalan');
});
