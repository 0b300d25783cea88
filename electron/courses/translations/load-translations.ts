/**
 * Reads a course's translations (`translations/<lang>/`) and lays each over the main language.
 * A translation that cannot be read is left out with a problem (the course still opens in its main
 * language and its other translations); a file it lacks falls back to the main language's. `course
 * check` (check-translations.ts) reports both, with file and line.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SqlTable } from '../../contract/channels.js';
import { readTables, type LoadedExercise } from '../../exercises/load-exercises.js';
import type { QuizDefinition } from '../../quiz/quiz-definition.js';
import type { CourseManifest } from '../course-manifest.js';
import { CourseProblem, describeSchemaIssues } from '../../course-source/course-problem.js';
import { frontmatterProblem } from '../frontmatter-problem.js';
import { compileLessonCached, courseComponentsDigest } from '../lesson-cache.js';
import type { CompileCounts, LoadedLesson } from '../loaded-lesson.js';
import { readYamlFileOrThrow } from '../yaml-file.js';
import type { YamlValueCache } from '../../course-source/yaml-value-cache.js';
import { overlayExercise, overlayQuiz } from './translation-overlay.js';
import {
  CourseTranslationSchema,
  ExerciseTranslationSchema,
  LessonTranslationFrontmatterSchema,
  QuizTranslationSchema,
} from './translation-schemas.js';

export const TRANSLATIONS_DIR = 'translations';

/** A course as read in one of its translations: the same ids, other words. */
export interface LoadedTranslation {
  language: string;
  title: string;
  summary: string;
  lessons: LoadedLesson[];
  quizzes: Map<string, QuizDefinition>;
  exercises: Map<string, LoadedExercise>;
}

/** What the main language gives a translation to lay its words over. */
export interface MainCourseParts {
  dir: string;
  manifest: CourseManifest;
  lessons: LoadedLesson[];
  quizzes: Map<string, QuizDefinition>;
  /** Quiz id to its file (`quizzes/<name>.yaml`): a translation's quiz file has the same name. */
  quizFiles: Map<string, string>;
  exercises: Map<string, LoadedExercise>;
  installedFromPack: boolean;
}

export interface TranslationLoadOptions {
  cacheDir: string;
  counts: CompileCounts;
  yamlCache?: YamlValueCache;
  prebuiltLessonDir?: string;
  /** For an installed course: pack file path to its SHA-256 (compiled lessons are named by it). */
  packHashes?: Map<string, string>;
}

/** `translations/<lang>/<file>`: where a translation keeps its version of a main-language file. */
export function translatedFile(language: string, file: string): string {
  return `${TRANSLATIONS_DIR}/${language}/${file}`;
}

function lessonFrontmatter(file: string, raw: unknown, source: string | undefined, main: LoadedLesson) {
  const parsed = LessonTranslationFrontmatterSchema.safeParse(raw);
  if (!parsed.success) {
    const located = source === undefined ? undefined : frontmatterProblem(source, file, LessonTranslationFrontmatterSchema);
    throw located ?? new CourseProblem(file, `frontmatter: ${describeSchemaIssues(parsed.error)}`);
  }
  return {
    title: parsed.data.title,
    minutes: parsed.data.minutes ?? main.minutes,
    objectives: parsed.data.objectives.map((objective) => (typeof objective === 'string' ? objective : objective.text)),
  };
}

async function sourceLessons(main: MainCourseParts, language: string, options: TranslationLoadOptions): Promise<LoadedLesson[]> {
  const componentsDigest = courseComponentsDigest(main.dir);
  const lessons: LoadedLesson[] = [];
  for (const [index, entry] of main.manifest.lessons.entries()) {
    const mainLesson = main.lessons[index];
    if (!mainLesson) continue;
    const file = translatedFile(language, entry.file);
    const fullPath = path.join(main.dir, file);
    if (!fs.existsSync(fullPath)) {
      lessons.push(mainLesson);
      continue;
    }
    const source = fs.readFileSync(fullPath, 'utf8');
    const cached = await compileLessonCached(
      options.cacheDir,
      source,
      componentsDigest,
      file,
      main.dir,
      options.prebuiltLessonDir,
      entry.file,
    );
    if (cached.compiled) options.counts.compiled += 1;
    else options.counts.reused += 1;
    lessons.push({
      ...mainLesson,
      moduleHash: cached.hash,
      modulePath: cached.modulePath,
      ...lessonFrontmatter(file, cached.frontmatter, source, mainLesson),
    });
  }
  return lessons;
}

