/**
 * `course check` for a course's translations (docs/course-format.md, "Translations"): what each
 * listed translation lacks or has in addition compared with the main language, with the file, line
 * and column to change. Structure and answer keys come from the main files, so a translation file
 * holding `correct`, `type` or an id the main language does not have is an error here.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { ExerciseDefinition } from '../../exercises/exercise-definition.js';
import type { QuestionDefinition, QuizDefinition } from '../../quiz/quiz-definition.js';
import { compileLesson } from '../compile-lesson.js';
import type { CourseManifest } from '../course-manifest.js';
import { CourseProblem } from '../../course-source/course-problem.js';
import { frontmatterProblem } from '../frontmatter-problem.js';
import { MANIFEST_FILE } from '../load-course.js';
import { TRANSLATIONS_DIR, translatedFile } from '../translations/load-translations.js';
import { blankNames, processRuleNames } from '../translations/translation-overlay.js';
import {
  CourseTranslationSchema,
  ExerciseTranslationSchema,
  LessonTranslationFrontmatterSchema,
  QuizTranslationSchema,
  type ExerciseTranslation,
  type QuestionTranslation,
  type QuizTranslation,
} from '../translations/translation-schemas.js';
import { readYamlFile } from '../yaml-file.js';
import { checkReferencesHeading } from './check-references-heading.js';
import { checkReferenceTitles } from './check-reference-titles.js';
import { checkTranslatedDataFiles, checkTranslatedSolution, DATA_VALUES_FILE } from './check-translated-data.js';
import type { CheckReport } from './check-report.js';

/** What the main language's check found, for the translations to be compared with. */
export interface MainCourseForCheck {
  courseDir: string;
  manifest: CourseManifest;
  quizzes: Map<string, { file: string; quiz: QuizDefinition }>;
  exercises: Map<string, { file: string; definition: ExerciseDefinition }>;
}

type Path = (string | number)[];

/** Line and column of a path in a YAML file (the deepest node of the path the file has). */
class YamlPositions {
  private readonly lineCounter = new LineCounter();
  private readonly document: Document;
  constructor(text: string) {
    this.document = parseDocument(text, { lineCounter: this.lineCounter });
  }
  at(at: Path): { line: number; column: number } {
    for (let depth = at.length; depth >= 0; depth -= 1) {
      const node = this.document.getIn(at.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) {
        const { line, col } = this.lineCounter.linePos(node.range[0]);
        return { line, column: col };
      }
    }
    return { line: 1, column: 1 };
  }
}

/** Reports into one translated YAML file, by path. */
function fileReporter(report: CheckReport, file: string, text: string) {
  const positions = new YamlPositions(text);
  return (at: Path, message: string, severity: 'error' | 'warning' = 'error') => {
    const { line, column } = positions.at(at);
    report[severity](file, line, column, message);
  };
}

/** Reads and validates a translated YAML file; problems are reported and undefined returned. */
function readTranslated<T>(
  courseDir: string,
  file: string,
  schema: Parameters<typeof readYamlFile<T>>[2],
  report: CheckReport,
): { value: T; say: ReturnType<typeof fileReporter> } | undefined {
  const result = readYamlFile(path.join(courseDir, file), file, schema);
  if (!result.ok) {
    for (const problem of result.problems) report.error(problem.file, problem.line ?? 1, problem.column ?? 1, problem.detail);
    return undefined;
  }
  return { value: result.value, say: fileReporter(report, file, fs.readFileSync(path.join(courseDir, file), 'utf8')) };
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    )
    .sort();
}

/** Ids in `main` the translation lacks, and ids it has that `main` does not (each where it is). */
function compareIds(
  main: readonly { id: string }[],
  translated: readonly { id: string }[] | undefined,
  at: Path,
  what: string,
  say: ReturnType<typeof fileReporter>,
): void {
  const list = translated ?? [];
  const ids = new Set(list.map((entry) => entry.id));
  const mainIds = new Set(main.map((entry) => entry.id));
  for (const entry of main) if (!ids.has(entry.id)) say(at, `lacks the ${what} "${entry.id}" of the main language`);
  list.forEach((entry, index) => {
    if (!mainIds.has(entry.id)) say([...at, index, 'id'], `the ${what} "${entry.id}" is not in the main language`);
  });
  const sameOrder = list.filter((entry) => mainIds.has(entry.id)).map((entry) => entry.id);
  const mainOrder = main.filter((entry) => ids.has(entry.id)).map((entry) => entry.id);
  if (sameOrder.join('\0') !== mainOrder.join('\0')) say(at, `the ${what}s are not in the main language's order`, 'warning');
}

