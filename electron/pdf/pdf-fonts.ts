import fs from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The fonts Aula embeds in the PDFs it makes (canvases now, certificates next). Noto Sans as
 * full TTF files: one file covers every European Latin letter (Catalan, Latvian, Lithuanian,
 * Swedish...), which the web-font subsets of @fontsource split across several files. Only the
 * glyphs used are embedded, so a PDF stays small. Nothing is fetched: the files ship with Aula.
 */
export const PDF_FONT = { regular: 'Aula-Regular', bold: 'Aula-Bold' } as const;

const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;

const require = createRequire(import.meta.url);

/** Absolute paths of the font files; throws with the package to reinstall if one is missing. */
export function pdfFontFiles(): { regular: string; bold: string } {
  const resolve = (specifier: string) => {
    try {
      const file = require.resolve(specifier);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // reported below
    }
    throw new Error(`The PDF font ${specifier} is missing. Reinstall Aula (npm install) to restore it.`);
  };
  return { regular: resolve(FONT_FILES.regular), bold: resolve(FONT_FILES.bold) };
}

/** What a PDFKit document needs to know to use Aula's fonts by name. */
export interface FontRegistry {
  registerFont(name: string, src: string): unknown;
}

export function registerPdfFonts(doc: FontRegistry): void {
  const files = pdfFontFiles();
  doc.registerFont(PDF_FONT.regular, files.regular);
  doc.registerFont(PDF_FONT.bold, files.bold);
}
