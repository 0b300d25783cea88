/**
 * Aula adds a note to every multiple-choice question ("(choose all that apply)", in the interface
 * language). Many prompts already say so in their own words, in the language the course is read
 * in, which need not be the interface's: the note is then left out. One pattern per language, as
 * course authors and translators write the instruction ("Choose all that apply.", "Tria totes les
 * opcions que corresponguin.", "Välj alla som stämmer."); the locale test checks that each
 * interface language's own note is recognised, so a new language brings its phrase here.
 */

/** Not inside a word: JavaScript's `\b` knows only ASCII letters ("izvēlieties", "pažymėkite"). */
const phrase = (words: string) => new RegExp(`(?<![\\p{L}])(?:${words})(?![\\p{L}])`, 'iu');

export const CHOOSE_ALL_PHRASES: Readonly<Record<string, RegExp>> = {
  en: phrase('(?:choose|select|tick|pick|check|mark) all (?:that|which|the answers that) appl(?:y|ies)|all that apply'),
  ca: phrase('(?:tria|trieu|marca|marqueu|escull|escolliu|selecciona|seleccioneu) (?:totes|tots) (?:les|els)'),
  es: phrase('(?:elige|elija|marca|marque|escoge|escoja|selecciona|seleccione) (?:todas|todos) (?:las|los)'),
  it: phrase('(?:scegli|scegliete|seleziona|selezionate|indica|indicate|segna|segnate) tutt[ei] (?:le|i|quell[ei])'),
  fr: phrase('(?:choisissez|choisis|cochez|coche|sélectionnez|sélectionne|indiquez) (?:toutes|tous) (?:les|celles|ceux)'),
  nl: phrase('(?:kies|selecteer|vink|duid|kruis) alle'),
  lv: phrase('(?:izvēlieties|izvēlies|atzīmējiet|atzīmē) vis(?:as|us)'),
  lt: phrase('(?:pasirinkite|pasirink|pažymėkite|pažymėk) vis(?:as|us)'),
  sv: phrase('(?:välj|markera|kryssa i) alla'),
};

/** Whether a multiple-choice prompt already asks for every right option, in any language Aula knows. */
export function promptSaysChooseAll(prompt: string): boolean {
  const text = prompt.normalize('NFC').replace(/\s+/g, ' ');
  return Object.values(CHOOSE_ALL_PHRASES).some((pattern) => pattern.test(text));
}
