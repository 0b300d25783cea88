/**
 * Edits a PDF the way a person with a PDF tool would: replace one object's stream, then write a
 * correct cross-reference table, so that viewers and pdftotext read the edited file without
 * complaint. Also an incremental update, as PDF viewers append when they save a file.
 */
import { deflateSync, inflateSync } from 'node:zlib';

interface StreamObject {
  number: number;
  /** Offsets of the whole `N 0 obj ... endobj`, and of the stream's data. */
  objectStart: number;
  objectEnd: number;
  dictionary: string;
  data: Buffer;
}

function streamObjects(pdf: Buffer): StreamObject[] {
  const text = pdf.toString('latin1');
  const found: StreamObject[] = [];
  const header = /(?:^|\n)(\d+) 0 obj\n/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const objectStart = match.index + (match[0].startsWith('\n') ? 1 : 0);
    const end = text.indexOf('endobj', objectStart);
    const streamAt = text.indexOf('\nstream\n', objectStart);
    if (streamAt < 0 || streamAt > end) continue;
    const dictionary = text.slice(objectStart + match[0].trimStart().length, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dictionary)?.[1]);
    const dataStart = streamAt + '\nstream\n'.length;
    const raw = pdf.subarray(dataStart, dataStart + length);
    const data = dictionary.includes('/FlateDecode') ? inflateSync(raw) : Buffer.from(raw);
    const objectEnd = text.indexOf('endobj', dataStart + length) + 'endobj'.length;
    found.push({ number: Number(match[1]), objectStart, objectEnd, dictionary, data });
    header.lastIndex = objectEnd;
  }
  return found;
}

/** The decoded stream of the first object whose dictionary and data `pick` accepts. */
export function findStream(pdf: Buffer, pick: (dictionary: string, data: Buffer) => boolean): { number: number; data: Buffer } {
  const found = streamObjects(pdf).find((object) => pick(object.dictionary, object.data));
  if (!found) throw new Error('no such stream in the PDF');
  return { number: found.number, data: found.data };
}

/** A new cross-reference table for a PDF written as PDFKit writes them (objects numbered 1..n, one table). */
export function rebuildXref(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const xrefAt = text.lastIndexOf('\nxref\n') + 1;
  const body = text.slice(0, xrefAt);
  const trailer = /trailer\n<<[\s\S]*?>>\n/.exec(text.slice(xrefAt))?.[0];
  if (!trailer) throw new Error('no trailer');
  const offsets = new Map<number, number>();
  for (const match of body.matchAll(/(?:^|\n)(\d+) 0 obj\n/g)) {
    offsets.set(Number(match[1]), match.index + (match[0].startsWith('\n') ? 1 : 0));
  }
  const size = Math.max(...offsets.keys()) + 1;
  const rows = ['0000000000 65535 f '];
  for (let number = 1; number < size; number += 1) {
    const offset = offsets.get(number);
    rows.push(offset === undefined ? '0000000000 65535 f ' : `${String(offset).padStart(10, '0')} 00000 n `);
  }
  const xref = `xref\n0 ${size}\n${rows.join('\n')}\n`;
  return Buffer.from(`${body}${xref}${trailer}startxref\n${Buffer.byteLength(body, 'latin1')}\n%%EOF\n`, 'latin1');
}

/** Replaces the data of stream object `number` (compressed again), with a correct /Length and xref. */
export function replaceStream(pdf: Buffer, number: number, data: Buffer): Buffer {
  const object = streamObjects(pdf).find((candidate) => candidate.number === number);
  if (!object) throw new Error(`no stream object ${number}`);
  const compressed = object.dictionary.includes('/FlateDecode');
  const stored = compressed ? deflateSync(data) : data;
  const dictionary = object.dictionary.replace(/\/Length \d+/, `/Length ${stored.length}`);
  const rewritten = Buffer.concat([
    Buffer.from(`${number} 0 obj\n${dictionary}\nstream\n`, 'latin1'),
    stored,
    Buffer.from('\nendstream\nendobj', 'latin1'),
  ]);
  return rebuildXref(Buffer.concat([pdf.subarray(0, object.objectStart), rewritten, pdf.subarray(object.objectEnd)]));
}

/**
 * What a viewer's "save" often does: append an incremental update that rewrites the document
 * information (here a new producer and modification date), leaving the page as it was.
 */
export function appendViewerSave(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const trailer = /trailer\n(<<[\s\S]*?>>)\n/.exec(text.slice(text.lastIndexOf('\nxref\n')))?.[1];
  const size = Number(/\/Size (\d+)/.exec(trailer ?? '')?.[1]);
  const root = /\/Root (\d+ 0 R)/.exec(trailer ?? '')?.[1];
  const previous = Number(/startxref\n(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))?.[1]);
  if (!trailer || !size || !root) throw new Error('no trailer');
  const info = `${size} 0 obj\n<<\n/Producer (A PDF viewer)\n/ModDate (D:20260101120000Z)\n>>\nendobj\n`;
  const infoOffset = pdf.length;
  const xrefOffset = infoOffset + info.length;
  const update =
    info +
    `xref\n0 1\n0000000000 65535 f \n${size} 1\n${String(infoOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<<\n/Size ${size + 1}\n/Root ${root}\n/Info ${size} 0 R\n/Prev ${previous}\n>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}
