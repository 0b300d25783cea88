import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, type Language } from '../../../electron/contract/languages';
import en from './en.json';
import { numbersInLanguage } from './format';

type Translation = Record<string, unknown>;

/**
 * Translations ship inside the app: nothing is fetched from outside it. English is in the first
 * download (it is also the fallback for any missing entry); every other language is a chunk of its
 * own, loaded from the app's origin when it is first chosen, so each language added does not make
 * everyone's start slower. The glob finds every `<code>.json` beside this file, so a new language
 * needs no line here (only its entry in the contract's INTERFACE_LANGUAGES).
 */
const otherLanguages = import.meta.glob<Translation>(['./*.json', '!./en.json'], { import: 'default' });

async function ensureLoaded(language: Language): Promise<void> {
  if (language === 'en' || i18next.hasResourceBundle(language, 'translation')) return;
  const load = otherLanguages[`./${language}.json`];
  if (!load) throw new Error(`Aula has no translation file for the language "${language}".`);
  i18next.addResourceBundle(language, 'translation', await load());
}

/**
 * The interface language the last start opened in, remembered by this browser profile, so the next start
 * can load its strings while it asks the core which language to show (see bootApp). Only a hint:
 * the core's answer decides, and a missing or wrong hint costs a wait or one unused download.
 */
const LANGUAGE_KEY = 'aula.language';

export function rememberedLanguage(): Language | null {
  try {
    const language = window.localStorage.getItem(LANGUAGE_KEY);
    return isLanguage(language) ? language : null;
  } catch {
    return null;
  }
}

export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Storage can be disabled; then the next start loads the strings after asking the core.
  }
}

/** Starts loading `language`'s strings, so switching to it later does not wait for them. */
export function preloadLanguage(language: Language): void {
  // The switch that needs them reports a failure (it loads them again).
  ensureLoaded(language).catch(() => undefined);
}

/**
 * Starts in English so even a start-up error is translated text, at once: English ships inside the
 * first download (the page's own `lang` is English), so the first render can follow at once.
 */
export function startI18nInEnglish(): typeof i18next {
  void i18next
    .use(numbersInLanguage)
    .use(initReactI18next)
    .init({
      resources: { en: { translation: en } },
      lng: 'en',
      fallbackLng: 'en',
      // Loads the inline resources synchronously instead of on a timer.
      initAsync: false,
      interpolation: { escapeValue: false, alwaysFormat: true }, // React escapes already
      returnNull: false,
    });
  return i18next;
}

/** English at once (see startI18nInEnglish), then `language`, which may need its strings loaded. */
export async function initI18n(language: Language = 'en'): Promise<typeof i18next> {
  startI18nInEnglish();
  await switchLanguage(language);
  return i18next;
}

/**
 * The language of the document's text when it is not the interface's: a lesson frame's document
 * is in the language the lesson is read in, whatever language Aula's buttons around it speak.
 */
let contentLanguage: string | undefined;

export function setContentLanguage(language: string): void {
  contentLanguage = language;
  document.documentElement.lang = language;
}

export async function switchLanguage(language: Language): Promise<void> {
  await ensureLoaded(language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = contentLanguage ?? language;
}
