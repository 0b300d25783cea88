import PDFDocument from 'pdfkit';
import { pdfFontFiles, registerPdfFonts } from './pdf-fonts.js';

export type PdfDocument = InstanceType<typeof PDFDocument>;

export interface PdfOptions {
  title: string;
  language: string;
  layout?: 'portrait' | 'landscape';
  margin?: number;
  /** Paper size; A4 unless asked otherwise (certificates may be printed on US Letter). */
  size?: 'A4' | 'LETTER';
  /**
   * The document's creation date; now unless given. A PDF made twice from the same input with
   * the same date is the same file byte for byte (certificates rely on it to be checked).
   */
  creationDate?: Date;
  /** More entries for the document information dictionary (plain ASCII values). */
  extraInfo?: Record<string, string>;
}

/**
 * Makes a PDF with Aula's fonts, drawing it with `draw`, and returns its bytes. The default font
 * is Aula's own, so PDFKit never reads its built-in Helvetica metrics (which could not show
 * letters such as "ā" or "ł").
 */
export function makePdf(options: PdfOptions, draw: (doc: PdfDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: options.size ?? 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin ?? 40,
    font: pdfFontFiles().regular,
    lang: options.language,
    displayTitle: true,
    info: {
      Title: options.title,
      Creator: 'Aula',
      Producer: 'Aula',
      ...(options.creationDate ? { CreationDate: options.creationDate } : {}),
      ...options.extraInfo,
    },
  });
  registerPdfFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    draw(doc);
  } finally {
    doc.end();
  }
  return done;
}
