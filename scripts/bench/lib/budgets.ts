/**
 * The performance budgets on this machine, from the benchmark's brief. A budget either caps a
 * figure itself or caps its ratio to the baseline measured in the same run (for wall-clock times
 * that vary between runs on a shared PC, the ratio is the figure that means something).
 */

export type Verdict = 'PASS' | 'OVER';

export interface Budget {
  /** Largest value that still passes. */
  limit: number;
  /** `value`: the figure itself must be at most `limit`; `ratio`: figure / baseline must be. */
  on: 'value' | 'ratio';
  /** Unit of `limit` for a value budget (ratio budgets have none). */
  unit?: string;
}

export const BUDGETS = {
  /** Cold start to a usable profile picker (Aula's first page), relative to a bare Vite + React page served the same way. */
  startRatio: { limit: 1.3, on: 'ratio' },
  /** The same on a new data folder (to the first-run welcome): nothing to compile, the bundled lessons come prebuilt. */
  firstStartRatio: { limit: 1.5, on: 'ratio' },
  textLessonOpenP95Ms: { limit: 50, on: 'value', unit: 'ms' },
  answerRoundTripP99Ms: { limit: 10, on: 'value', unit: 'ms' },
  learnerHomeP95Ms: { limit: 10, on: 'value', unit: 'ms' },
  /** A manager's course report over 200 learners and a million attempts (issue #18). */
  courseReportP95Ms: { limit: 200, on: 'value', unit: 'ms' },
  rendererHeapMB: { limit: 120, on: 'value', unit: 'MB' },
  initialJsGzipKB: { limit: 200, on: 'value', unit: 'kB' },
  /** What a partner copies to a USB stick for Windows PCs. */
  windowsSetupMB: { limit: 60, on: 'value', unit: 'MB' },
} as const satisfies Record<string, Budget>;

/** PASS when the compared figure is within the budget's limit (equal passes). */
export function verdict(compared: number, budget: Budget): Verdict {
  if (!Number.isFinite(compared)) throw new Error(`cannot judge a figure that is not a number: ${compared}`);
  return compared <= budget.limit ? 'PASS' : 'OVER';
}

/** The figure a budget compares: the value, or its ratio to the baseline. Null when a ratio has no baseline. */
export function comparedFigure(value: number, baseline: number | undefined, budget: Budget): number | null {
  if (budget.on === 'value') return value;
  if (baseline === undefined || baseline <= 0) return null;
  return value / baseline;
}

export function describeBudget(budget: Budget): string {
  return budget.on === 'ratio' ? `<= ${budget.limit} x baseline` : `<= ${budget.limit} ${budget.unit ?? ''}`.trimEnd();
}