/** The text fields each question type has, besides prompt, hint, explanation and feedback. */
const TYPE_FIELDS: Record<QuestionDefinition['type'], (keyof QuestionTranslation)[]> = {
  'single-choice': ['choices'],
  'multiple-choice': ['choices'],
  'true-false': [],
  numeric: ['unit'],
  'short-text': ['accepted'],
  ordering: ['items'],
  matching: ['pairs'],
  cloze: ['text', 'blanks'],
};
const TYPED_FIELDS: (keyof QuestionTranslation)[] = ['choices', 'unit', 'accepted', 'items', 'pairs', 'text', 'blanks'];

/** An optional text the main file has must be translated; one it lacks must not appear. */
function mirrorOptional(hasMain: boolean, hasTranslated: boolean, at: Path, name: string, say: ReturnType<typeof fileReporter>) {
  if (hasMain && !hasTranslated) say(at, `lacks ${name} (the main language has one)`);
  if (!hasMain && hasTranslated) say(at, `has ${name}, which the main language does not have`);
}

function checkQuestion(main: QuestionDefinition, words: QuestionTranslation, at: Path, say: ReturnType<typeof fileReporter>) {
  const where = `question "${main.id}"`;
  if (words.prompt === undefined) say(at, `${where} lacks its prompt`);
  mirrorOptional(main.hint !== undefined, words.hint !== undefined, at, `${where}: a hint`, say);
  mirrorOptional(main.explanation !== undefined, words.explanation !== undefined, at, `${where}: an explanation`, say);
  mirrorOptional(
    main.feedback?.correct !== undefined,
    words.feedback?.correct !== undefined,
    at,
    `${where}: feedback.correct`,
    say,
  );
  mirrorOptional(
    main.feedback?.incorrect !== undefined,
    words.feedback?.incorrect !== undefined,
    at,
    `${where}: feedback.incorrect`,
    say,
  );
  const allowed = TYPE_FIELDS[main.type];
  for (const field of TYPED_FIELDS) {
    if (words[field] !== undefined && !allowed.includes(field)) {
      say([...at, field], `"${field}" is not a text of a ${main.type} question (${where})`);
    }
  }
  switch (main.type) {
    case 'single-choice':
    case 'multiple-choice': {
      compareIds(main.choices, words.choices, [...at, 'choices'], 'choice', say);
      const translated = new Map((words.choices ?? []).map((choice, index) => [choice.id, { choice, index }]));
      for (const choice of main.choices) {
        const found = translated.get(choice.id);
        if (!found) continue;
        const choiceAt = [...at, 'choices', found.index];
        mirrorOptional(
          choice.feedback !== undefined,
          found.choice.feedback !== undefined,
          choiceAt,
          `choice "${choice.id}": feedback`,
          say,
        );
      }
      return;
    }
    case 'matching':
      return compareIds(main.pairs, words.pairs, [...at, 'pairs'], 'pair', say);
    case 'ordering':
      return compareIds(main.items, words.items, [...at, 'items'], 'item', say);
    case 'short-text':
      if (!words.accepted) say(at, `${where} lacks its accepted answers in this language`);
      return;
    case 'numeric':
      return mirrorOptional(main.unit !== undefined, words.unit !== undefined, at, `${where}: a unit`, say);
    case 'cloze': {
      if (words.text === undefined) {
        say(at, `${where} lacks its text`);
      } else {
        const mainNames = blankNames(main.text);
        const names = blankNames(words.text);
        const missing = mainNames.filter((name) => !names.includes(name));
        const extra = names.filter((name) => !mainNames.includes(name));
        if (missing.length > 0 || extra.length > 0) {
          say(
            [...at, 'text'],
            `the blanks differ from the main text's: ${[...missing.map((n) => `{${n}} missing`), ...extra.map((n) => `{${n}} not in the main text`)].join(', ')}`,
          );
        }
      }
      for (const name of Object.keys(main.blanks)) {
        if (!words.blanks?.[name]) say([...at, 'blanks'], `${where} lacks the accepted answers of the blank {${name}}`);
      }
      for (const name of Object.keys(words.blanks ?? {})) {
        if (!(name in main.blanks)) say([...at, 'blanks', name], `the blank {${name}} is not in the main question`);
      }
      return;
    }
    case 'true-false':
      return;
  }
}

