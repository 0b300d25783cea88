/**
 * Which characters Aula's bundled fonts can draw. Names are printed on certificates in the
 * embedded Noto Sans (regular and bold), which covers the Latin, Greek and Cyrillic scripts of
 * Europe; a character neither can draw (𝔸, an emoji) would print as an empty box and vanish
 * from the PDF's text, so a profile name with one is refused when it is typed.
 */
import { openSync, type Font } from 'fontkit';
import { pdfFontFiles } from './pdf-fonts.js';

let fonts: Font[] | undefined;

function bundledFonts(): Font[] {
  fonts ??= Object.values(pdfFontFiles()).map((file) => openSync(file));
  return fonts;
}

/** The distinct characters of `text` that a bundled font cannot draw (in the order they appear). */
export function unprintableCharacters(text: string): string[] {
  const missing = new Set<string>();
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (!bundledFonts().every((font) => font.hasGlyphForCodePoint(codePoint))) missing.add(character);
  }
  return [...missing];
}
