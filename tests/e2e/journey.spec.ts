import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, startAula, test } from './fixtures/aula-server.js';
import { chooseProfile, goToCourses } from './fixtures/profiles.js';
import { lessonContent, readToTheEnd } from './fixtures/lesson-frame.js';

test('a learner opens the sample course, answers questions, and finds it all again after a restart', async ({
  page,
  dataDir,
  aulaOrigin,
  foreignRequests,
}) => {
  const first = await startAula(dataDir);
  aulaOrigin.current = first.origin;
  try {
    await page.goto(first.url);
    // The launch URL's secret is swapped for a cookie and dropped from the address bar.
    await expect(page).toHaveURL(`${first.origin}/`);
    await chooseProfile(page, 'Learner');
    await goToCourses(page);
    const course = page.getByRole('article', { name: 'Getting started with data in your organisation' });
    await expect(course).toContainText('0% complete');

    await course.getByRole('link', { name: 'The data your organisation already has' }).click();
    const lesson = page.locator('article.lesson');
    const content = lessonContent(page);
    await expect(page.getByRole('heading', { level: 1, name: 'The data your organisation already has' })).toBeVisible();
    // Rendered from MDX: headings, text, a table, an image from the course's assets, a Callout.
    await expect(content.getByRole('heading', { level: 2, name: 'Data is already part of your work' })).toBeVisible();
    await expect(content.getByRole('table')).toContainText('Weekly parcel counts at a food bank');
    const image = content.getByRole('img', { name: /Three sources of data/ });
    // The image loads lazily: bring the frame, then the image, into view (Chromium does not paint a
    // sandboxed frame that is wholly below the fold).
    await page.locator('iframe.lesson-frame').evaluate((frame) => frame.scrollIntoView({ block: 'start' }));
    await image.scrollIntoViewIfNeeded();
    await expect(image).toBeVisible();
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(content.getByRole('complementary', { name: 'Start with what you have' })).toContainText(
      'list the records you already keep',
    );

    // A wrong answer: the chosen choice's feedback and the hint, and another try; the explanation
    // and the right option are not given yet.
    const personal = content.getByRole('form', { name: /Which of these records is personal data under the GDPR\?/ });
    await personal.getByLabel('The opening hours of the food bank').check();
    await personal.getByRole('button', { name: 'Check answer' }).click();
    const verdict = personal.getByRole('status');
    await expect(verdict).toContainText('Not quite.');
    await expect(verdict).toContainText('Opening hours describe the organisation');
    await expect(verdict).toContainText('you have 1 more try');
    await expect(verdict).not.toContainText('Totals such as parcel counts do not identify anyone');
    await expect(verdict).not.toContainText('The right answer');
    await expect(personal.getByText('Personal data is any information about a person who can be identified.')).toBeVisible();
    // The second try, wrong again: now the explanation and the right option, and the question is closed.
    await personal.getByLabel('The total number of parcels handed out in March').check();
    await personal.getByRole('button', { name: 'Check answer' }).click();
    await expect(verdict).toContainText('A total does not tell you anything about a particular person.');
    await expect(verdict).toContainText('Totals such as parcel counts do not identify anyone');
    await expect(verdict).toContainText('The right answer: A list of cooperative members with the rent each one pays');
    await expect(verdict).toContainText('Answer saved');
    await expect(personal.getByLabel('The opening hours of the food bank')).toBeDisabled();

    const special = content.getByRole('form', { name: /special categories/ });
    await special.getByLabel('Health data').check();
    await special.getByLabel('Religious beliefs').check();
    await special.getByRole('button', { name: 'Check answer' }).click();
    await expect(special.getByRole('status')).toContainText('Correct!');
    const anonymous = content.getByRole('form', { name: /names removed/ });
    await anonymous.getByLabel('False').check();
    await anonymous.getByRole('button', { name: 'Check answer' }).click();
    await expect(anonymous.getByRole('status')).toContainText('Correct!');
    // Two of three right passes this quiz (pass mark 60 %).
    await expect(content.locator('.attempt-summary')).toContainText('You scored 2 of 3 (66%). You passed');

    // Passing the quiz and reading on to the end complete the lesson by the course's rule: there is no button to press.
    await expect(lesson.getByRole('button', { name: 'Mark lesson as complete' })).toHaveCount(0);
    await readToTheEnd(page);
    await expect(lesson.getByText('You have completed this lesson.')).toBeVisible();
  } finally {
    expect(await first.stop(), first.output()).toBe(0);
  }

  // The server closed the database cleanly: the file passes SQLite's integrity check.
  const integrity = execFileSync(process.execPath, [
    '-e',
    `const D=require('better-sqlite3');const d=new D(${JSON.stringify(path.join(dataDir, 'aula.sqlite'))},{readonly:true});console.log(d.pragma('integrity_check',{simple:true}))`,
  ]).toString();
  expect(integrity.trim()).toBe('ok');

  const second = await startAula(dataDir);
  aulaOrigin.current = second.origin;
  try {
    await page.goto(second.url);
    await chooseProfile(page, 'Learner');
    await expect(page.getByText('Continue where you left off')).toBeVisible();
    await goToCourses(page);
    const course = page.getByRole('article', { name: 'Getting started with data in your organisation' });
    // One lesson completed and one quiz passed: two of six steps.
    await expect(course).toContainText('33% complete');
    await expect(course.getByRole('listitem').filter({ hasText: 'The data your organisation already has' })).toContainText(
      'Completed',
    );
    await course.getByRole('link', { name: 'The data your organisation already has' }).click();
    const lesson = page.locator('article.lesson');
    const content = lessonContent(page);
    await expect(content.getByLabel('The total number of parcels handed out in March')).toBeChecked();
    await expect(content.getByRole('status').filter({ hasText: 'Not quite.' })).toContainText(
      'The right answer: A list of cooperative members',
    );
    await expect(content.getByRole('status').filter({ hasText: 'You scored' })).toContainText('You passed');
    await expect(lesson.getByText('You have completed this lesson.')).toBeVisible();
  } finally {
    expect(await second.stop()).toBe(0);
  }
  expect(foreignRequests).toEqual([]);
});

