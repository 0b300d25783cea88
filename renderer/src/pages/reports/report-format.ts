import { isLanguage, type Language } from '../../../../electron/contract/languages';
import { intlLocale } from '../../i18n/format';

/** Numbers, durations and dates of the reports in the person's language (Intl, never by hand; English is British). */

export function formatPercent(percent: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);
}

export function formatShare(share: number | null, language: string): string {
  return share === null
    ? '—'
    : new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 1 }).format(value);
}

/** Minutes (hours and minutes from an hour on), as a trainer reads time spent. */
export function formatDuration(seconds: number, language: string): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60)
    return new Intl.NumberFormat(intlLocale(language), { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(minutes);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = new Intl.NumberFormat(intlLocale(language), { style: 'unit', unit: 'hour', unitDisplay: 'short' }).format(hours);
  return rest === 0
    ? h
    : `${h} ${new Intl.NumberFormat(intlLocale(language), { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(rest)}`;
}

export function formatWhen(iso: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** Whether the language writes decimals with a comma: its spreadsheets then expect ";" between CSV fields. */
export function usesDecimalComma(language: string): boolean {
  return new Intl.NumberFormat(intlLocale(language))
    .formatToParts(1.5)
    .some((part) => part.type === 'decimal' && part.value === ',');
}

/** The interface language as the reports channels take it: titles and answers come from the course's translation into it. */
export function readerLanguage(language: string): Language {
  return isLanguage(language) ? language : 'en';
}
