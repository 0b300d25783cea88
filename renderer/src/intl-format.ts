/**
 * Dates, numbers and lists in the interface language, through `Intl` (never the browser's own
 * locale, which may differ from the language the learner chose). One small module so it can fold
 * into a shared formatting module later.
 */

/** A calendar day ("2026-12-07") or an ISO time, as a date in the learner's language. */
export function formatDate(language: string, value: string, style: 'long' | 'medium' | 'short' = 'long'): string {
  // A bare day is read at noon, so no time zone moves it to the day before.
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00` : value);
  return new Intl.DateTimeFormat(language, { dateStyle: style }).format(date);
}

/** A short day and month ("7 Dec"), for chart axes. */
export function formatDayMonth(language: string, day: string): string {
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' }).format(new Date(`${day}T12:00:00`));
}

export function formatNumber(language: string, value: number): string {
  return new Intl.NumberFormat(language).format(value);
}

/** A whole-number percentage (45 → "45 %" or "45%", as the language writes it). */
export function formatPercent(language: string, percent: number): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

/** "a, b and c" in the learner's language. */
export function formatList(language: string, items: string[]): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
}
