import fs from 'node:fs';
import path from 'node:path';
import { isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { CheckReport } from './check-report.js';
import { courseYamlFiles } from './course-yaml-files.js';

/**
 * The link between lesson objectives and the questions and exercises that test them
 * (docs/course-format.md, "Linking questions to objectives"): an `assesses:` entry must name an
 * objective id of the course, and, once a course uses `assesses:` at all, every objective should
 * be assessed by something. Courses that never use `assesses:` get no coverage warnings.
 */

interface Located {
  file: string;
  line: number;
  column: number;
}

interface Objective extends Located {
  id: string | undefined;
  text: string;
}

interface AssessesEntry extends Located {
  id: string;
}

/** MDX frontmatter: the YAML between a first line `---` and the next `---` line. */
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

function positionOf(document: Document, lineCounter: LineCounter, keyPath: (string | number)[]): { line: number; col: number } {
  const node = document.getIn(keyPath, true) as { range?: [number, number, number] } | undefined;
  return lineCounter.linePos(node?.range?.[0] ?? 0);
}

function parse(text: string): { document: Document; lineCounter: LineCounter } | null {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  // Broken YAML is reported elsewhere (frontmatter, quiz and exercise checks); nothing to link here.
  return document.errors.length > 0 ? null : { document, lineCounter };
}

function lessonObjectives(courseDir: string, file: string): Objective[] {
  let source: string;
  try {
    source = fs.readFileSync(path.join(courseDir, file), 'utf8');
  } catch {
    return [];
  }
  const match = FRONTMATTER.exec(source);
  const parsed = match ? parse(match[1] ?? '') : null;
  if (!parsed) return [];
  const { document, lineCounter } = parsed;
  const list = document.get('objectives', true);
  if (!isSeq(list)) return [];
  const values: unknown[] = list.toJSON() as unknown[];
  return values.flatMap((value, index): Objective[] => {
    const idValue = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).id : undefined;
    const textValue = typeof value === 'string' ? value : (value as Record<string, unknown> | null)?.text;
    if (typeof textValue !== 'string') return [];
    const id = typeof idValue === 'string' ? idValue : undefined;
    // The frontmatter's YAML starts on the file's line 2, after the opening `---`.
    const { line, col } = positionOf(document, lineCounter, id ? ['objectives', index, 'id'] : ['objectives', index]);
    return [{ file, line: line + 1, column: col, id, text: textValue }];
  });
}

function assessesAt(document: Document, lineCounter: LineCounter, file: string, keyPath: (string | number)[]): AssessesEntry[] {
  const list = document.getIn(keyPath, true);
  if (!isSeq(list)) return [];
  return list.items.flatMap((item, index): AssessesEntry[] => {
    if (!isScalar(item) || typeof item.value !== 'string') return [];
    const { line, col } = positionOf(document, lineCounter, [...keyPath, index]);
    return [{ file, line, column: col, id: item.value }];
  });
}

function assessesEntries(courseDir: string): AssessesEntry[] {
  const entries: AssessesEntry[] = [];
  for (const folder of ['quizzes', 'exercises'] as const) {
    for (const file of courseYamlFiles(courseDir, folder)) {
      const parsed = parse(fs.readFileSync(path.join(courseDir, file), 'utf8'));
      if (!parsed) continue;
      const { document, lineCounter } = parsed;
      if (folder === 'exercises') {
        entries.push(...assessesAt(document, lineCounter, file, ['assesses']));
        continue;
      }
      const questions = document.get('questions', true);
      if (!isSeq(questions)) continue;
      questions.items.forEach((_, index) => {
        entries.push(...assessesAt(document, lineCounter, file, ['questions', index, 'assesses']));
      });
    }
  }
  return entries;
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 70 ? `${oneLine.slice(0, 67)}...` : oneLine;
}

/** Checks objective ids, `assesses:` entries and objective coverage for the lessons listed in course.yaml. */
export function checkObjectives(courseDir: string, lessonFiles: string[], report: CheckReport): void {
  const objectives = lessonFiles.flatMap((file) => lessonObjectives(courseDir, file));
  const byId = new Map<string, Objective>();
  for (const objective of objectives) {
    if (!objective.id) continue;
    const first = byId.get(objective.id);
    if (first) {
      report.error(
        objective.file,
        objective.line,
        objective.column,
        `objective id "${objective.id}" is already used in ${first.file}:${first.line}; objective ids must be unique within the course`,
      );
    } else byId.set(objective.id, objective);
  }

  const entries = assessesEntries(courseDir);
  for (const entry of entries) {
    if (!byId.has(entry.id)) {
      report.error(
        entry.file,
        entry.line,
        entry.column,
        `assesses "${entry.id}", but no lesson of this course has an objective with that id`,
      );
    }
  }
  if (entries.length === 0) return;

  const assessed = new Set(entries.map((entry) => entry.id));
  for (const objective of objectives) {
    if (objective.id && assessed.has(objective.id)) continue;
    const how = objective.id
      ? `add "${objective.id}" to the assesses: list of a question or exercise that tests it`
      : 'give it an id (- id: ..., text: ...) and name that id in a question or exercise';
    report.warning(
      objective.file,
      objective.line,
      objective.column,
      `objective "${shorten(objective.text)}" is not assessed by any question or exercise: ${how}`,
    );
  }
}
