import type { TextFolding } from './quiz-definition.js';

/** Typographic apostrophes and quotes as a phone or word processor types them (l’entitat, l'entitat). */
const APOSTROPHES = /[\u2018\u2019\u02bc\u00b4`]/g;
/** Catalan's middle dot (l·l) is typed in several ways; they mean the same letter pair. */
const MIDDLE_DOTS = /[\u00b7\u2027\u22c5\u2219]/g;

/**
 * Brings typed text and an accepted answer to a comparable form, as the question's options say:
 * case, accents (é = e) and whitespace (spaces at the ends and repeated spaces inside) can be
 * ignored. Unicode normalisation and apostrophe styles are always folded: they are invisible
 * differences a learner cannot see or control.
 */
export function foldText(text: string, options: TextFolding): string {
  let folded = text.normalize('NFC').replace(APOSTROPHES, "'").replace(MIDDLE_DOTS, '\u00b7');
  if (options.ignoreWhitespace) folded = folded.trim().replace(/\s+/g, ' ');
  if (options.ignoreAccents) folded = folded.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  if (!options.caseSensitive) folded = folded.toLocaleLowerCase('und');
  return folded;
}

export function matchesAccepted(text: string, accepted: readonly string[], options: TextFolding): boolean {
  const folded = foldText(text, options);
  return accepted.some((candidate) => foldText(candidate, options) === folded);
}
