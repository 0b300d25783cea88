import { z } from 'zod';
import { CourseProblem } from '../course-source/course-problem.js';
import { validateYamlText } from './yaml-file.js';

// The frontmatter block at the very top of a lesson: its YAML starts on the file's second line.
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * The first problem of a lesson's frontmatter, at its line and column in the lesson file, or
 * undefined when there is none. Used once something failed (the compiler's YAML error, or the
 * schema), so a trainer is sent to the line to change rather than to the top of the file.
 */
export function frontmatterProblem(source: string, file: string, schema: z.ZodType = z.unknown()): CourseProblem | undefined {
  const match = FRONTMATTER.exec(source);
  if (!match) return undefined;
  const result = validateYamlText(match[1] ?? '', file, schema);
  if (result.ok) return undefined;
  const [first] = result.problems;
  if (!first) return undefined;
  return new CourseProblem(file, `in the frontmatter, ${first.detail}`, (first.line ?? 1) + 1, first.column ?? 1);
}
