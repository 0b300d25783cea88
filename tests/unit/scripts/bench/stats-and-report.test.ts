import { describe, expect, it } from 'vitest';
import { BUDGETS, comparedFigure, describeBudget, verdict } from '../../../../scripts/bench/lib/budgets.js';
import {
  formatMarkdownTable,
  formatRatio,
  formatTextTable,
  formatValue,
  judgeRow,
  problems,
  type BenchRow,
} from '../../../../scripts/bench/lib/report.js';
import { median, percentile, summarize } from '../../../../scripts/bench/lib/stats.js';

describe('percentile (nearest rank)', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('returns a sample that was measured, at the nearest rank', () => {
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 95)).toBe(95);
    expect(percentile(oneToHundred, 99)).toBe(99);
    expect(percentile(oneToHundred, 100)).toBe(100);
    expect(percentile(oneToHundred, 0)).toBe(1);
    // 30 opens: p95 is the 29th smallest (ceil(0.95 * 30) = 29), not an interpolation.
    const thirty = Array.from({ length: 30 }, (_, i) => (i + 1) * 10);
    expect(percentile(thirty, 95)).toBe(290);
    expect(percentile([7.5, 1.25, 3], 50)).toBe(3);
  });

  it('does not depend on the order of the samples', () => {
    const shuffled = [5, 1, 4, 2, 3];
    expect(percentile(shuffled, 80)).toBe(4);
    expect(shuffled).toEqual([5, 1, 4, 2, 3]);
  });

  it('refuses empty input, non-numbers and percentiles outside 0-100', () => {
    expect(() => percentile([], 50)).toThrow(/no samples/);
    expect(() => percentile([1, Number.NaN], 50)).toThrow(/not a finite sample/);
    expect(() => percentile([1], 101)).toThrow(/0 to 100/);
    expect(() => percentile([1], -1)).toThrow(/0 to 100/);
  });
});

describe('median and summarize', () => {
  it('takes the middle sample, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('summarises count, extremes, percentiles and mean', () => {
    const samples = Array.from({ length: 1000 }, (_, i) => 1000 - i);
    expect(summarize(samples)).toEqual({ count: 1000, min: 1, p50: 500, p95: 950, p99: 990, max: 1000, mean: 500.5 });
  });
});

describe('budget verdicts', () => {
  it('passes at or under the limit and is OVER above it', () => {
    expect(verdict(50, BUDGETS.textLessonOpenP95Ms)).toBe('PASS');
    expect(verdict(50.01, BUDGETS.textLessonOpenP95Ms)).toBe('OVER');
    expect(verdict(1.3, BUDGETS.startRatio)).toBe('PASS');
    expect(verdict(1.31, BUDGETS.startRatio)).toBe('OVER');
    expect(() => verdict(Number.NaN, BUDGETS.startRatio)).toThrow();
  });

  it('compares a ratio budget against value / baseline, and has nothing to compare without a baseline', () => {
    expect(comparedFigure(650, 500, BUDGETS.startRatio)).toBeCloseTo(1.3);
    expect(comparedFigure(650, undefined, BUDGETS.startRatio)).toBeNull();
    expect(comparedFigure(650, 0, BUDGETS.startRatio)).toBeNull();
    expect(comparedFigure(12, 3, BUDGETS.answerRoundTripP99Ms)).toBe(12);
  });

  it('describes budgets for the table', () => {
    expect(describeBudget(BUDGETS.startRatio)).toBe('<= 1.3 x baseline');
    expect(describeBudget(BUDGETS.initialJsGzipKB)).toBe('<= 200 kB');
  });
});

const rows: BenchRow[] = [
  {
    kind: 'measured',
    section: '1. Start',
    name: 'Start to interactive catalog (median of 5)',
    value: 700,
    unit: 'ms',
    baseline: { label: 'bare Vite + React page', value: 500 },
    budget: BUDGETS.startRatio,
  },
  {
    kind: 'measured',
    section: '2. Lesson open',
    name: 'Text lesson, p95 of 30',
    value: 21.456,
    unit: 'ms',
    baseline: { label: 'pre-rendered HTML', value: 8 },
    budget: BUDGETS.textLessonOpenP95Ms,
  },
  { kind: 'check', section: '4. Database', name: 'Query plans use indexes', ok: false, detail: '1 full scan of quiz_answers' },
  { kind: 'not-measured', section: '5. Packs', name: 'Pack all bundled courses', reason: 'course packs are not built yet' },
  { kind: 'failed', section: '6. Memory', name: 'Renderer heap', reason: 'Chromium crashed' },
  { kind: 'measured', section: '4. Database', name: 'Attempts generated', value: 1_000_000, unit: 'rows' },
];

