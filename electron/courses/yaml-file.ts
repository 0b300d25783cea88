import fs from 'node:fs';
import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { CourseProblem } from '../course-source/course-problem.js';
import { YamlValueCache } from '../course-source/yaml-value-cache.js';

/**
 * The first syntax error of a YAML file, where the trainer must change it. Only the first: the
 * parser's later errors are nearly always knock-on effects of it. A line indented more than its
 * neighbours makes YAML read it and the line above as one key; the library then points at the
 * start of that key, one line too early, so the line where the key ends is named instead.
 */
function syntaxProblem(displayName: string, text: string, errors: YAMLError[], lineCounter: LineCounter): CourseProblem {
  const [first] = errors;
  // The library appends "at line N, column M:"; the position is given separately.
  const message = (first?.message.split('\n')[0] ?? 'invalid YAML').replace(/ at line \d+, column \d+:?$/, '');
  const position = first?.linePos?.[0];
  const multilineKey = errors.find((error) => error.code === 'MULTILINE_IMPLICIT_KEY' && error.pos[0] === first?.pos[0]);
  if (multilineKey) {
    const { line } = lineCounter.linePos(multilineKey.pos[1]);
    const lineText = text.split(/\r?\n/)[line - 1] ?? '';
    const column = lineText.length - lineText.trimStart().length + 1;
    return new CourseProblem(
      displayName,
      `this line is indented differently from the lines around it, so YAML reads it as part of the line above; line it up with the other keys of its block (YAML says: ${message})`,
      line,
      column,
    );
  }
  return new CourseProblem(displayName, message, position?.line, position?.col);
}

/**
 * `answer: 12,5` is text to YAML, not a number. Says what to write instead of "expected number,
 * received string", which leaves a trainer used to decimal commas guessing.
 */
function decimalCommaAdvice(issue: z.core.$ZodIssue, document: Document): string | undefined {
  if (issue.code !== 'invalid_type' || issue.expected !== 'number') return undefined;
  const value = document.getIn(issue.path as (string | number)[]);
  if (typeof value !== 'string' || !/^[+-]?\d+,\d+$/.test(value.trim())) return undefined;
  const written = value.trim().replace(',', '.');
  return `write ${written} in YAML: numbers in course files take a decimal point, not a comma (learners may still type ${value.trim()})`;
}

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
  return validateYamlText(text, displayName, schema, (value) => {
    if (cache && value !== undefined) cache.set(hash, value);
  });
}

/**
 * Parses YAML text and validates it, each problem with its line and column in the text. Also
 * used for a lesson's frontmatter (whose lines the caller shifts to the lesson file's).
 */
export function validateYamlText<T>(
  text: string,
  displayName: string,
  schema: z.ZodType<T>,
  onParsed?: (value: unknown) => void,
): { ok: true; value: T } | { ok: false; problems: CourseProblem[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: true, lineCounter });
  if (document.errors.length > 0)
    return { ok: false, problems: [syntaxProblem(displayName, text, document.errors, lineCounter)] };
  const value: unknown = document.toJS();
  onParsed?.(value);
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
      return new CourseProblem(displayName, `${where}${decimalCommaAdvice(issue, document) ?? issue.message}`, line, col);
    }),
  };
}

/** Like readYamlFile, for the app's loader: the first problem is thrown. */
export function readYamlFileOrThrow<T>(file: string, displayName: string, schema: z.ZodType<T>, cache?: YamlValueCache): T {
  const result = readYamlFile(file, displayName, schema, cache);
  if (!result.ok) throw result.problems[0] ?? new CourseProblem(displayName, 'is not valid');
  return result.value;
}
