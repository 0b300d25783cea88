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
