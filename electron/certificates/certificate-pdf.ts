/**
 * The certificate as a PDF: A4 landscape (or US Letter), the learner's name exactly as in their
 * profile, in Aula's embedded Noto Sans (so every European name prints and extracts as written),
 * the issuer's logo, a verification code, a QR code with the compact signed payload, and the
 * signed Open Badges credential attached as a file. Everything printed comes from the credential.
 */
import QRCode from 'qrcode';
import type { Language } from '../contract/channels.js';
import { makePdf, type PdfDocument } from '../pdf/make-pdf.js';
import { PDF_FONT } from '../pdf/pdf-fonts.js';
import { certificatePdfText } from './certificate-pdf-text.js';
import { readCertificateFields, type CertificateFields } from './credential-fields.js';
import { CREDENTIAL_ATTACHMENT_NAME } from './pdf-attachment.js';

// Colours from renderer/src/styles/tokens.css (light theme): text, muted text, border, accent.
const COLOR = { text: '#1f2328', muted: '#545b64', border: '#d5d1c8', accent: '#1d5c63' } as const;

export interface CertificatePdfOptions {
  paper: 'a4' | 'letter';
  language: Language;
}

/** Aula's English is British English: "7 December 2026", as on the interface. */
const intlLocale = (language: Language) => (language === 'en' ? 'en-GB' : language);

function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 2 }).format(value);
}

/** A score out of 100 as the language writes a percentage: "87.5%" in English, "87,5 %" in French. */
function formatPercent(value: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long' }).format(new Date(iso));
}

