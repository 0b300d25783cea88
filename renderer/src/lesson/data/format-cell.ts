import type { CellValue } from '../../../../electron/contract/data-values';
import { intlLocale } from '../../i18n/format';

const formats = new Map<string, Intl.NumberFormat>();

/** Numbers as the learner reads them in their language ("7,5" in Catalan, "7.5" in English); no thousands separators, so years stay 2024. */
export function formatCell(value: CellValue, language: string): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  let format = formats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 6, useGrouping: false });
    formats.set(language, format);
  }
  return format.format(value);
}

/** Text up to this length is a token (a date, an id, a number with its unit), never broken across lines. */
const TOKEN_LENGTH = 24;

/**
 * Whether a cell's text must stay on one line: short tokens like 2024-01-05, RQ-001 or "12 kg"
 * broke at their hyphens or spaces in narrow columns; the table scrolls sideways instead. Longer
 * text (a description) still wraps so the table does not grow absurdly wide.
 */
export function keepsOnOneLine(text: string): boolean {
  return text.length <= TOKEN_LENGTH;
}
