/**
 * Does the page of a certificate PDF say what its signed credential says? The signature covers
 * only the attached credential; the page is what a person reads. A certificate printed by Aula is
 * the same file, byte for byte, as the one Aula draws again from the attached credential, the QR
 * payload it carries and the page's language and paper, so that is the check. When the file
 * differs, the page's text (read without any system tool) says why: a printed field that differs
 * from the signed one is a forgery; a page whose text agrees but whose file was rewritten (a
 * viewer's "save as") can't be checked, and the verdict says so rather than calling it valid.
 */
import type { PRINTED_DIFFERENCES } from '../contract/certificate-channels.js';
import { SUPPORTED_LANGUAGES, type Language } from '../contract/common.js';
import { verifyCompactPayload, type CompactFields } from './compact-payload.js';
import { QR_PAYLOAD_INFO_KEY, printedPieces, renderCertificatePdf, type PrintedField } from './certificate-pdf.js';
import type { CertificateFields } from './credential-fields.js';
import { UnreadablePageError, readPageText } from './pdf-page-text.js';

/**
 * What differs between the page and the credential: a printed field, the QR code, or text the
 * credential does not explain. The contract lists the names for the renderer's messages.
 */
export type PageDifference = (typeof PRINTED_DIFFERENCES)[number];

export type PageCheck =
  | { status: 'matches' }
  | { status: 'differs'; difference: PageDifference; reason: string }
  | { status: 'unchecked'; reason: string };

const DIFFERENCE_REASONS: Record<PageDifference, string> = {
  'learner-name': 'the printed learner name differs from the signed one',
  'course-title': 'the printed course title differs from the signed one',
  'course-version': 'the printed course version differs from the signed one',
  'completion-date': 'the printed completion date differs from the signed one',
  hours: 'the printed hours of study differ from the signed ones',
  result: 'the printed results differ from the signed ones',
  'verification-code': 'the printed verification code differs from the signed one',
  issuer: 'the printed issuer differs from the signed one',
  wording: "the page's wording is not the one Aula prints",
  'qr-code': "the QR code's signed summary differs from the signed credential",
  'extra-text': 'the page shows text that is not on the certificate Aula printed',
};

function differs(difference: PageDifference): PageCheck {
  return { status: 'differs', difference, reason: DIFFERENCE_REASONS[difference] };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The first printed piece the page's text does not show where Aula prints it, or null when all agree. */
export function firstTextDifference(
  pageTexts: string[],
  fields: CertificateFields,
  language: Language,
): PrintedField | 'extra-text' | null {
  const page = collapse(pageTexts.join(' '));
  let at = 0;
  for (const piece of printedPieces(fields, language)) {
    const expected = collapse(piece.text);
    if (expected === '') continue;
    while (page[at] === ' ') at += 1;
    if (!page.startsWith(expected, at)) {
      // Found further on: something was added before it. Found nowhere: the piece itself was changed.
      return page.indexOf(expected, at) > at ? 'extra-text' : piece.field;
    }
    at += expected.length;
  }
  return page.slice(at).trim() === '' ? null : 'extra-text';
}

/** The QR payload's fields as the credential gives them: the two must agree exactly. */
function compactFieldsOf(fields: CertificateFields): CompactFields {
  return {
    id: fields.certificateId,
    n: fields.learnerName,
    c: fields.courseTitle,
    v: fields.courseVersion,
    d: fields.completedAt.slice(0, 10),
    h: fields.hours,
    o: fields.issuerName,
    i: fields.issuerId,
    k: fields.verificationCode,
  };
}

function readDrawingParameters(pdf: Buffer): { language: Language; paper: 'a4' | 'letter'; qrPayload: string } | string {
  const text = pdf.toString('latin1');
  const language = /\/Lang \(([a-z]{2,3})\)/.exec(text)?.[1];
  if (!language || !(SUPPORTED_LANGUAGES as readonly string[]).includes(language)) return 'its language is not one Aula prints';
  const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text);
  const paper = box?.[1] === '841.89' && box[2] === '595.28' ? 'a4' : box?.[1] === '792' && box[2] === '612' ? 'letter' : null;
  if (!paper) return 'its paper size is not one Aula prints';
  const reference = new RegExp(`/${QR_PAYLOAD_INFO_KEY} (\\d+) 0 R`).exec(text);
  const direct = new RegExp(`/${QR_PAYLOAD_INFO_KEY} \\((AULA1\\.[A-Za-z0-9_.-]+)\\)`).exec(text);
  let qrPayload = direct?.[1];
  if (!qrPayload && reference?.[1]) {
    qrPayload = new RegExp(`(?:^|\\n)${reference[1]} 0 obj\\s*\\((AULA1\\.[A-Za-z0-9_.-]+)\\)\\s*endobj`).exec(text)?.[1];
  }
  if (!qrPayload) return "it does not carry the QR code's signed summary (it was made by an older Aula, or rewritten)";
  return { language: language as Language, paper, qrPayload };
}

/**
 * Checks the page of a certificate PDF against its attached credential, whose signature has
 * already been checked. `credentialJson` is the attachment exactly as found in the PDF.
 */
export async function checkCertificatePage(
  pdf: Uint8Array,
  credentialJson: string,
  fields: CertificateFields,
): Promise<PageCheck> {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const parameters = readDrawingParameters(bytes);
  // The text first: a forged name is reported as such whatever else was changed.
  let pageTexts: string[] | null = null;
  let unreadable = '';
  try {
    pageTexts = readPageText(bytes);
  } catch (error) {
    if (!(error instanceof UnreadablePageError)) throw error;
    unreadable = error.message;
  }
  if (pageTexts) {
    const language = typeof parameters === 'string' ? null : parameters.language;
    const candidates: readonly Language[] = language ? [language] : SUPPORTED_LANGUAGES;
    const differences = candidates.map((candidate) => firstTextDifference(pageTexts, fields, candidate));
    if (!differences.includes(null)) return differs(differences[0] ?? 'wording');
  }
  if (typeof parameters === 'string') return { status: 'unchecked', reason: parameters };

  const qr = await verifyCompactPayload(parameters.qrPayload);
  if (!qr.valid) return differs('qr-code');
  const signed = compactFieldsOf(fields);
  if ((Object.keys(signed) as (keyof CompactFields)[]).some((key) => signed[key] !== qr.fields[key])) return differs('qr-code');

  const redrawn = await renderCertificatePdf(credentialJson, parameters.qrPayload, parameters);
  if (redrawn.equals(bytes)) return { status: 'matches' };
  return {
    status: 'unchecked',
    reason: pageTexts
      ? "the file was changed after Aula made it (for example re-saved by a PDF viewer), so its page can't be compared with the signed credential"
      : `its page can't be read (${unreadable})`,
  };
}
