import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { ApiResponse } from '../../electron/contract/channels.js';
import { dispatch } from '../../electron/core/dispatch.js';
import type { RunningCore } from '../../electron/core/start-core.js';

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

/** Calls a channel through the core's one door, as both shells do. */
export function call(core: RunningCore, channel: string, args: unknown): Promise<ApiResponse<unknown>> {
  return dispatch(core.handlers, channel, args);
}

/** The result of a call that must succeed; a failure fails the test with the core's message. */
export async function ok<T>(core: RunningCore, channel: string, args: unknown): Promise<T> {
  const response = await call(core, channel, args);
  if (!response.ok) throw new Error(`${channel} failed: ${JSON.stringify(response.error)}`);
  return response.result as T;
}

/** The error of a call that must fail. */
export async function failure(core: RunningCore, channel: string, args: unknown) {
  const response = await call(core, channel, args);
  if (response.ok) throw new Error(`${channel} should have failed but returned ${JSON.stringify(response.result)}`);
  return response.error;
}
