/**
 * A learner in each language a course is translated into reads it in that language from the first
 * run on: the course page, a lesson with a quiz and an exercise (answered), and the certificate,
 * without meeting English: neither the interface's (fixtures/english-check.ts) nor the course's
 * main-language words. Runs for every translation the test fixture course lists, and for every one
 * data-foundations lists in its course.yaml (a bundled course, checked as it ships).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { INTERFACE_LANGUAGES, isLanguage } from '../../electron/contract/channels.js';
import { loadQuizzes, readCourseManifest } from '../../electron/courses/load-course.js';
import { translatedFile } from '../../electron/courses/translations/load-translations.js';
import { overlayQuiz } from '../../electron/courses/translations/translation-overlay.js';
import { QuizTranslationSchema } from '../../electron/courses/translations/translation-schemas.js';
import type { QuizDefinition } from '../../electron/quiz/quiz-definition.js';
import { callApi, pageSession, rightAnswer } from './fixtures/api-answers.js';
import { BUNDLED_COURSES, expect, FIXTURE_COURSES_DIR, startAula, test } from './fixtures/aula-server.js';
import { englishLeftOn, englishPhrases, folderText, leaves, readLocale } from './fixtures/english-check.js';
import { lessonContent, lessonFrame } from './fixtures/lesson-frame.js';

interface TranslatedCourse {
  dir: string;
  /** The folder Aula is started with (`--courses`): the course itself, or all of courses/ for a bundled one. */
  courses: string;
}

const COURSES: TranslatedCourse[] = [
  { dir: path.join(FIXTURE_COURSES_DIR, 'translated'), courses: path.join(FIXTURE_COURSES_DIR, 'translated') },
  // The translations of a course that ships with Aula are checked on the course itself, as shipped.
  { dir: path.join(BUNDLED_COURSES, 'data-foundations'), courses: BUNDLED_COURSES },
];

const readYaml = (file: string) => parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
const frontmatterTitle = (file: string) => {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(fs.readFileSync(file, 'utf8'));
  return String((parse(match?.[1] ?? '') as { title?: unknown }).title ?? '');
};

/**
 * The main language's words a learner would see if a translation were missing: titles, objectives,
 * quiz titles, prompts and choices, exercise prompts. Words the translation writes the same way
 * (numbers, names) are not counted.
 */
function mainLanguageTexts(dir: string, language: string, quizzes: Map<string, QuizDefinition>): string[] {
  const translatedText = folderText([path.join(dir, 'translations', language)]);
  const texts: string[] = [];
  for (const quiz of quizzes.values()) {
    texts.push(quiz.title);
    for (const question of quiz.questions) {
      texts.push(question.prompt);
      if (question.type === 'single-choice' || question.type === 'multiple-choice')
        texts.push(...question.choices.map((c) => c.text));
    }
  }
  const exercises = path.join(dir, 'exercises');
  for (const name of fs.existsSync(exercises) ? fs.readdirSync(exercises) : []) {
    texts.push(String(readYaml(path.join(exercises, name)).prompt ?? ''));
  }
  return [...new Set(texts.map((text) => text.trim()))].filter(
    (text) => text.split(/\s+/).length >= 3 && !translatedText.includes(text.toLowerCase()),
  );
}

/** The first lesson that shows both a quiz and an exercise, with its id and the quiz it shows first. */
function lessonWithQuizAndExercise(dir: string) {
  const manifest = readCourseManifest(dir);
  for (const lesson of manifest.lessons) {
    const source = fs.readFileSync(path.join(dir, lesson.file), 'utf8');
    const quizId = /<Quiz\s+id="([^"]+)"/.exec(source)?.[1];
    if (quizId && /<NumberExercise\s+id="/.test(source)) return { ...lesson, quizId };
  }
  throw new Error(`${dir} has no lesson with a quiz and a number exercise`);
}

async function sessionOf(page: Page): Promise<string> {
  const session = await pageSession(page);
  if (!session) throw new Error('no open profile');
  return session;
}