describe('row verdicts and tables', () => {
  it('judges ratio budgets on the ratio and value budgets on the value', () => {
    expect(judgeRow(rows[0]!)).toMatchObject({ ratio: 1.4, result: 'OVER' });
    expect(judgeRow(rows[1]!)).toMatchObject({ result: 'PASS' });
    expect(judgeRow(rows[1]!).ratio).toBeCloseTo(2.682, 3);
    expect(judgeRow(rows[2]!).result).toBe('FAIL');
    expect(judgeRow(rows[3]!).result).toBe('not measured');
    expect(judgeRow(rows[5]!)).toEqual({ row: rows[5], ratio: null, result: null });
  });

  it('formats values with their units', () => {
    expect(formatValue(21.456, 'ms')).toBe('21.5 ms');
    expect(formatValue(1234.4, 'ms')).toBe('1234 ms');
    expect(formatValue(0.0523, 'ms')).toBe('0.052 ms');
    expect(formatValue(105.56, 'kB')).toBe('105.6 kB');
    expect(formatValue(1_000_000, 'rows')).toBe('1,000,000 rows');
  });

  it('shows a third decimal only where two would round a ratio onto its limit', () => {
    expect(formatRatio(1.4)).toBe('1.40 x');
    expect(formatRatio(1.3012, BUDGETS.startRatio)).toBe('1.301 x');
    expect(formatRatio(1.2987, BUDGETS.startRatio)).toBe('1.299 x');
    expect(formatRatio(1.3, BUDGETS.startRatio)).toBe('1.30 x');
    expect(formatRatio(1.3012, BUDGETS.textLessonOpenP95Ms)).toBe('1.30 x');
  });

  it('prints every row under its section, with baseline, ratio, budget and result', () => {
    const text = formatTextTable(rows);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^Measurement\s+Value\s+Baseline \(same run\)\s+Ratio\s+Budget\s+Result$/);
    const start = lines.find((line) => line.startsWith('Start to interactive catalog'));
    expect(start).toMatch(/700 ms\s+500 ms \(bare Vite \+ React page\)\s+1\.40 x\s+<= 1\.3 x baseline\s+OVER$/);
    expect(text).toContain('not measured: course packs are not built yet');
    expect(text).toContain('FAILED: Chromium crashed');
    expect(lines.find((line) => line.startsWith('Query plans use indexes'))).toMatch(/1 full scan of quiz_answers.*FAIL$/);
    // The two database rows stay together under one heading even though they were not adjacent.
    expect(lines.filter((line) => line === '4. Database')).toHaveLength(1);
    // Columns line up: every cell of the Result column starts at the same offset.
    const resultColumn = lines[0]!.indexOf('Result');
    expect(start!.slice(resultColumn)).toBe('OVER');
  });

  it('renders the same rows as a Markdown table, escaping pipes', () => {
    const markdown = formatMarkdownTable([
      ...rows,
      { kind: 'check', section: '7. Size', name: 'a | b', ok: true, detail: 'ok' },
      { kind: 'not-measured', section: '7. Size', name: 'Chart lesson', reason: 'no lesson uses <Chart> yet' },
    ]);
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('| Measurement | Value | Baseline (same run) | Ratio | Budget | Result |');
    expect(lines[1]).toBe('|---|---|---|---|---|---|');
    expect(lines).toContain('| **1. Start** | | | | | |');
    expect(markdown).toContain('| a \\| b | ok |  |  | must hold | PASS |');
    // A component's tag would vanish as HTML; a budget's <= stays as it is.
    expect(markdown).toContain('not measured: no lesson uses &lt;Chart> yet');
    expect(markdown).toContain('| <= 1.3 x baseline |');
    for (const line of lines) expect(line.startsWith('|') && line.endsWith('|')).toBe(true);
  });

  it('lists what is over budget, failed or did not hold', () => {
    expect(problems(rows)).toEqual([
      '1. Start / Start to interactive catalog (median of 5): OVER',
      '4. Database / Query plans use indexes: FAIL',
      '6. Memory / Renderer heap: failed',
    ]);
  });
});
