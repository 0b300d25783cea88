/** Spaces people put in numbers, including the no-break spaces of French and Catalan typing. */
const NUMBER_SPACES = /[\s\u00a0\u202f]/g;

/**
 * Reads a number as a European or English learner types it: `10,5` and `10.5` are the same,
 * a leading sign is fine, and the question's unit (`8,4 %`) may follow. Returns null when the
 * text is not one plain number (for example `1.234,5`, where the separators are ambiguous).
 */
export function parseDecimal(typed: string, unit?: string): number | null {
  let text = typed.replace(NUMBER_SPACES, '');
  if (unit) {
    const compactUnit = unit.replace(NUMBER_SPACES, '');
    if (compactUnit && text.toLowerCase().endsWith(compactUnit.toLowerCase())) text = text.slice(0, -compactUnit.length);
  }
  if (!/^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/.test(text)) return null;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** Whether `value` is within `tolerance` of `expected`, forgiving binary rounding (10.55 - 10.5 is not exactly 0.05). */
export function withinTolerance(value: number, expected: number, tolerance: number): boolean {
  const slack = 1e-9 * Math.max(1, Math.abs(expected), Math.abs(tolerance));
  return Math.abs(value - expected) <= tolerance + slack;
}
