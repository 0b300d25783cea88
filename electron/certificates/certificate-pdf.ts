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

function drawCertificate(doc: PdfDocument, fields: CertificateFields, qrPayload: string, language: Language): void {
  const text = certificatePdfText(language);
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
  doc.text(fields.issuerName, margin + 150, margin + 6, { width: inner - 150, align: 'right' });

  let y = margin + 70;
  doc.font(PDF_FONT.bold).fontSize(30).fillColor(COLOR.text);
  doc.text(text.title, margin, y, { width: inner, align: 'center' });
  y = doc.y + 14;
  doc.font(PDF_FONT.regular).fontSize(13).fillColor(COLOR.muted);
  doc.text(text.certifies, margin, y, { width: inner, align: 'center' });
  y = doc.y + 6;
  doc.font(PDF_FONT.bold).fontSize(26).fillColor(COLOR.accent);
  doc.text(fields.learnerName, margin, y, { width: inner, align: 'center' });
  y = doc.y + 6;
  doc.font(PDF_FONT.regular).fontSize(13).fillColor(COLOR.muted);
  doc.text(text.completed, margin, y, { width: inner, align: 'center' });
  y = doc.y + 6;
  doc.font(PDF_FONT.bold).fontSize(18).fillColor(COLOR.text);
  doc.text(fields.courseTitle, margin, y, { width: inner, align: 'center' });
  y = doc.y + 2;
  doc.font(PDF_FONT.regular).fontSize(11).fillColor(COLOR.muted);
  doc.text(text.version(fields.courseVersion), margin, y, { width: inner, align: 'center' });
  y = doc.y + 10;
  const facts = [text.completedOn(formatDate(fields.completedAt, language))];
  if (fields.hours !== null) facts.push(text.hours(formatNumber(fields.hours, language), fields.hours));
  doc.font(PDF_FONT.regular).fontSize(12).fillColor(COLOR.text);
  doc.text(facts.join('  ·  '), margin, y, { width: inner, align: 'center' });
  y = doc.y + 8;
  if (fields.scores.length > 0) {
    const scores = fields.scores
      .map((score) =>
        text.score(
          score.title,
          formatPercent(score.percent, language),
          score.passMark === null ? null : formatPercent(score.passMark, language),
        ),
      )
      .join('   ·   ');
    doc.font(PDF_FONT.bold).fontSize(10).fillColor(COLOR.muted);
    doc.text(text.scoresHeading, margin + 60, y, { width: inner - 120, align: 'center' });
    doc.font(PDF_FONT.regular).fontSize(10).fillColor(COLOR.text);
    doc.text(scores, margin + 60, doc.y + 1, { width: inner - 120, align: 'center' });
  }

  // Footer: who issued it and how to check it, beside the QR code.
  const qrSize = 104;
  const qrX = width - margin - qrSize;
  const qrY = height - margin - qrSize - 10;
  drawQrCode(doc, qrPayload, qrX, qrY, qrSize);
  doc.font(PDF_FONT.regular).fontSize(7).fillColor(COLOR.muted);
  doc.text(text.qrCaption, qrX, qrY + qrSize + 2, { width: qrSize, align: 'center' });

  const footerWidth = qrX - margin - 24;
  let footerY = height - margin - 96;
  doc.font(PDF_FONT.regular).fontSize(10).fillColor(COLOR.text);
  doc.text(text.issuedBy(fields.issuerName, formatDate(fields.issuedAt, language)), margin, footerY, { width: footerWidth });
  footerY = doc.y + 3;
  doc.font(PDF_FONT.bold).fontSize(12).fillColor(COLOR.accent);
  doc.text(text.code(fields.verificationCode), margin, footerY, { width: footerWidth });
  footerY = doc.y + 4;
  doc.font(PDF_FONT.regular).fontSize(8).fillColor(COLOR.muted);
  doc.text(text.howToCheck, margin, footerY, { width: footerWidth });
  doc.text(fields.issuerId, margin, doc.y + 2, { width: footerWidth });
}

/** The PDF for a stored certificate: drawn from its signed credential, which it also carries. */
export function renderCertificatePdf(credentialJson: string, qrPayload: string, options: CertificatePdfOptions): Promise<Buffer> {
  const fields = readCertificateFields(JSON.parse(credentialJson) as Record<string, unknown>);
  const text = certificatePdfText(options.language);
  return makePdf(
    {
      title: `${text.title}: ${fields.courseTitle} (${fields.learnerName})`,
      language: options.language,
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
