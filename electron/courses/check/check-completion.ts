import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { completionRuleProblems, type CompletionRule } from '../completion-rule.js';
import { MANIFEST_FILE } from '../load-course.js';
import type { BrokenDefinitions } from './broken-definitions.js';
import type { CheckReport } from './check-report.js';

/**
 * Checks course.yaml's completion rule against the quizzes the course has, as the app does when
 * it loads the course (it refuses one whose final assessment does not exist). Skipped while a
 * quiz file is broken: the quiz it names may well be in it.
 */
export function checkCompletionRule(
  courseDir: string,
  completion: CompletionRule,
  quizIds: string[],
  broken: BrokenDefinitions,
  report: CheckReport,
): void {
  if (!broken.isEmpty()) return;
  const problems = completionRuleProblems(completion, quizIds);
  if (problems.length === 0) return;
  const text = fs.readFileSync(path.join(courseDir, MANIFEST_FILE), 'utf8');
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  for (const problem of problems) {
    const key = problem.startsWith('completion.count') ? 'count' : 'quiz';
    const node = document.getIn(['completion', key], true) as { range?: [number, number, number] } | undefined;
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    report.error(MANIFEST_FILE, line, col, problem);
  }
}
