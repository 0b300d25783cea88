/**
 * Finds the credential a certificate PDF carries as an embedded file. Aula's PDFs (made by
 * PDFKit) write each embedded file as one stream object; this reads those streams without a full
 * PDF parser, and refuses anything it cannot read plainly rather than guessing.
 */
import { inflateSync } from 'node:zlib';

/** The name under which the signed credential is attached to every certificate PDF. */
export const CREDENTIAL_ATTACHMENT_NAME = 'open-badges-credential.json';
/** More than any real credential (with a logo) needs; a bigger stream is not ours. */
const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

export interface EmbeddedFileStream {
  /** Where the stream's data starts and ends in the PDF. */
  start: number;
  end: number;
  compressed: boolean;
  /** The data as stored (still deflated when `compressed`). */
  raw: Buffer;
}

/** Every embedded-file stream in the PDF, in file order. */
export function findEmbeddedFileStreams(pdf: Uint8Array): EmbeddedFileStream[] {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const streams: EmbeddedFileStream[] = [];
  const marker = /\/Type\s*\/EmbeddedFile\b/g;
  for (let match = marker.exec(text); match; match = marker.exec(text)) {
    const objectStart = text.lastIndexOf(' obj', match.index);
    const keyword = text.indexOf('stream', match.index);
    if (objectStart < 0 || keyword < 0) continue;
    const dictionary = text.slice(objectStart, keyword);
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary);
    if (!length?.[1]) continue;
    let start = keyword + 'stream'.length;
    if (text[start] === '\r') start += 1;
    if (text[start] === '\n') start += 1;
    const size = Number(length[1]);
    if (size > MAX_ATTACHMENT_BYTES || start + size > pdf.byteLength) continue;
    streams.push({
      start,
      end: start + size,
      compressed: /\/Filter\s*\/FlateDecode\b/.test(dictionary),
      raw: Buffer.from(pdf.subarray(start, start + size)),
    });
  }
  return streams;
}

export function decodeEmbeddedFile(stream: EmbeddedFileStream): Buffer {
  return stream.compressed ? inflateSync(stream.raw, { maxOutputLength: MAX_ATTACHMENT_BYTES }) : stream.raw;
}

/**
 * The credential JSON text inside a certificate PDF. Throws with a reason a person can act on
 * when there is none, or it cannot be read.
 */
export function extractCredentialText(pdf: Uint8Array): string {
  const streams = findEmbeddedFileStreams(pdf);
  if (streams.length === 0) {
    throw new Error('this PDF carries no certificate data (it was not made by Aula, or the data was removed)');
  }
  for (const stream of streams) {
    let text: string;
    try {
      text = decodeEmbeddedFile(stream).toString('utf8');
    } catch {
      throw new Error('the certificate data inside this PDF is damaged and cannot be read');
    }
    if (text.includes('"OpenBadgeCredential"') || text.includes('"AchievementCredential"')) return text;
  }
  throw new Error('the files attached to this PDF are not an Aula certificate');
}