function checkQuiz(main: QuizDefinition, words: QuizTranslation, say: ReturnType<typeof fileReporter>) {
  if (words.title === undefined) say([], 'lacks the quiz title');
  compareIds(main.questions, words.questions, ['questions'], 'question', say);
  const translated = new Map(words.questions.map((question, index) => [question.id, { question, index }]));
  for (const question of main.questions) {
    const found = translated.get(question.id);
    if (found) checkQuestion(question, found.question, ['questions', found.index], say);
  }
}

function checkExercise(
  main: ExerciseDefinition,
  words: ExerciseTranslation,
  courseDir: string,
  say: ReturnType<typeof fileReporter>,
) {
  if (words.prompt === undefined) say([], 'lacks the prompt');
  mirrorOptional(main.hint !== undefined, words.hint !== undefined, [], 'a hint', say);
  mirrorOptional(main.explanation !== undefined, words.explanation !== undefined, [], 'an explanation', say);
  if (main.type === 'number') mirrorOptional(main.unit !== undefined, words.unit !== undefined, [], 'a unit', say);
  else if (words.unit !== undefined) say(['unit'], `"unit" is not a text of a ${main.type} exercise`);
  if (main.type !== 'sql') {
    for (const key of ['solution', 'starterQuery'] as const) {
      if (words[key] !== undefined) say([key], `"${key}" is only for sql exercises`);
    }
  }
  if (main.type !== 'process') {
    if (words.names !== undefined) say(['names'], `"names" is only for process exercises`);
    return;
  }
  const ruleNames = processRuleNames(main.rules);
  const diagram = main.startingDiagram ? path.join(courseDir, 'assets', main.startingDiagram) : undefined;
  const diagramNames = new Set(
    diagram && fs.existsSync(diagram)
      ? [...fs.readFileSync(diagram, 'utf8').matchAll(/\bname="([^"]*)"/g)].map((m) => (m[1] ?? '').trim())
      : [],
  );
  const names = words.names ?? {};
  for (const name of ruleNames) {
    if (names[name] === undefined) say(['names'], `lacks a label for "${name}" (a name the rules use)`);
  }
  for (const name of Object.keys(names)) {
    if (!ruleNames.includes(name) && !diagramNames.has(name)) {
      say(['names', name], `"${name}" is neither in the rules nor in the starting diagram of the main exercise`);
    }
  }
}

const mdxParser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMdx);

/** Props that are not words: they must be the same in every language (the rest is translated). */
const STRUCTURAL_PROPS = ['id', 'src', 'file', 'data', 'x', 'y', 'kind', 'type', 'columns', 'href'];

interface ComponentUse {
  name: string;
  props: string;
  line: number;
  column: number;
}

function componentUses(tree: Root): ComponentUse[] {
  const uses: ComponentUse[] = [];
  visit(tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const element = node as MdxJsxFlowElement | MdxJsxTextElement;
    if (!element.name || !/^[A-Z]/.test(element.name)) return;
    const props = element.attributes
      .filter((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && STRUCTURAL_PROPS.includes(a.name))
      .map((a) => `${a.name}=${typeof a.value === 'string' ? JSON.stringify(a.value) : `{${a.value?.value ?? ''}}`}`)
      .sort()
      .join(' ');
    const start = element.position?.start ?? { line: 1, column: 1 };
    uses.push({ name: element.name, props, line: start.line, column: start.column });
  });
  return uses;
}

