import { INTERFACE_LANGUAGES, type Language } from '../../../electron/contract/channels';

/**
 * A language menu's options, each language in its own name and marked with its own `lang` (so a
 * screen reader says "Français" in French), whatever language the interface is in now.
 */
export function LanguageOptions({ languages }: { languages: Language[] }) {
  return languages.map((language) => (
    <option key={language} value={language} lang={language}>
      {INTERFACE_LANGUAGES[language]}
    </option>
  ));
}
