/**
 * The learner pages' way of writing dates, numbers and lists (language first), on top of the
 * interface's one formatting module (`i18n/format.ts`), so every page writes them alike, with
 * Aula's English as British English.
 */
import {
  formatList as listOf,
  formatLongDate,
  formatNumber as numberOf,
  formatPercent as percentOf,
  intlLocale,
} from './i18n/format';

/** A calendar day ("2026-12-07") or an ISO time, as a date in the learner's language. */
export function formatDate(language: string, value: string): string {
  // A bare day is read at noon, so no time zone moves it to the day before.
  return formatLongDate(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00` : value, language);
}

/** A short day and month ("7 Dec"), for chart axes. */
export function formatDayMonth(language: string, day: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { day: 'numeric', month: 'short' }).format(new Date(`${day}T12:00:00`));
}

export function formatNumber(language: string, value: number): string {
  return numberOf(value, language);
}

/** A percentage out of 100 as the language writes it ("45%", "45 %"). */
export function formatPercent(language: string, percent: number): string {
  return percentOf(percent, language);
}

/** "a, b and c" in the learner's language. */
export function formatList(language: string, items: string[]): string {
  return listOf(items, language);
}
