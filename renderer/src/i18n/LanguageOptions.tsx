import { useState } from 'react';
import { INTERFACE_LANGUAGES, type Language } from '../../../electron/contract/languages';

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

/**
 * The language a language menu shows: the one just chosen while its translations load (a chunk of
 * its own), then the interface language again. Without it the menu would jump back to the old
 * language for a moment, and a keyboard user pressing the arrow keys would skip past their choice.
 */
export function useShownLanguage(current: string): [string, (language: string) => void] {
  const [chosen, setChosen] = useState<{ from: string; to: string } | null>(null);
  const shown = chosen !== null && chosen.from === current ? chosen.to : current;
  return [shown, (language: string) => setChosen({ from: current, to: language })];
}
