import type { FormatterModule } from 'i18next';

/**
 * Numbers, percentages, dates, times and lists as the interface language writes them, all from
 * `Intl` ("12,5" in Catalan, "12.5" in English; "7 de desembre del 2026", "2026. gada 7. decembris").
 * Every page and lesson component formats through here so that one page never mixes two styles.
 * Formatters are cached: pages format many values per render.
 */
/**
 * The Intl locale for an interface language. Aula's English is British English (it is written for
 * European partners): dates read "7 December 2026", not "December 7, 2026".
 */
export function intlLocale(language: string): string {
  return language === 'en' ? 'en-GB' : language;
}

const cache = new Map<string, { format(value: never): string }>();

function cached<T extends { format(value: never): string }>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

/** A number with up to `maximumFractionDigits` decimals (2 by default) and the language's grouping. */
export function formatNumber(value: number, language: string, maximumFractionDigits = 2): string {
  return cached(
    `n|${language}|${maximumFractionDigits}`,
    () => new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits }),
  ).format(value);
}

/** A share given out of 100 (a score of 87.5 %), as the language writes percentages: "87.5%", "87,5 %". */
export function formatPercent(outOf100: number, language: string): string {
  return cached(
    `p|${language}`,
    () => new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 1 }),
  ).format(outOf100 / 100);
}

type DateLike = string | number | Date;

/** A day, written out in full ("7 December 2026"; "7 de desembre del 2026"). */
export function formatLongDate(date: DateLike, language: string): string {
  return cached(`d|${language}`, () => new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long' })).format(
    new Date(date),
  );
}

/** A day and time of day, for events such as a backup ("7 December 2026 at 10:05"). */
export function formatDateTime(date: DateLike, language: string): string {
  return cached(
    `dt|${language}`,
    () => new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long', timeStyle: 'short' }),
  ).format(new Date(date));
}

/** A short day for chart axes ("7 Dec", "7 de des.", "7. dec."). */
export function formatShortDay(date: DateLike, language: string): string {
  return cached(`sd|${language}`, () => new Intl.DateTimeFormat(intlLocale(language), { day: 'numeric', month: 'short' })).format(
    new Date(date),
  );
}

/** A time of day in hours and minutes, as the language writes it ("10:05 AM", "10:05"). */
export function formatTime(date: DateLike, language: string): string {
  return cached(
    `t|${language}`,
    () => new Intl.DateTimeFormat(intlLocale(language), { hour: '2-digit', minute: '2-digit' }),
  ).format(new Date(date));
}

/** Items joined as the language lists them ("a, b and c"; "a, b i c"; "a, b ir c"). */
export function formatList(items: readonly string[], language: string): string {
  return cached(`l|${language}`, () => new Intl.ListFormat(intlLocale(language), { style: 'long', type: 'conjunction' })).format(
    items,
  );
}

/**
 * Every number put into a sentence ("{{count}} files", "{{score}} of {{max}}") is written as the
 * sentence's language writes numbers: "1,250" in English, "1.250" in Catalan, "1 250" in French.
 * Text (names, titles, numbers the caller already formatted) passes through unchanged.
 */
export const numbersInLanguage: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format: (value: unknown, _format, language) =>
    typeof value === 'number' && language ? formatNumber(value, language) : (value as string),
};
