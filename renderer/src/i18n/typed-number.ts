/**
 * Learners may type a decimal comma or a decimal point whatever their language: the core reads
 * both ("10,5" and "10.5"). One case is ambiguous: a single separator that is not the reader's own
 * decimal separator, followed by exactly three digits. "1.234" is 1234 to a Catalan reader (the
 * point groups thousands) but 1.234 to an English one. Rather than guess, Aula asks.
 */
const separators = new Map<string, string>();

/** The decimal separator of a language, from Intl: "." in English, "," in the others Aula speaks. */
export function decimalSeparator(language: string): string {
  let separator = separators.get(language);
  if (separator === undefined) {
    separator = new Intl.NumberFormat(language).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
    separators.set(language, separator);
  }
  return separator;
}

/** The two readings of an ambiguous typed number, as the reader would write each, or null when it is clear. */
export function ambiguousNumber(typed: string, language: string): { whole: string; decimal: string } | null {
  const own = decimalSeparator(language);
  const other = own === ',' ? '.' : ',';
  const text = typed.trim().replace(/[\s\u00a0\u202f]/g, '');
  const match = new RegExp(`^([-+\\u2212]?\\d{1,3})\\${other}(\\d{3})$`).exec(text);
  if (!match) return null;
  const [, head = '', tail = ''] = match;
  return { whole: `${head}${tail}`, decimal: `${head}${own}${tail}` };
}
