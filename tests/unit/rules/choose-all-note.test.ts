import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { promptSaysChooseAll } from '../../../electron/rules/choose-all-note.js';
import { SUPPORTED_LANGUAGES } from '../../../electron/contract/channels.js';
import { REPO_ROOT } from '../../helpers/temp-dir.js';

interface QuizFile {
  questions?: { id: string; type?: string; prompt?: string }[];
}

const COURSES = path.join(REPO_ROOT, 'courses');
const readQuiz = (file: string) => parse(fs.readFileSync(file, 'utf8')) as QuizFile;

/** Every multiple-choice prompt of the bundled courses, in the main language and each translation. */
function bundledPrompts(): { where: string; main: string; translated: string }[] {
  const prompts: { where: string; main: string; translated: string }[] = [];
  for (const course of fs.readdirSync(COURSES)) {
    const quizzes = path.join(COURSES, course, 'quizzes');
    if (!fs.existsSync(quizzes)) continue;
    const translations = path.join(COURSES, course, 'translations');
    const languages = fs.existsSync(translations) ? fs.readdirSync(translations) : [];
    for (const name of fs.readdirSync(quizzes).filter((file) => file.endsWith('.yaml'))) {
      const main = readQuiz(path.join(quizzes, name)).questions?.filter((q) => q.type === 'multiple-choice') ?? [];
      for (const question of main) {
        prompts.push({
          where: `${course}/quizzes/${name}#${question.id}`,
          main: question.prompt ?? '',
          translated: question.prompt ?? '',
        });
        for (const language of languages) {
          const file = path.join(translations, language, 'quizzes', name);
          if (!fs.existsSync(file)) continue;
          const translated = readQuiz(file).questions?.find((q) => q.id === question.id)?.prompt;
          if (translated)
            prompts.push({
              where: `${course}/translations/${language}/quizzes/${name}#${question.id}`,
              main: question.prompt ?? '',
              translated,
            });
        }
      }
    }
  }
  return prompts;
}

const localeNote = (language: string) =>
  (
    JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'renderer', 'src', 'i18n', `${language}.json`), 'utf8')) as {
      quiz: { chooseAllThatApply: string };
    }
  ).quiz.chooseAllThatApply;

describe('"(choose all that apply)" already said by the prompt', () => {
  it.each(SUPPORTED_LANGUAGES)("recognises the interface's own note in %s", (language) => {
    expect(promptSaysChooseAll(`Which of these? ${localeNote(language).replace(/[()]/g, '')}.`)).toBe(true);
  });

  it('recognises the instruction wherever a bundled prompt gives it, in every translation, and nowhere else', () => {
    const prompts = bundledPrompts();
    const saying = prompts.filter((prompt) => promptSaysChooseAll(prompt.main));
    expect(saying.length).toBeGreaterThan(10);
    const wrong = prompts
      .filter((prompt) => promptSaysChooseAll(prompt.translated) !== promptSaysChooseAll(prompt.main))
      .map((prompt) => `${prompt.where}: ${prompt.translated}`);
    expect(wrong).toEqual([]);
  });

  it('is not fooled by "all" in other sentences, or by a word that only begins like the instruction', () => {
    expect(promptSaysChooseAll('Which of these records hold all the members?')).toBe(false);
    expect(promptSaysChooseAll('Un buen cuadro de mando muestra todas las cifras que recoge la organización.')).toBe(false);
    expect(promptSaysChooseAll('Lai saskaitītu visas darbnīcas, izveidojiet kopsavilkumu.')).toBe(false);
    expect(promptSaysChooseAll('Välj alla som stämmer.')).toBe(true);
    expect(promptSaysChooseAll('Välja alla fält?')).toBe(false);
    expect(promptSaysChooseAll('Quines són personals? Tria  totes\nles opcions que corresponguin.')).toBe(true);
  });
});
