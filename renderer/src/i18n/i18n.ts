import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../electron/contract/channels';
import ca from './ca.json';
import en from './en.json';

/** Translations ship inside the bundle: nothing is fetched at run time. */
export const resources = { en: { translation: en }, ca: { translation: ca } } as const;

/** Starts in English so even a start-up error is translated text; the stored language follows. */
export async function initI18n(language: Language = 'en'): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function switchLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
