import type { z } from 'zod';

/** A problem in a course's files, told so a trainer can find it: which file, where, what. */
export class CourseProblem extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${file}${line ? `:${line}:${column ?? 1}` : ''} ${detail}`);
    this.name = 'CourseProblem';
  }
}

export function describeSchemaIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}`)
    .join('; ');
}