test('the language switch changes the interface to Catalan and stays after a restart', async ({
  page,
  dataDir,
  aulaOrigin,
  foreignRequests,
}) => {
  const first = await startAula(dataDir);
  aulaOrigin.current = first.origin;
  try {
    await page.goto(first.url);
    // The profile picker follows the last language used on this PC...
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ca');
    await expect(page.getByRole('heading', { level: 1, name: 'Qui aprèn?' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ca');
    // ...and an open profile follows its own preference, which the switch changes.
    await page.getByRole('button', { name: 'Learner', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hello, Learner' })).toBeVisible();
    // The interface switches at once; the preference is stored in the background, so wait for it before stopping.
    const stored = page.waitForResponse((response) => response.url().endsWith('/api/learners.update') && response.ok());
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ca');
    await expect(page.getByRole('heading', { level: 1, name: 'Hola, Learner' })).toBeVisible();
    await stored;
  } finally {
    await first.stop();
  }
  const second = await startAula(dataDir);
  aulaOrigin.current = second.origin;
  try {
    await page.goto(second.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Qui aprèn?' })).toBeVisible();
    await page.getByRole('button', { name: 'Learner', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hola, Learner' })).toBeVisible();
    await page.getByRole('link', { name: 'Cursos', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Cursos' })).toBeVisible();
    await expect(page.getByLabel('Idioma')).toHaveValue('ca');
  } finally {
    await second.stop();
  }
  expect(foreignRequests).toEqual([]);
});

test('the lesson page runs under a Content-Security-Policy without unsafe-eval', async ({ page, dataDir, aulaOrigin }) => {
  const aula = await startAula(dataDir);
  aulaOrigin.current = aula.origin;
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  try {
    const response = await page.goto(aula.url);
    const csp = (await response?.allHeaders())?.['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    // 'wasm-unsafe-eval' (WebAssembly for sql.js) is allowed; 'unsafe-eval' (strings as code) never.
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toContain("'unsafe-inline'");
    await chooseProfile(page, 'Learner');
    await goToCourses(page);
    await page.getByRole('link', { name: 'Reading a table of figures' }).click();
    await expect(lessonContent(page).getByRole('table')).toContainText('Households served');
    // String evaluation is what 'unsafe-eval' would allow: the page must report it as a violation.
    const evalOutcome = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => resolve(`blocked ${event.blockedURI}`), { once: true });
          // A string handler is compiled like eval: exactly what 'unsafe-eval' would permit.
          window.setTimeout('document.title = "evaluated"' as unknown as () => void, 0);
          window.setTimeout(() => resolve(document.title === 'evaluated' ? 'evaluated' : 'no event'), 1000);
        }),
    );
    expect(evalOutcome).toBe('blocked eval');
    // The only violation is the one provoked above: the app itself needs no exception.
    expect(violations.filter((text) => !/unsafe-eval|'eval'/.test(text))).toEqual([]);
  } finally {
    await aula.stop();
  }
});
