import fs from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { CourseProblem } from './course-problem.js';
import { YamlValueCache } from './yaml-value-cache.js';

/**
 * Reads a YAML file of a course and validates it, reporting every problem with the line and
 * column where it is, so a trainer can go straight to it in their editor.
 */
export function readYamlFile<T>(
  file: string,
  displayName: string,
  schema: z.ZodType<T>,
  cache?: YamlValueCache,
): { ok: true; value: T } | { ok: false; problems: CourseProblem[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { ok: false, problems: [new CourseProblem(displayName, 'cannot be read (is it missing?)')] };
  }
  const hash = cache ? YamlValueCache.hashOf(text) : '';
  const cached = cache?.get(hash);
  if (cached !== undefined) {
    const parsed = schema.safeParse(cached);
    if (parsed.success) return { ok: true, value: parsed.data };
    // Invalid: parse the text again below, for the line and column of each problem.
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: true, lineCounter });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => {
        const position = error.linePos?.[0];
        // The library appends "at line N, column M:"; the position is given separately.
        const message = (error.message.split('\n')[0] ?? 'invalid YAML').replace(/ at line \d+, column \d+:?$/, '');
        return new CourseProblem(displayName, message, position?.line, position?.col);
      }),
    };
  }
  const value: unknown = document.toJS();
  if (cache && value !== undefined) cache.set(hash, value);
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      // Point at the deepest node of the issue's path that exists in the file.
      let offset = 0;
      for (let depth = issue.path.length; depth >= 0; depth -= 1) {
        const node = document.getIn(issue.path.slice(0, depth) as (string | number)[], true) as
          { range?: [number, number, number] } | undefined;
        if (node?.range) {
          offset = node.range[0];
          break;
        }
      }
      const { line, col } = lineCounter.linePos(offset);
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return new CourseProblem(displayName, `${where}${issue.message}`, line, col);
    }),
  };
}

/** Like readYamlFile, for the app's loader: the first problem is thrown. */
export function readYamlFileOrThrow<T>(file: string, displayName: string, schema: z.ZodType<T>, cache?: YamlValueCache): T {
  const result = readYamlFile(file, displayName, schema, cache);
  if (!result.ok) throw result.problems[0] ?? new CourseProblem(displayName, 'is not valid');
  return result.value;
}