/** A list from a lesson's frontmatter, read without compiling the lesson (the main check compiled it). */
function frontmatterList(source: string, key: string): unknown[] {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  const value: unknown = match ? parseDocument(match[1] ?? '').get(key) : undefined;
  return value && typeof value === 'object' && 'toJSON' in value ? ((value as { toJSON(): unknown }).toJSON() as unknown[]) : [];
}

function objectiveIds(objectives: readonly unknown[]): (string | null)[] {
  return objectives.map((objective) =>
    objective && typeof objective === 'object' && 'id' in objective ? String((objective as { id: unknown }).id) : null,
  );
}

async function checkLessonTranslation(
  main: MainCourseForCheck,
  language: string,
  mainFile: string,
  report: CheckReport,
): Promise<void> {
  const file = translatedFile(language, mainFile);
  const source = fs.readFileSync(path.join(main.courseDir, file), 'utf8');
  const mainSource = fs.readFileSync(path.join(main.courseDir, mainFile), 'utf8');
  const located = frontmatterProblem(source, file, LessonTranslationFrontmatterSchema);
  if (located) report.error(file, located.line ?? 1, located.column ?? 1, located.detail);
  let tree: Root;
  let mainTree: Root;
  try {
    tree = mdxParser.parse(source);
    mainTree = mdxParser.parse(mainSource);
  } catch {
    tree = { type: 'root', children: [] };
    mainTree = tree;
  }
  try {
    const compiled = await compileLesson(source, file, main.courseDir, mainFile);
    const mainObjectives = located ? undefined : frontmatterList(mainSource, 'objectives');
    if (mainObjectives) {
      const objectives = Array.isArray(compiled.frontmatter.objectives) ? compiled.frontmatter.objectives : [];
      const say = (message: string) => report.error(file, 2, 1, message);
      const mainIds = objectiveIds(mainObjectives);
      const ids = objectiveIds(objectives);
      if (ids.length < mainIds.length)
        say(`lacks ${mainIds.length - ids.length} of the main lesson's ${mainIds.length} objectives`);
      if (ids.length > mainIds.length) say(`has ${ids.length - mainIds.length} objectives more than the main lesson`);
      mainIds.forEach((id, index) => {
        if (index < ids.length && id !== ids[index]) {
          say(
            `objective ${index + 1} should have the id ${id ?? '(none)'}, as in the main lesson, not ${ids[index] ?? '(none)'}`,
          );
        }
      });
    }
  } catch (error) {
    if (!(error instanceof CourseProblem)) throw error;
    report.error(file, error.line ?? 1, error.column ?? 1, `does not compile: ${error.detail}`);
    return;
  }
  const uses = componentUses(tree);
  const mainUses = componentUses(mainTree);
  for (const name of new Set([...mainUses, ...uses].map((use) => use.name))) {
    const inMain = mainUses.filter((use) => use.name === name);
    const here = uses.filter((use) => use.name === name);
    if (inMain.length !== here.length) {
      const at = here[0] ?? { line: 1, column: 1 };
      report.error(file, at.line, at.column, `has ${here.length} <${name}> where the main lesson has ${inMain.length}`);
      continue;
    }
    inMain.forEach((use, index) => {
      const translated = here[index];
      if (translated && translated.props !== use.props) {
        report.error(
          file,
          translated.line,
          translated.column,
          `<${name}> must keep the main lesson's ${use.props || 'props'} (only its words are translated), not ${translated.props || 'none'}`,
        );
      }
    });
  }
  checkReferencesHeading(tree, source, language, file, report);
  checkReferenceTitles(tree, mainTree, language, main.manifest.language, file, report);
}

function positionInManifest(courseDir: string, at: Path): { line: number; column: number } {
  return new YamlPositions(fs.readFileSync(path.join(courseDir, MANIFEST_FILE), 'utf8')).at(at);
}