for (const course of COURSES) {
  const manifest = readCourseManifest(course.dir);
  for (const language of manifest.translations.filter(isLanguage)) {
    test(`${manifest.id} in ${INTERFACE_LANGUAGES[language]} (${language}): first run to certificate without English`, async ({
      page,
      dataDir,
      aulaOrigin,
    }) => {
      test.setTimeout(240_000);
      const words = leaves(readLocale(language));
      const say = (key: string, params: Record<string, string> = {}) => {
        const text = words.get(key);
        if (text === undefined) throw new Error(`${language}.json has no ${key}`);
        return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '');
      };
      const quizFiles = new Map<string, string>();
      const quizzes = loadQuizzes(course.dir, undefined, quizFiles);
      // The answers as the learner sees them in the language (matching options are matched by their words).
      const translatedKey = (quizId: string, quiz: QuizDefinition) => {
        const file = path.join(course.dir, translatedFile(language, quizFiles.get(quizId) ?? ''));
        return overlayQuiz(quiz, fs.existsSync(file) ? QuizTranslationSchema.parse(readYaml(file)) : undefined);
      };
      const title = String(readYaml(path.join(course.dir, translatedFile(language, 'course.yaml'))).title);
      const lesson = lessonWithQuizAndExercise(course.dir);
      const lessonTitle = frontmatterTitle(path.join(course.dir, translatedFile(language, lesson.file)));
      // Course text in the language is content, so interface phrases it contains are not counted.
      const phrases = [
        ...englishPhrases(language, folderText([path.join(course.dir, 'translations', language)])),
        ...mainLanguageTexts(course.dir, language, quizzes),
      ];
      const aula = await startAula(dataDir, { learners: [], courses: [course.courses] });
      aulaOrigin.current = aula.origin;
      try {
        await page.goto(aula.url);
        await page.getByRole('main').getByRole('combobox').selectOption(language);
        await page.getByRole('textbox', { name: say('profiles.name') }).fill('Ona Vidal');
        await page.getByRole('button', { name: say('profiles.firstRun.start') }).click();
        await expect(page.getByRole('heading', { level: 1, name: say('home.title', { name: 'Ona Vidal' }) })).toBeVisible();

        // The course page: the title in the language, its languages listed, no note (the language is there).
        await page.goto(`${aula.origin}/#/courses/${manifest.id}`);
        await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
        await expect(page.getByRole('combobox', { name: say('course.language') })).toHaveValue(language);
        await expect(page.getByRole('note')).toHaveCount(0);
        expect(await englishLeftOn(page, phrases), 'English on the course page').toEqual([]);

        // A lesson with a quiz and an exercise, both answered.
        await page.goto(`${aula.origin}/#/courses/${manifest.id}/lessons/${lesson.id}`);
        await expect(page.getByRole('heading', { level: 1, name: lessonTitle })).toBeVisible();
        const content = lessonContent(page);
        // A question with choices (the quiz may shuffle its questions): pick one and save it.
        const question = content
          .locator('form.question')
          .filter({ has: lessonFrame(page).locator('input[type="radio"], input[type="checkbox"]') })
          .first();
        await expect(question).toBeVisible();
        await question.locator('input[type="radio"], input[type="checkbox"]').first().check();
        await question.getByRole('button', { name: new RegExp(`^(${say('quiz.save')}|${say('quiz.check')})$`) }).click();
        await expect(question.getByRole('status')).toBeVisible();
        const exercise = content.getByRole('region', { name: say('exercise.title.number') }).first();
        const answer = exercise.getByLabel(say('numberExercise.label'));
        await answer.fill('1');
        await answer.press('Enter');
        await expect(exercise.getByRole('status').filter({ hasText: say('exercise.incorrect') })).toBeVisible();
        expect(await englishLeftOn(page, phrases), 'English in the lesson, its quiz and exercise').toEqual([]);

        // The rest of the course through the API, then the certificate in the language.
        const session = await sessionOf(page);
        for (const entry of manifest.lessons) {
          await callApi(page, 'lesson.open', { session, courseId: manifest.id, lessonId: entry.id });
        }
        for (const [quizId, key] of quizzes) {
          const shown = await callApi(page, 'quiz.get', { session, courseId: manifest.id, quizId });
          if (shown.attempt?.finishedAt) await callApi(page, 'quiz.retake', { session, courseId: manifest.id, quizId });
          const current = await callApi(page, 'quiz.get', { session, courseId: manifest.id, quizId });
          const answered = new Set(current.answers.map((saved) => saved.questionId));
          for (const question of translatedKey(quizId, key).questions) {
            if (answered.has(question.id)) continue;
            const shownQuestion = current.questions.find((candidate) => candidate.id === question.id)!;
            await callApi(page, 'quiz.submitAnswer', {
              session,
              courseId: manifest.id,
              quizId,
              questionId: question.id,
              answer: rightAnswer(question, shownQuestion),
            });
          }
          if (key.feedback === 'end') await callApi(page, 'quiz.finish', { session, courseId: manifest.id, quizId });
        }
        await callApi(page, 'certificates.issue', { session, courseId: manifest.id });
        await page.goto(`${aula.origin}/#/certificates`);
        const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
        await expect(card).toBeVisible();
        expect(await englishLeftOn(page, phrases), 'English on the certificates page').toEqual([]);
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          card.getByRole('button', { name: say('certificates.exportPdfFor', { title }) }).click(),
        ]);
        const pdf = path.join(dataDir, 'certificate.pdf');
        await download.saveAs(pdf);
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
        expect(text.replace(/\s+/g, ' ')).toContain(title);
      } finally {
        await aula.stop();
      }
    });
  }
}
