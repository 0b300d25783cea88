import { createRequire } from 'node:module';

/**
 * Learning Locker's xAPI statement validator (the one its LRS runs on every statement), as a
 * function returning the list of problems: empty means valid xAPI.
 */
const require = createRequire(import.meta.url);
const validate = (require('xapi-validation') as { default: (statement: unknown) => unknown[] }).default;

export function xapiProblems(statement: unknown): string[] {
  return validate(statement).map((warning) => {
    const { path, message } = warning as { path?: unknown[]; message?: string };
    return `${(path ?? []).join('.')}: ${message ?? String(warning)}`;
  });
}
