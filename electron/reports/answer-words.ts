import type { Language } from '../contract/channels.js';

/**
 * Words of item analysis in the manager's language. Reports take lesson, quiz and question titles
 * from the course's translation into that language (report-handlers.ts); these are the few words
 * an answer's text needs that no course file holds.
 */

/** How a true/false answer reads in item analysis (the same words as the quiz's buttons). */
const TRUE_FALSE: Record<Language, { true: string; false: string }> = {
  en: { true: 'True', false: 'False' },
  ca: { true: 'Cert', false: 'Fals' },
  es: { true: 'Verdadero', false: 'Falso' },
  it: { true: 'Vero', false: 'Falso' },
  fr: { true: 'Vrai', false: 'Faux' },
  nl: { true: 'Waar', false: 'Niet waar' },
  lv: { true: 'Patiess', false: 'Nepatiess' },
  lt: { true: 'Tiesa', false: 'Netiesa' },
  sv: { true: 'Sant', false: 'Falskt' },
};

export function trueFalseText(value: boolean, language: Language): string {
  return TRUE_FALSE[language][value ? 'true' : 'false'];
}

/** A typed number as the reader writes numbers ("10,5" in Catalan), without thousands separators. */
const numberFormats = new Map<Language, Intl.NumberFormat>();

export function numberText(value: number, language: Language): string {
  // Made once per language: item analysis writes thousands of distinct wrong numbers at scale.
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { useGrouping: false, maximumFractionDigits: 20 });
    numberFormats.set(language, format);
  }
  return format.format(value);
}