/** The QR code as filled squares: sharp at any print size, and no image library needed. */
function drawQrCode(doc: PdfDocument, payload: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const quiet = 2;
  const cell = size / (count + 2 * quiet);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  doc.fillColor('#000000');
  for (let row = 0; row < count; row += 1) {
    for (let column = 0; column < count; column += 1) {
      if (qr.modules.get(row, column)) doc.rect(x + (column + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill();
  doc.restore();
}

function drawLogo(doc: PdfDocument, dataUri: string | null, x: number, y: number, maxWidth: number, maxHeight: number): void {
  const match = dataUri ? /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/=]+)$/.exec(dataUri) : null;
  if (!match?.[2]) return;
  try {
    doc.image(Buffer.from(match[2], 'base64'), x, y, { fit: [maxWidth, maxHeight] });
  } catch {
    // A logo PDFKit cannot draw leaves the space empty; the certificate is still complete.
  }
}

/** Which part of the signed credential a printed piece of text shows; `wording` is Aula's own words. */
export type PrintedField =
  | 'issuer'
  | 'learner-name'
  | 'course-title'
  | 'course-version'
  | 'completion-date'
  | 'hours'
  | 'result'
  | 'verification-code'
  | 'wording';

export interface PrintedPiece {
  field: PrintedField;
  text: string;
}

/** Everything the certificate page says, in the words of one language, drawn in this order. */
interface CertificateWording {
  issuerHeader: PrintedPiece;
  title: PrintedPiece;
  certifies: PrintedPiece;
  learnerName: PrintedPiece;
  completed: PrintedPiece;
  courseTitle: PrintedPiece;
  version: PrintedPiece;
  /** Completion date and study hours, on one line. */
  facts: PrintedPiece[];
  scoresHeading: PrintedPiece | null;
  scores: PrintedPiece[];
  qrCaption: PrintedPiece;
  issuedBy: PrintedPiece;
  code: PrintedPiece;
  howToCheck: PrintedPiece;
  issuerKey: PrintedPiece;
}

const FACT_SEPARATOR = '  ·  ';
const SCORE_SEPARATOR = '   ·   ';

function certificateWording(fields: CertificateFields, language: Language): CertificateWording {
  const text = certificatePdfText(language);
  const piece = (field: PrintedField, value: string): PrintedPiece => ({ field, text: value });
  const facts = [piece('completion-date', text.completedOn(formatDate(fields.completedAt, language)))];
  if (fields.hours !== null) facts.push(piece('hours', text.hours(formatNumber(fields.hours, language), fields.hours)));
  return {
    issuerHeader: piece('issuer', fields.issuerName),
    title: piece('wording', text.title),
    certifies: piece('wording', text.certifies),
    learnerName: piece('learner-name', fields.learnerName),
    completed: piece('wording', text.completed),
    courseTitle: piece('course-title', fields.courseTitle),
    version: piece('course-version', text.version(fields.courseVersion)),
    facts,
    scoresHeading: fields.scores.length > 0 ? piece('wording', text.scoresHeading) : null,
    scores: fields.scores.map((score) =>
      piece(
        'result',
        text.score(
          score.title,
          formatPercent(score.percent, language),
          score.passMark === null ? null : formatPercent(score.passMark, language),
        ),
      ),
    ),
    qrCaption: piece('wording', text.qrCaption),
    issuedBy: piece('issuer', text.issuedBy(fields.issuerName, formatDate(fields.issuedAt, language))),
    code: piece('verification-code', text.code(fields.verificationCode)),
    howToCheck: piece('wording', text.howToCheck),
    issuerKey: piece('issuer', fields.issuerId),
  };
}

/** Pieces joined on one printed line, with the separator as Aula's own wording between them. */
function withSeparators(pieces: PrintedPiece[], separator: string): PrintedPiece[] {
  return pieces.flatMap((piece, index) => (index === 0 ? [piece] : [{ field: 'wording' as const, text: separator }, piece]));
}

/**
 * The text of a certificate page in the order it is drawn (and so in the order a PDF reader
 * finds it), each piece labelled with the part of the credential it shows. The page check
 * compares a PDF's text with this.
 */
export function printedPieces(fields: CertificateFields, language: Language): PrintedPiece[] {
  const wording = certificateWording(fields, language);
  return [
    wording.issuerHeader,
    wording.title,
    wording.certifies,
    wording.learnerName,
    wording.completed,
    wording.courseTitle,
    wording.version,
    ...withSeparators(wording.facts, FACT_SEPARATOR),
    ...(wording.scoresHeading ? [wording.scoresHeading] : []),
    ...withSeparators(wording.scores, SCORE_SEPARATOR),
    wording.qrCaption,
    wording.issuedBy,
    wording.code,
    wording.howToCheck,
    wording.issuerKey,
  ];
}

function drawCertificate(doc: PdfDocument, fields: CertificateFields, qrPayload: string, language: Language): void {
  const wording = certificateWording(fields, language);
  const width = doc.page.width;
  const height = doc.page.height;
  const margin = 48;
  const inner = width - 2 * margin;

  doc
    .lineWidth(3)
    .strokeColor(COLOR.accent)
    .rect(20, 20, width - 40, height - 40)
    .stroke();
  doc
    .lineWidth(0.8)
    .strokeColor(COLOR.border)
    .rect(28, 28, width - 56, height - 56)
    .stroke();

  drawLogo(doc, fields.issuerLogo, margin, margin - 6, 140, 56);
  doc.font(PDF_FONT.bold).fontSize(12).fillColor(COLOR.accent);
  doc.text(wording.issuerHeader.text, margin + 150, margin + 6, { width: inner - 150, align: 'right' });

  let y = margin + 70;
  doc.font(PDF_FONT.bold).fontSize(30).fillColor(COLOR.text);
  doc.text(wording.title.text, margin, y, { width: inner, align: 'center' });
  y = doc.y + 14;
  doc.font(PDF_FONT.regular).fontSize(13).fillColor(COLOR.muted);
  doc.text(wording.certifies.text, margin, y, { width: inner, align: 'center' });
  y = doc.y + 6;
  doc.font(PDF_FONT.bold).fontSize(26).fillColor(COLOR.accent);
  doc.text(wording.learnerName.text, margin, y, { width: inner, align: 'center' });
  y = doc.y + 6;
  doc.font(PDF_FONT.regular).fontSize(13).fillColor(COLOR.muted);
  doc.text(wording.completed.text, margin, y, { width: inner, align: 'center' });
  y = doc.y + 6;
  doc.font(PDF_FONT.bold).fontSize(18).fillColor(COLOR.text);
  doc.text(wording.courseTitle.text, margin, y, { width: inner, align: 'center' });
  y = doc.y + 2;
  doc.font(PDF_FONT.regular).fontSize(11).fillColor(COLOR.muted);
  doc.text(wording.version.text, margin, y, { width: inner, align: 'center' });
  y = doc.y + 10;
  doc.font(PDF_FONT.regular).fontSize(12).fillColor(COLOR.text);
  doc.text(wording.facts.map((fact) => fact.text).join(FACT_SEPARATOR), margin, y, { width: inner, align: 'center' });
  y = doc.y + 8;
  if (wording.scoresHeading) {
    doc.font(PDF_FONT.bold).fontSize(10).fillColor(COLOR.muted);
    doc.text(wording.scoresHeading.text, margin + 60, y, { width: inner - 120, align: 'center' });
    doc.font(PDF_FONT.regular).fontSize(10).fillColor(COLOR.text);
    const scores = wording.scores.map((score) => score.text).join(SCORE_SEPARATOR);
    doc.text(scores, margin + 60, doc.y + 1, { width: inner - 120, align: 'center' });
  }

  // Footer: who issued it and how to check it, beside the QR code.
  const qrSize = 104;
  const qrX = width - margin - qrSize;
  const qrY = height - margin - qrSize - 10;
  drawQrCode(doc, qrPayload, qrX, qrY, qrSize);
  doc.font(PDF_FONT.regular).fontSize(7).fillColor(COLOR.muted);
  doc.text(wording.qrCaption.text, qrX, qrY + qrSize + 2, { width: qrSize, align: 'center' });

  const footerWidth = qrX - margin - 24;
  let footerY = height - margin - 96;
  doc.font(PDF_FONT.regular).fontSize(10).fillColor(COLOR.text);
  doc.text(wording.issuedBy.text, margin, footerY, { width: footerWidth });
  footerY = doc.y + 3;
  doc.font(PDF_FONT.bold).fontSize(12).fillColor(COLOR.accent);
  doc.text(wording.code.text, margin, footerY, { width: footerWidth });
  footerY = doc.y + 4;
  doc.font(PDF_FONT.regular).fontSize(8).fillColor(COLOR.muted);
  doc.text(wording.howToCheck.text, margin, footerY, { width: footerWidth });
  doc.text(wording.issuerKey.text, margin, doc.y + 2, { width: footerWidth });
}

/** The document information entry that carries the QR code's signed payload, so the page can be redrawn. */
export const QR_PAYLOAD_INFO_KEY = 'AulaSignedSummary';

/**
 * The PDF for a stored certificate: drawn from its signed credential, which it also carries,
 * with its QR payload in the document information. The same credential, payload, language and
 * paper always give the same file, byte for byte (the creation date is the date of issue), so a
 * checker can redraw the page and compare.
 */
export function renderCertificatePdf(credentialJson: string, qrPayload: string, options: CertificatePdfOptions): Promise<Buffer> {
  const fields = readCertificateFields(JSON.parse(credentialJson) as Record<string, unknown>);
  const text = certificatePdfText(options.language);
  return makePdf(
    {
      title: `${text.title}: ${fields.courseTitle} (${fields.learnerName})`,
      language: options.language,
      creationDate: new Date(Number.isFinite(Date.parse(fields.issuedAt)) ? fields.issuedAt : 0),
      extraInfo: { [QR_PAYLOAD_INFO_KEY]: qrPayload },
      layout: 'landscape',
      // Everything is placed explicitly; a small page margin keeps PDFKit from starting a page 2.
      margin: 16,
      size: options.paper === 'letter' ? 'LETTER' : 'A4',
    },
    (doc) => {
      drawCertificate(doc, fields, qrPayload, options.language);
      doc.file(Buffer.from(credentialJson, 'utf8'), {
        name: CREDENTIAL_ATTACHMENT_NAME,
        type: 'application/json',
        description: 'Signed Open Badges 3.0 credential (eddsa-rdfc-2022)',
      });
    },
  );
}