/** Checks every translation listed in course.yaml, and reports translation folders it does not list. */
export async function checkTranslations(main: MainCourseForCheck, report: CheckReport): Promise<void> {
  const { courseDir, manifest } = main;
  const listed = manifest.translations;
  const root = path.join(courseDir, TRANSLATIONS_DIR);
  const folders = fs.existsSync(root)
    ? fs.readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    : [];
  for (const folder of folders) {
    if (!listed.includes(folder.name)) {
      const at = positionInManifest(courseDir, manifest.translations.length > 0 ? ['translations'] : []);
      report.warning(
        MANIFEST_FILE,
        at.line,
        at.column,
        `${TRANSLATIONS_DIR}/${folder.name}/ is not listed under translations:, so learners will not see it`,
      );
    }
  }
  for (const [index, language] of listed.entries()) {
    if (!fs.existsSync(path.join(root, language))) {
      const at = positionInManifest(courseDir, ['translations', index]);
      report.error(
        MANIFEST_FILE,
        at.line,
        at.column,
        `lists the translation "${language}", but ${TRANSLATIONS_DIR}/${language}/ does not exist`,
      );
      continue;
    }
    await checkTranslation(main, language, report);
  }
}

async function checkTranslation(main: MainCourseForCheck, language: string, report: CheckReport): Promise<void> {
  const { courseDir, manifest } = main;
  const folder = `${TRANSLATIONS_DIR}/${language}`;
  const lacks = (file: string, what: string) => report.error(file, 1, 1, `is missing: the ${language} translation lacks ${what}`);
  const expected = new Set<string>();

  const courseFile = translatedFile(language, MANIFEST_FILE);
  expected.add(courseFile);
  if (!fs.existsSync(path.join(courseDir, courseFile))) lacks(courseFile, 'the course title and summary');
  else {
    const words = readTranslated(courseDir, courseFile, CourseTranslationSchema, report);
    if (words && manifest.summary && words.value.summary === undefined)
      words.say([], 'lacks the summary (the main language has one)');
  }

  for (const lesson of manifest.lessons) {
    const file = translatedFile(language, lesson.file);
    expected.add(file);
    if (!fs.existsSync(path.join(courseDir, file))) lacks(file, `the lesson "${lesson.id}"`);
    else if (fs.existsSync(path.join(courseDir, lesson.file))) await checkLessonTranslation(main, language, lesson.file, report);
  }

  for (const { file: mainFile, quiz } of main.quizzes.values()) {
    const file = translatedFile(language, mainFile);
    expected.add(file);
    if (!fs.existsSync(path.join(courseDir, file))) {
      lacks(file, `the quiz "${quiz.id}"`);
      continue;
    }
    const words = readTranslated(courseDir, file, QuizTranslationSchema, report);
    if (words) checkQuiz(quiz, words.value, words.say);
  }

  const valueMaps = checkTranslatedDataFiles(courseDir, language, report);
  for (const { file: mainFile, definition } of main.exercises.values()) {
    const file = translatedFile(language, mainFile);
    expected.add(file);
    const exists = fs.existsSync(path.join(courseDir, file));
    if (!exists) lacks(file, `the exercise "${definition.id}"`);
    const words = exists ? readTranslated(courseDir, file, ExerciseTranslationSchema, report) : undefined;
    if (words) checkExercise(definition, words.value, courseDir, words.say);
    if (definition.type === 'sql' && (words || !exists)) {
      const solution = words?.value.solution;
      await checkTranslatedSolution(
        courseDir,
        language,
        {
          definition,
          file,
          solution,
          say: (message) =>
            words ? words.say(solution === undefined ? [] : ['solution'], message) : report.error(file, 1, 1, message),
        },
        valueMaps,
      );
    }
  }

  // Files the main language does not have: a misspelt name would silently never be used.
  for (const relative of listFiles(path.join(courseDir, folder))) {
    const file = `${folder}/${relative}`;
    if (expected.has(file)) continue;
    const [top] = relative.split('/');
    const mainCopy = path.join(courseDir, relative);
    if ((top === 'assets' || top === 'data') && fs.existsSync(mainCopy)) continue;
    // The translator's values map, from which `course translate-data` writes the translated CSVs.
    if (relative === `data/${DATA_VALUES_FILE}`) continue;
    report.error(
      file,
      1,
      1,
      `the main language has no ${relative}, so this file is never used (same file names as the main language)`,
    );
  }
}
