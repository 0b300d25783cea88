import fs from 'node:fs';
import path from 'node:path';
import { loadExercises, type LoadedExercise } from '../exercises/load-exercises.js';
import { QuizDefinitionSchema, type QuizDefinition } from '../quiz/quiz-definition.js';
import { completionRuleProblems } from './completion-rule.js';
import { CourseManifestSchema, LessonFrontmatterSchema, type CourseManifest, type LessonFrontmatter } from './course-manifest.js';
import { CourseProblem, describeSchemaIssues } from '../course-source/course-problem.js';
import { frontmatterProblem } from './frontmatter-problem.js';
import { compileLessonCached, courseComponentsDigest } from './lesson-cache.js';
import { PACK_MANIFEST_NAME, type PackSigner } from './pack/pack-format.js';
import { loadTranslation, type LoadedTranslation } from './translations/load-translations.js';
import { readYamlFileOrThrow } from './yaml-file.js';
import type { YamlValueCache } from '../course-source/yaml-value-cache.js';

import { MANIFEST_FILE } from './manifest-file.js';

export { MANIFEST_FILE };

import type { CompileCounts, LoadedLesson } from './loaded-lesson.js';

export type { CompileCounts, LoadedLesson };

export interface LoadedCourse {
  dir: string;
  manifest: CourseManifest;
  lessons: LoadedLesson[];
  quizzes: Map<string, QuizDefinition>;
  /** Quiz id to its file, `quizzes/<name>.yaml` (a translation's quiz file has the same name). */
  quizFiles: Map<string, string>;
  exercises: Map<string, LoadedExercise>;
  /** The language the text above is in: the main language, or a translation's (course-language.ts). */
  shownLanguage: string;
  /** The translations listed in course.yaml that could be read, by language. */
  translations: Map<string, LoadedTranslation>;
  /** Listed translations that could not be read, as "file: problem" (the course opens without them). */
  translationProblems: string[];
  /** True for a course installed from a pack: its lessons were compiled when it was packed. */
  installedFromPack: boolean;
  /** Who signed the pack it was installed from, if it was signed. */
  signer: PackSigner | null;
}

/** In a pack and in an installed course, each lesson is precompiled beside its metadata. */
export function compiledLessonFiles(lessonId: string): { module: string; meta: string } {
  return { module: `lessons/${lessonId}.js`, meta: `lessons/${lessonId}.json` };
}

export function readCourseManifest(courseDir: string, yamlCache?: YamlValueCache): CourseManifest {
  return readYamlFileOrThrow(path.join(courseDir, MANIFEST_FILE), MANIFEST_FILE, CourseManifestSchema, yamlCache);
}

