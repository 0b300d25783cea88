/**
 * The interface languages, each with its name as its own speakers write it (the language menu and
 * the first-run welcome show these names untranslated, so everyone finds their own language).
 * Adding a language is one line here plus its file `renderer/src/i18n/<code>.json`: see
 * docs/translating.md. The order here is the order of the menu.
 */
export const INTERFACE_LANGUAGES = {
  en: 'English',
  ca: 'Català',
  es: 'Español',
  fr: 'Français',
  it: 'Italiano',
  lv: 'Latviešu',
  lt: 'Lietuvių',
  nl: 'Nederlands',
  sv: 'Svenska',
} as const;

export type Language = keyof typeof INTERFACE_LANGUAGES;

export const SUPPORTED_LANGUAGES = Object.keys(INTERFACE_LANGUAGES) as [Language, ...Language[]];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(INTERFACE_LANGUAGES, value);
}
