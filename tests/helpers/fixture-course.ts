import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

export interface FixtureCourse {
  id: string;
  /** Lesson ids; each gets a one-paragraph MDX file. */
  lessons: string[];
  /** Quiz files as objects, written as YAML into quizzes/. */
  quizzes: Record<string, unknown>[];
  completion?: Record<string, unknown>;
}

/** Writes a real course folder (course.yaml, lessons/*.mdx, quizzes/*.yaml) under `root`. */
export function writeFixtureCourse(root: string, course: FixtureCourse): string {
  const dir = path.join(root, course.id);
  fs.mkdirSync(path.join(dir, 'lessons'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'quizzes'), { recursive: true });
  const lessons = course.lessons.map((id, index) => ({ id, file: `lessons/${String(index + 1).padStart(2, '0')}-${id}.mdx` }));
  for (const lesson of lessons) {
    fs.writeFileSync(path.join(dir, lesson.file), `---\ntitle: Lesson ${lesson.id}\nminutes: 5\n---\n\nText of ${lesson.id}.\n`);
  }
  for (const quiz of course.quizzes) {
    fs.writeFileSync(path.join(dir, 'quizzes', `${String(quiz.id)}.yaml`), stringify(quiz));
  }
  const manifest = {
    id: course.id,
    version: '1.0.0',
    title: `Course ${course.id}`,
    language: 'en',
    lessons,
    ...(course.completion ? { completion: course.completion } : {}),
  };
  fs.writeFileSync(path.join(dir, 'course.yaml'), stringify(manifest));
  return dir;
}
