/**
 * Which characters Aula's bundled fonts can draw. Names are printed on certificates in the
 * embedded Noto Sans (regular and bold), which covers the Latin, Greek and Cyrillic scripts of
 * Europe; a character neither can draw (𝔸, an emoji) would print as an empty box and vanish
 * from the PDF's text, so a profile name with one is refused when it is typed.
 */
import type { Font } from 'fontkit';
import { pdfFontFiles } from './pdf-fonts.js';

let fonts: Promise<Font[]> | undefined;

/**
 * fontkit is loaded on the first name checked, not with the app: with its Brotli dictionary and
 * Unicode tables it is over half of the start bundle's code, and evaluating it cost a good part of
 * every start while only creating or renaming a profile needs it.
 */
function bundledFonts(): Promise<Font[]> {
  fonts ??= import('fontkit').then(({ openSync }) => Object.values(pdfFontFiles()).map((file) => openSync(file)));
  return fonts;
}

/** The distinct characters of `text` that a bundled font cannot draw (in the order they appear). */
export async function unprintableCharacters(text: string): Promise<string[]> {
  const loaded = await bundledFonts();
  const missing = new Set<string>();
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (!loaded.every((font) => font.hasGlyphForCodePoint(codePoint))) missing.add(character);
  }
  return [...missing];
}
