import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { loadExercises, type LoadedExercise } from '../exercises/load-exercises.js';
import { QuizDefinitionSchema, type QuizDefinition } from '../quiz/quiz-definition.js';
import { CourseManifestSchema, LessonFrontmatterSchema, type CourseManifest, type LessonFrontmatter } from './course-manifest.js';
import { CourseProblem, describeSchemaIssues } from './course-problem.js';
import { LessonCompileError } from './compile-lesson.js';
import { compileLessonCached } from './lesson-cache.js';

export const MANIFEST_FILE = 'course.yaml';

export interface LoadedLesson extends LessonFrontmatter {
  id: string;
  moduleHash: string;
}

export interface LoadedCourse {
  dir: string;
  manifest: CourseManifest;
  lessons: LoadedLesson[];
  quizzes: Map<string, QuizDefinition>;
  exercises: Map<string, LoadedExercise>;
}

export interface CompileCounts {
  compiled: number;
  reused: number;
}

function readYamlFile<T>(file: string, displayName: string, schema: z.ZodType<T>): T {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new CourseProblem(displayName, 'cannot be read (is it missing?)');
  }
  const document = parseDocument(text, { prettyErrors: true });
  const firstError = document.errors[0];
  if (firstError) {
    const position = firstError.linePos?.[0];
    throw new CourseProblem(displayName, firstError.message.split('\n')[0] ?? 'invalid YAML', position?.line, position?.col);
  }
  const parsed = schema.safeParse(document.toJS());
  if (!parsed.success) throw new CourseProblem(displayName, describeSchemaIssues(parsed.error));
  return parsed.data;
}

function loadQuizzes(courseDir: string): Map<string, QuizDefinition> {
  const quizzes = new Map<string, QuizDefinition>();
  const quizDir = path.join(courseDir, 'quizzes');
  if (!fs.existsSync(quizDir)) return quizzes;
  for (const name of fs.readdirSync(quizDir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const displayName = `quizzes/${name}`;
    const quiz = readYamlFile(path.join(quizDir, name), displayName, QuizDefinitionSchema);
    if (quizzes.has(quiz.id)) throw new CourseProblem(displayName, `quiz id "${quiz.id}" is used by another quiz file too`);
    quizzes.set(quiz.id, quiz);
  }
  return quizzes;
}

/** Reads, validates and compiles one course folder. Throws CourseProblem naming the file at fault. */
export async function loadCourse(courseDir: string, cacheDir: string, counts: CompileCounts): Promise<LoadedCourse> {
  const manifest = readYamlFile(path.join(courseDir, MANIFEST_FILE), MANIFEST_FILE, CourseManifestSchema);
  const quizzes = loadQuizzes(courseDir);
  const exercises = await loadExercises(courseDir, readYamlFile);
  const lessons: LoadedLesson[] = [];
  const seen = new Set<string>();
  for (const entry of manifest.lessons) {
    if (seen.has(entry.id)) throw new CourseProblem(MANIFEST_FILE, `lesson id "${entry.id}" appears twice`);
    seen.add(entry.id);
    let source: string;
    try {
      source = fs.readFileSync(path.join(courseDir, entry.file), 'utf8');
    } catch {
      throw new CourseProblem(entry.file, 'is listed in course.yaml but cannot be read');
    }
    let cached;
    try {
      cached = await compileLessonCached(cacheDir, source, entry.file, courseDir);
    } catch (error) {
      if (error instanceof LessonCompileError) throw new CourseProblem(entry.file, error.detail);
      throw error;
    }
    if (cached.compiled) counts.compiled += 1;
    else counts.reused += 1;
    const frontmatter = LessonFrontmatterSchema.safeParse(cached.frontmatter);
    if (!frontmatter.success) {
      throw new CourseProblem(entry.file, `frontmatter: ${describeSchemaIssues(frontmatter.error)}`);
    }
    lessons.push({ id: entry.id, moduleHash: cached.hash, ...frontmatter.data });
  }
  return { dir: courseDir, manifest, lessons, quizzes, exercises };
}