/** In a pack, a translated lesson is precompiled as `translations/<lang>/lessons/<id>.js` beside its `.json`. */
export function compiledTranslatedLessonFiles(language: string, lessonId: string): { module: string; meta: string } {
  return {
    module: translatedFile(language, `lessons/${lessonId}.js`),
    meta: translatedFile(language, `lessons/${lessonId}.json`),
  };
}

function packedLessons(main: MainCourseParts, language: string, options: TranslationLoadOptions): LoadedLesson[] {
  return main.lessons.map((mainLesson) => {
    const files = compiledTranslatedLessonFiles(language, mainLesson.id);
    const hash = options.packHashes?.get(`course/${files.module}`);
    const modulePath = path.join(main.dir, files.module);
    if (!hash || !fs.existsSync(modulePath)) return mainLesson;
    const meta: unknown = JSON.parse(fs.readFileSync(path.join(main.dir, files.meta), 'utf8'));
    return {
      ...mainLesson,
      moduleHash: hash.slice(0, 32),
      modulePath,
      ...lessonFrontmatter(files.meta, meta, undefined, mainLesson),
    };
  });
}

/**
 * An SQL exercise's tables as a translation has them: its own copy of a CSV file
 * (`translations/<lang>/data/<same name>`) where it has one, else the main one. A copy with other
 * columns or another number of rows would grade the learner on other data: the translation is
 * refused (`course check` says which value or row differs).
 */
function translatedTables(
  courseDir: string,
  language: string,
  exercise: LoadedExercise,
  cache: YamlValueCache | undefined,
): SqlTable[] {
  if (exercise.definition.type !== 'sql') return exercise.tables;
  const dataDir = path.join(courseDir, TRANSLATIONS_DIR, language, 'data');
  const dataLabel = translatedFile(language, 'data/');
  return exercise.tables.map((table) => {
    if (!fs.existsSync(path.join(dataDir, ...table.file.split('/')))) return table;
    const [translated] = readTables(dataDir, dataLabel, exercise.file, { [table.name]: table.file }, cache);
    const file = `${dataLabel}${table.file}`;
    if (!translated) return table;
    const columns = (t: SqlTable) => t.columns.map((column) => column.name).join(', ');
    if (columns(translated) !== columns(table)) {
      throw new CourseProblem(file, `has the columns ${columns(translated)}; the main file has ${columns(table)}`);
    }
    if (translated.rows.length !== table.rows.length) {
      throw new CourseProblem(file, `has ${translated.rows.length} rows; the main file has ${table.rows.length}`);
    }
    return translated;
  });
}

export async function loadTranslation(
  main: MainCourseParts,
  language: string,
  options: TranslationLoadOptions,
): Promise<LoadedTranslation> {
  const folder = path.join(main.dir, TRANSLATIONS_DIR, language);
  if (!fs.existsSync(folder)) {
    throw new CourseProblem(
      'course.yaml',
      `lists the translation "${language}", but ${TRANSLATIONS_DIR}/${language}/ does not exist`,
    );
  }
  const read = <T>(file: string, schema: Parameters<typeof readYamlFileOrThrow<T>>[2]): T | undefined => {
    const displayName = translatedFile(language, file);
    const fullPath = path.join(main.dir, displayName);
    return fs.existsSync(fullPath) ? readYamlFileOrThrow(fullPath, displayName, schema, options.yamlCache) : undefined;
  };
  const courseWords = read('course.yaml', CourseTranslationSchema);
  const quizzes = new Map(
    [...main.quizzes].map(([id, quiz]) => {
      const file = main.quizFiles.get(id);
      return [id, overlayQuiz(quiz, file ? read(file, QuizTranslationSchema) : undefined)];
    }),
  );
  const exercises = new Map(
    [...main.exercises].map(([id, exercise]) => [
      id,
      overlayExercise(
        exercise,
        read(exercise.file, ExerciseTranslationSchema),
        translatedTables(main.dir, language, exercise, options.yamlCache),
      ),
    ]),
  );
  const lessons = main.installedFromPack ? packedLessons(main, language, options) : await sourceLessons(main, language, options);
  return {
    language,
    title: courseWords?.title ?? main.manifest.title,
    summary: courseWords?.summary ?? main.manifest.summary,
    lessons,
    quizzes,
    exercises,
  };
}
