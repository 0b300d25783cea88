/**
 * The rows a benchmark produces and the two ways they are shown: a plain-text table for the
 * terminal and a Markdown table for README.md. A row is either a measured figure (with its
 * baseline and budget), a yes/no check, or says plainly that it was not measured or failed:
 * there is no way to print a number that was not measured.
 */
import { comparedFigure, describeBudget, verdict, type Budget, type Verdict } from './budgets.js';

export type Unit = 'ms' | 's' | 'MB' | 'kB' | 'rows';

export interface BaselineFigure {
  /** What the baseline is, e.g. "bare Vite + React page". */
  label: string;
  value: number;
}

interface RowBase {
  /** Heading the row is listed under, e.g. "1. Start". */
  section: string;
  name: string;
}

export interface MeasuredRow extends RowBase {
  kind: 'measured';
  value: number;
  unit: Unit;
  baseline?: BaselineFigure;
  budget?: Budget;
}

/** A property that holds or not (query plans use indexes; heavy code is in separate chunks). */
export interface CheckRow extends RowBase {
  kind: 'check';
  ok: boolean;
  detail: string;
}

export interface NotMeasuredRow extends RowBase {
  kind: 'not-measured';
  reason: string;
}

export interface FailedRow extends RowBase {
  kind: 'failed';
  reason: string;
}

export type BenchRow = MeasuredRow | CheckRow | NotMeasuredRow | FailedRow;

export type RowResult = Verdict | 'FAIL' | 'not measured' | 'failed' | null;

export interface JudgedRow {
  row: BenchRow;
  /** value / baseline, when the row has a baseline. */
  ratio: number | null;
  result: RowResult;
}

export function judgeRow(row: BenchRow): JudgedRow {
  switch (row.kind) {
    case 'measured': {
      const ratio = row.baseline && row.baseline.value > 0 ? row.value / row.baseline.value : null;
      if (!row.budget) return { row, ratio, result: null };
      const compared = comparedFigure(row.value, row.baseline?.value, row.budget);
      return { row, ratio, result: compared === null ? null : verdict(compared, row.budget) };
    }
    case 'check':
      return { row, ratio: null, result: row.ok ? 'PASS' : 'FAIL' };
    case 'not-measured':
      return { row, ratio: null, result: 'not measured' };
    case 'failed':
      return { row, ratio: null, result: 'failed' };
  }
}

export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      // Sub-millisecond figures (database reads) keep two significant digits instead of reading "0.0".
      return `${value < 1 ? value.toPrecision(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;
    case 's':
      return `${value.toFixed(1)} s`;
    case 'MB':
    case 'kB':
      return `${value.toFixed(1)} ${unit}`;
    case 'rows':
      return `${Math.round(value).toLocaleString('en-US')} rows`;
  }
}

/** Two decimals, or three where two would round a figure onto its ratio budget's limit and hide the verdict. */
export function formatRatio(ratio: number, budget?: Budget): string {
  const twoDecimals = ratio.toFixed(2);
  const hidesVerdict = budget?.on === 'ratio' && Number(twoDecimals) === budget.limit && ratio !== budget.limit;
  return `${hidesVerdict ? ratio.toFixed(3) : twoDecimals} x`;
}

const HEADERS = ['Measurement', 'Value', 'Baseline (same run)', 'Ratio', 'Budget', 'Result'] as const;

function cells(judged: JudgedRow): string[] {
  const { row, ratio, result } = judged;
  switch (row.kind) {
    case 'measured':
      return [
        row.name,
        formatValue(row.value, row.unit),
        row.baseline ? `${formatValue(row.baseline.value, row.unit)} (${row.baseline.label})` : '',
        ratio === null ? '' : formatRatio(ratio, row.budget),
        row.budget ? describeBudget(row.budget) : '',
        result ?? '',
      ];
    case 'check':
      return [row.name, row.detail, '', '', 'must hold', result ?? ''];
    case 'not-measured':
      return [row.name, '-', '', '', '', `not measured: ${row.reason}`];
    case 'failed':
      return [row.name, '-', '', '', '', `FAILED: ${row.reason}`];
  }
}

function sections(rows: readonly BenchRow[]): Map<string, JudgedRow[]> {
  const grouped = new Map<string, JudgedRow[]>();
  for (const row of rows) {
    const list = grouped.get(row.section) ?? [];
    list.push(judgeRow(row));
    grouped.set(row.section, list);
  }
  return grouped;
}

/** A fixed-width table for the terminal, one block per section. */
export function formatTextTable(rows: readonly BenchRow[]): string {
  const grouped = sections(rows);
  const body = [...grouped.values()].flat().map(cells);
  const widths = HEADERS.map((header, column) => Math.max(header.length, ...body.map((line) => line[column]?.length ?? 0)));
  const line = (values: readonly string[]) =>
    values
      .map((value, column) => value.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [line(HEADERS), widths.map((width) => '-'.repeat(width)).join('  ')];
  for (const [section, judged] of grouped) {
    out.push('', `${section}`);
    for (const row of judged) out.push(line(cells(row)));
  }
  return out.join('\n');
}

function escapeMarkdownCell(text: string): string {
  // `<Chart>` in a cell would be read as an HTML tag and vanish from the rendered table.
  return text
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ')
    .replace(/<(?=[A-Za-z/])/g, '&lt;');
}

/** The same table in Markdown, with a bold line per section, for README.md. */
export function formatMarkdownTable(rows: readonly BenchRow[]): string {
  const out = [`| ${HEADERS.join(' | ')} |`, `|${HEADERS.map(() => '---').join('|')}|`];
  for (const [section, judged] of sections(rows)) {
    out.push(`| **${escapeMarkdownCell(section)}** |${' |'.repeat(HEADERS.length - 1)}`);
    for (const row of judged) out.push(`| ${cells(row).map(escapeMarkdownCell).join(' | ')} |`);
  }
  return out.join('\n');
}

/** One line per budgeted row that is OVER, and per check or measurement that failed. */
export function problems(rows: readonly BenchRow[]): string[] {
  return rows
    .map(judgeRow)
    .filter(({ result }) => result === 'OVER' || result === 'FAIL' || result === 'failed')
    .map(({ row, result }) => `${row.section} / ${row.name}: ${result}`);
}
