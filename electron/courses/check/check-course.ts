import fs from 'node:fs';
import path from 'node:path';
import { QuizDefinitionSchema, type QuizDefinition } from '../../quiz/quiz-definition.js';
import { CourseManifestSchema } from '../course-manifest.js';
import { MANIFEST_FILE } from '../load-course.js';
import { readYamlFile, readYamlFileOrThrow } from '../yaml-file.js';
import { CourseProblem } from '../../course-source/course-problem.js';
import { ExerciseDefinitionSchema, type ExerciseDefinition } from '../../exercises/exercise-definition.js';
import { checkSqlSolution } from '../../exercises/grade-sql.js';
import { loadExercises } from '../../exercises/load-exercises.js';
import { BrokenDefinitions } from './broken-definitions.js';
import { checkCompletionRule } from './check-completion.js';
import { checkLesson, type IdReference } from './check-lessons.js';
import { checkObjectives } from './check-objectives.js';
import { checkTranslations } from './check-translations.js';
import { CheckReport } from './check-report.js';
import { courseYamlFiles } from './course-yaml-files.js';

function checkQuizzes(
  courseDir: string,
  broken: BrokenDefinitions,
  report: CheckReport,
): Map<string, { file: string; quiz: QuizDefinition }> {
  const quizzes = new Map<string, { file: string; quiz: QuizDefinition }>();
  for (const file of courseYamlFiles(courseDir, 'quizzes')) {
    const result = readYamlFile(path.join(courseDir, file), file, QuizDefinitionSchema);
    if (!result.ok) {
      for (const problem of result.problems) report.error(problem.file, problem.line ?? 1, problem.column ?? 1, problem.detail);
      broken.add(path.join(courseDir, file));
      continue;
    }
    const existing = quizzes.get(result.value.id);
    if (existing) report.error(file, 1, 1, `quiz id "${result.value.id}" is already used by ${existing.file}`);
    else quizzes.set(result.value.id, { file, quiz: result.value });
  }
  return quizzes;
}

/**
 * Validates every exercise file (schema problems with their line and column), then loads them as
 * the app does (CSV tables, starting diagrams) and runs each SQL exercise's reference query.
 * Returns the ids defined, with their files.
 */
async function checkExercises(
  courseDir: string,
  broken: BrokenDefinitions,
  report: CheckReport,
  definitions: Map<string, { file: string; definition: ExerciseDefinition }>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  let allValid = true;
  for (const file of courseYamlFiles(courseDir, 'exercises')) {
    const result = readYamlFile(path.join(courseDir, file), file, ExerciseDefinitionSchema);
    if (!result.ok) {
      allValid = false;
      for (const problem of result.problems) report.error(problem.file, problem.line ?? 1, problem.column ?? 1, problem.detail);
      broken.add(path.join(courseDir, file));
      continue;
    }
    if (ids.has(result.value.id))
      report.error(file, 1, 1, `exercise id "${result.value.id}" is already used by ${ids.get(result.value.id) ?? ''}`);
    else {
      ids.set(result.value.id, file);
      definitions.set(result.value.id, { file, definition: result.value });
    }
  }
  if (!allValid) return ids;
  let exercises;
  try {
    exercises = await loadExercises(courseDir, readYamlFileOrThrow);
  } catch (error) {
    if (error instanceof CourseProblem) report.error(error.file, error.line ?? 1, error.column ?? 1, error.detail);
    else throw error;
    return ids;
  }
  for (const exercise of exercises.values()) {
    if (exercise.definition.type !== 'sql') continue;
    const problem = await checkSqlSolution(exercise.tables, exercise.definition.solution);
    if (problem) report.error(exercise.file, 1, 1, problem);
  }
  return ids;
}