export function loadQuizzes(
  courseDir: string,
  yamlCache?: YamlValueCache,
  quizFiles?: Map<string, string>,
): Map<string, QuizDefinition> {
  const quizzes = new Map<string, QuizDefinition>();
  const quizDir = path.join(courseDir, 'quizzes');
  if (!fs.existsSync(quizDir)) return quizzes;
  for (const name of fs.readdirSync(quizDir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const displayName = `quizzes/${name}`;
    const quiz = readYamlFileOrThrow(path.join(quizDir, name), displayName, QuizDefinitionSchema, yamlCache);
    if (quizzes.has(quiz.id)) throw new CourseProblem(displayName, `quiz id "${quiz.id}" is used by another quiz file too`);
    quizzes.set(quiz.id, quiz);
    quizFiles?.set(quiz.id, displayName);
  }
  return quizzes;
}

/** A lesson's metadata; with its source at hand, a mistake is reported at its line in the lesson. */
function parseFrontmatter(file: string, raw: unknown, source?: string): LessonFrontmatter {
  const frontmatter = LessonFrontmatterSchema.safeParse(raw);
  if (frontmatter.success) return frontmatter.data;
  const located = source === undefined ? undefined : frontmatterProblem(source, file, LessonFrontmatterSchema);
  throw located ?? new CourseProblem(file, `frontmatter: ${describeSchemaIssues(frontmatter.error)}`);
}

async function compileSourceLessons(
  courseDir: string,
  manifest: CourseManifest,
  cacheDir: string,
  counts: CompileCounts,
  prebuiltLessonDir: string | undefined,
) {
  const lessons: LoadedLesson[] = [];
  const componentsDigest = courseComponentsDigest(courseDir);
  for (const entry of manifest.lessons) {
    let source: string;
    try {
      source = fs.readFileSync(path.join(courseDir, entry.file), 'utf8');
    } catch {
      throw new CourseProblem(entry.file, 'is listed in course.yaml but cannot be read');
    }
    const cached = await compileLessonCached(cacheDir, source, componentsDigest, entry.file, courseDir, prebuiltLessonDir);
    if (cached.compiled) counts.compiled += 1;
    else counts.reused += 1;
    const frontmatter = parseFrontmatter(entry.file, cached.frontmatter, source);
    lessons.push({
      id: entry.id,
      moduleHash: cached.hash,
      modulePath: cached.modulePath,
      quizIds: cached.quizIds,
      exerciseIds: cached.exerciseIds,
      canvasIds: cached.canvasIds,
      ...frontmatter,
    });
  }
  return lessons;
}

/** An installed course: lessons were compiled when it was packed, so nothing is compiled here. */
function readPackManifest(courseDir: string): { files: { path: string; sha256: string }[]; signer: PackSigner | null } {
  return JSON.parse(fs.readFileSync(path.join(courseDir, PACK_MANIFEST_NAME), 'utf8')) as {
    files: { path: string; sha256: string }[];
    signer: PackSigner | null;
  };
}

function readCompiledLessons(courseDir: string, manifest: CourseManifest): LoadedLesson[] {
  const packManifest = readPackManifest(courseDir);
  const hashes = new Map(packManifest.files.map((file) => [file.path, file.sha256]));
  return manifest.lessons.map((entry) => {
    const files = compiledLessonFiles(entry.id);
    const hash = hashes.get(`course/${files.module}`);
    const modulePath = path.join(courseDir, files.module);
    if (!hash || !fs.existsSync(modulePath)) throw new CourseProblem(files.module, 'is missing from the installed course');
    const meta = JSON.parse(fs.readFileSync(path.join(courseDir, files.meta), 'utf8')) as Record<string, unknown>;
    const ids = (key: string) => {
      const value = meta[key];
      return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
    };
    return {
      id: entry.id,
      moduleHash: hash.slice(0, 32),
      modulePath,
      quizIds: ids('quizIds'),
      exerciseIds: ids('exerciseIds'),
      canvasIds: ids('canvasIds'),
      ...parseFrontmatter(files.meta, meta),
    };
  });
}

/**
 * Lets waiting I/O run between the parts of a long, mostly synchronous load: browser mode loads
 * the courses while it serves the page's own files, which would otherwise wait for all of it.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Reads, validates and (for source folders) compiles one course. Throws CourseProblem naming the
 * file at fault. With a YAML cache, course files unchanged since it was written are not parsed again;
 * lessons found in `prebuiltLessonDir` (the read-only cache `npm run build` makes) are not compiled.
 */
export async function loadCourse(
  courseDir: string,
  cacheDir: string,
  counts: CompileCounts,
  yamlCache?: YamlValueCache,
  prebuiltLessonDir?: string,
): Promise<LoadedCourse> {
  const manifest = readCourseManifest(courseDir, yamlCache);
  const seen = new Set<string>();
  for (const entry of manifest.lessons) {
    if (seen.has(entry.id)) throw new CourseProblem(MANIFEST_FILE, `lesson id "${entry.id}" appears twice`);
    seen.add(entry.id);
  }
  const quizFiles = new Map<string, string>();
  const quizzes = loadQuizzes(courseDir, yamlCache, quizFiles);
  const completionProblem = completionRuleProblems(manifest.completion, [...quizzes.keys()])[0];
  if (completionProblem) throw new CourseProblem(MANIFEST_FILE, completionProblem);
  const exercises = await loadExercises(
    courseDir,
    (file, displayName, schema) => readYamlFileOrThrow(file, displayName, schema, yamlCache),
    yamlCache,
  );
  const installedFromPack = fs.existsSync(path.join(courseDir, PACK_MANIFEST_NAME));
  const lessons = installedFromPack
    ? readCompiledLessons(courseDir, manifest)
    : await compileSourceLessons(courseDir, manifest, cacheDir, counts, prebuiltLessonDir);
  const packManifest = installedFromPack ? readPackManifest(courseDir) : null;
  const main = { dir: courseDir, manifest, lessons, quizzes, quizFiles, exercises, installedFromPack };
  const translations = new Map<string, LoadedTranslation>();
  const translationProblems: string[] = [];
  for (const language of manifest.translations) {
    await yieldToEventLoop();
    try {
      const packHashes = packManifest ? new Map(packManifest.files.map((file) => [file.path, file.sha256])) : undefined;
      translations.set(
        language,
        await loadTranslation(main, language, { cacheDir, counts, yamlCache, prebuiltLessonDir, packHashes }),
      );
    } catch (error) {
      if (!(error instanceof CourseProblem)) throw error;
      translationProblems.push(error.message);
    }
  }
  return {
    ...main,
    shownLanguage: manifest.language,
    translations,
    translationProblems,
    signer: packManifest?.signer ?? null,
  };
}