function checkReferences(
  kind: 'quiz' | 'exercise',
  used: IdReference[],
  defined: Map<string, unknown>,
  broken: BrokenDefinitions,
  definedIn: (id: string) => string,
  report: CheckReport,
): void {
  for (const reference of used) {
    if (!defined.has(reference.id) && !broken.mayDefine(reference.id)) {
      report.error(
        reference.file,
        reference.line,
        reference.column,
        `${kind} "${reference.id}" is used here but no ${kind === 'quiz' ? 'quizzes' : 'exercises'}/*.yaml defines it`,
      );
    }
  }
  const usedIds = new Set(used.map((reference) => reference.id));
  for (const id of defined.keys()) {
    if (!usedIds.has(id)) report.warning(definedIn(id), 1, 1, `${kind} "${id}" is defined but no lesson uses it`);
  }
}

/** Checks a course source folder completely and reports every problem, not just the first. */
export async function checkCourse(folder: string): Promise<CheckReport> {
  const courseDir = path.resolve(folder);
  const report = new CheckReport();
  if (!fs.existsSync(path.join(courseDir, MANIFEST_FILE))) {
    report.error(MANIFEST_FILE, 1, 1, 'is missing: a course folder starts with a course.yaml (see docs/course-format.md)');
    return report;
  }
  const manifest = readYamlFile(path.join(courseDir, MANIFEST_FILE), MANIFEST_FILE, CourseManifestSchema);
  if (!manifest.ok)
    for (const problem of manifest.problems) report.error(problem.file, problem.line ?? 1, problem.column ?? 1, problem.detail);

  const broken = { quizzes: new BrokenDefinitions(), exercises: new BrokenDefinitions() };
  const quizzes = checkQuizzes(courseDir, broken.quizzes, report);
  const exerciseDefinitions = new Map<string, { file: string; definition: ExerciseDefinition }>();
  const exercises = await checkExercises(courseDir, broken.exercises, report, exerciseDefinitions);
  if (!manifest.ok) return report;
  checkCompletionRule(courseDir, manifest.value.completion, [...quizzes.keys()], broken.quizzes, report);

  const lessonIds = new Set<string>();
  const lessonFiles = new Set<string>();
  const used = { quizzes: [] as IdReference[], exercises: [] as IdReference[] };
  for (const lesson of manifest.value.lessons) {
    if (lessonIds.has(lesson.id)) report.error(MANIFEST_FILE, 1, 1, `lesson id "${lesson.id}" is listed twice`);
    if (lessonFiles.has(lesson.file)) report.error(MANIFEST_FILE, 1, 1, `lesson file ${lesson.file} is listed twice`);
    lessonIds.add(lesson.id);
    lessonFiles.add(lesson.file);
  }
  for (const lesson of manifest.value.lessons) {
    if (!fs.existsSync(path.join(courseDir, lesson.file))) {
      report.error(MANIFEST_FILE, 1, 1, `lesson "${lesson.id}": ${lesson.file} does not exist`);
      continue;
    }
    const references = await checkLesson(courseDir, lesson.file, lessonIds, manifest.value.language, report);
    used.quizzes.push(...references.quizzes);
    used.exercises.push(...references.exercises);
  }
  for (const name of fs.existsSync(path.join(courseDir, 'lessons')) ? fs.readdirSync(path.join(courseDir, 'lessons')) : []) {
    if (name.endsWith('.mdx') && !lessonFiles.has(`lessons/${name}`))
      report.warning(`lessons/${name}`, 1, 1, 'this lesson is not listed in course.yaml, so learners will not see it');
  }
  checkReferences('quiz', used.quizzes, quizzes, broken.quizzes, (id) => quizzes.get(id)?.file ?? 'quizzes', report);
  checkReferences('exercise', used.exercises, exercises, broken.exercises, (id) => exercises.get(id) ?? 'exercises', report);
  checkObjectives(courseDir, [...lessonFiles], report);
  await checkTranslations({ courseDir, manifest: manifest.value, quizzes, exercises: exerciseDefinitions }, report);
  return report;
}
