/**
 * The text shown on the one page of a PDF made by PDFKit, decoded through each font's ToUnicode
 * map, without any system tool. It reads only the plain structure PDFKit writes (numbered objects,
 * Flate streams, Type0 fonts with Identity-H codes); a PDF rewritten by another program (object
 * streams, other encodings) is refused with a reason, never guessed at, because this text decides
 * whether a printed certificate says what its signed credential says.
 */
import { inflateSync } from 'node:zlib';

export class UnreadablePageError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'UnreadablePageError';
  }
}

/** Larger than any certificate page needs once inflated; protects against deflate bombs. */
const MAX_INFLATED_BYTES = 4 * 1024 * 1024;

interface PdfObject {
  dictionary: string;
  stream: Buffer | null;
}

/** Every `N 0 obj ... endobj` in the file; a later definition of a number replaces an earlier one. */
function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(?:^|[\r\n])(\d+) 0 obj\b/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const bodyStart = match.index + match[0].length;
    const end = text.indexOf('endobj', bodyStart);
    if (end < 0) break;
    const body = text.slice(bodyStart, end);
    const streamAt = body.search(/\bstream\r?\n/);
    let stream: Buffer | null = null;
    let dictionary = body;
    if (streamAt >= 0) {
      dictionary = body.slice(0, streamAt);
      const length = /\/Length (\d+)(?! \d+ R)/.exec(dictionary);
      if (!length?.[1]) throw new UnreadablePageError('a stream in this PDF has no plain length');
      let start = bodyStart + streamAt + 'stream'.length;
      if (text[start] === '\r') start += 1;
      if (text[start] === '\n') start += 1;
      const raw = pdf.subarray(start, start + Number(length[1]));
      stream = /\/Filter \/FlateDecode\b/.test(dictionary) ? inflate(raw) : Buffer.from(raw);
      header.lastIndex = start + raw.length;
    }
    objects.set(Number(match[1]), { dictionary, stream });
    if (stream === null) header.lastIndex = end;
  }
  return objects;
}

function inflate(raw: Buffer): Buffer {
  try {
    return inflateSync(raw, { maxOutputLength: MAX_INFLATED_BYTES });
  } catch {
    throw new UnreadablePageError('a compressed stream in this PDF cannot be read');
  }
}

function reference(dictionary: string, key: string): number | null {
  const match = new RegExp(`/${key} (\\d+) 0 R`).exec(dictionary);
  return match?.[1] ? Number(match[1]) : null;
}

function required(objects: Map<number, PdfObject>, id: number | null, what: string): PdfObject {
  const object = id === null ? undefined : objects.get(id);
  if (!object) throw new UnreadablePageError(`this PDF's ${what} cannot be found`);
  return object;
}

/** UTF-16BE hex, as ToUnicode maps write their targets (ligatures as several units, maybe spaced). */
function utf16Hex(spaced: string): string {
  const hex = spaced.replace(/\s+/g, '');
  const units: number[] = [];
  for (let at = 0; at + 4 <= hex.length; at += 4) units.push(parseInt(hex.slice(at, at + 4), 16));
  return String.fromCharCode(...units);
}

/** A ToUnicode CMap: glyph code to the text it stands for (bfchar and both bfrange forms). */
function readToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const entry of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]*)>/g)) {
      map.set(parseInt(entry[1] ?? '', 16), utf16Hex(entry[2] ?? ''));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const entries = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:\[([^\]]*)\]|<([0-9a-fA-F\s]+)>)/g;
    for (const entry of (block[1] ?? '').matchAll(entries)) {
      const low = parseInt(entry[1] ?? '', 16);
      const high = parseInt(entry[2] ?? '', 16);
      if (high - low > 0xffff) throw new UnreadablePageError('a font map in this PDF is not one Aula writes');
      if (entry[3] !== undefined) {
        const targets = [...entry[3].matchAll(/<([0-9a-fA-F\s]*)>/g)].map((target) => utf16Hex(target[1] ?? ''));
        targets.forEach((target, index) => map.set(low + index, target));
      } else {
        const first = (entry[4] ?? '').replace(/\s+/g, '');
        const base = parseInt(first.slice(-4), 16);
        for (let code = low; code <= high; code += 1) {
          map.set(code, utf16Hex(first.slice(0, -4)) + String.fromCharCode(base + code - low));
        }
      }
    }
  }
  return map;
}

type Token =
  | { kind: 'operator'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'string'; bytes: Buffer }
  | { kind: 'open' | 'close' | 'other' };

/** The tokens of a content stream that matter for text: strings, operators, and the rest as placeholders. */
function* tokens(content: string): Generator<Token> {
  let at = 0;
  while (at < content.length) {
    const char = content[at] as string;
    if (/\s/.test(char)) {
      at += 1;
    } else if (char === '%') {
      while (at < content.length && content[at] !== '\n' && content[at] !== '\r') at += 1;
    } else if (char === '(') {
      const bytes: number[] = [];
      let depth = 1;
      at += 1;
      while (at < content.length && depth > 0) {
        const next = content[at] as string;
        if (next === '\\') {
          const escaped = content[at + 1] ?? '';
          const octal = /^[0-7]{1,3}/.exec(content.slice(at + 1, at + 4));
          if (octal) {
            bytes.push(parseInt(octal[0], 8) & 0xff);
            at += 1 + octal[0].length;
            continue;
          }
          const simple: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
          if (escaped in simple) bytes.push(simple[escaped] as number);
          else if (escaped !== '\n' && escaped !== '\r') bytes.push(escaped.charCodeAt(0));
          at += 2;
          continue;
        }
        if (next === '(') depth += 1;
        if (next === ')') depth -= 1;
        if (depth > 0) bytes.push(next.charCodeAt(0));
        at += 1;
      }
      yield { kind: 'string', bytes: Buffer.from(bytes) };
    } else if (char === '<' && content[at + 1] === '<') {
      at += 2;
      yield { kind: 'other' };
    } else if (char === '>' && content[at + 1] === '>') {
      at += 2;
      yield { kind: 'other' };
    } else if (char === '<') {
      const end = content.indexOf('>', at);
      if (end < 0) throw new UnreadablePageError("this PDF's page cannot be read");
      const hex = content.slice(at + 1, end).replace(/\s+/g, '');
      yield { kind: 'string', bytes: Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex') };
      at = end + 1;
    } else if (char === '[') {
      at += 1;
      yield { kind: 'open' };
    } else if (char === ']') {
      at += 1;
      yield { kind: 'close' };
    } else {
      const word = /^[^\s()<>[\]{}/%]+|^\/[^\s()<>[\]{}/%]*/.exec(content.slice(at, at + 256))?.[0] ?? char;
      at += word.length;
      if (word.startsWith('/')) yield { kind: 'name', value: word.slice(1) };
      else if (/^[A-Za-z'"*]/.test(word)) yield { kind: 'operator', value: word };
      else yield { kind: 'other' };
    }
  }
}

/**
 * The page's text in drawing order: each text object (BT ... ET) as one string, its shown
 * strings joined as they are drawn. Throws UnreadablePageError for anything but a plain PDFKit
 * page: more than one page, fonts without a ToUnicode map, codes the map does not know.
 */
export function readPageText(pdf: Uint8Array): string[] {
  const objects = readObjects(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  const pages = [...objects.values()].filter((object) => /\/Type \/Page\b(?!s)/.test(object.dictionary));
  if (pages.length !== 1) throw new UnreadablePageError(`this PDF has ${pages.length} pages, not the one of a certificate`);
  const page = pages[0] as PdfObject;
  const content = required(objects, reference(page.dictionary, 'Contents'), 'page content').stream;
  if (!content) throw new UnreadablePageError("this PDF's page content is not in one plain stream");
  const resourcesId = reference(page.dictionary, 'Resources');
  const resources = resourcesId === null ? page.dictionary : required(objects, resourcesId, 'page resources').dictionary;
  const fontList = /\/Font <<([^>]*)>>/.exec(resources)?.[1] ?? '';
  const fonts = new Map<string, Map<number, string>>();
  for (const entry of fontList.matchAll(/\/([^\s/]+) (\d+) 0 R/g)) {
    const font = required(objects, Number(entry[2]), 'font');
    if (!/\/Encoding \/Identity-H\b/.test(font.dictionary)) {
      throw new UnreadablePageError('this PDF uses a font encoding that Aula does not write');
    }
    const cmap = required(objects, reference(font.dictionary, 'ToUnicode'), 'font map').stream;
    if (!cmap) throw new UnreadablePageError("a font map in this PDF can't be read");
    fonts.set(entry[1] ?? '', readToUnicode(cmap.toString('latin1')));
  }

  const decode = (bytes: Buffer, font: Map<number, string> | undefined): string => {
    if (!font) throw new UnreadablePageError('this PDF shows text before choosing a font');
    let text = '';
    for (let at = 0; at + 1 < bytes.length; at += 2) {
      const unicode = font.get(bytes.readUInt16BE(at));
      if (unicode === undefined) throw new UnreadablePageError('this PDF shows a letter its font map does not name');
      text += unicode;
    }
    return text;
  };

  const texts: string[] = [];
  let current: string | null = null;
  let font: Map<number, string> | undefined;
  let operands: Token[] = [];
  for (const token of tokens(content.toString('latin1'))) {
    if (token.kind !== 'operator') {
      operands.push(token);
      continue;
    }
    const strings = operands.filter((operand): operand is { kind: 'string'; bytes: Buffer } => operand.kind === 'string');
    switch (token.value) {
      case 'BT':
        current = '';
        break;
      case 'ET':
        if (current !== null) texts.push(current);
        current = null;
        break;
      case 'Tf': {
        const name = operands.find((operand) => operand.kind === 'name');
        font = name?.kind === 'name' ? fonts.get(name.value) : undefined;
        if (!font) throw new UnreadablePageError('this PDF names a font its page does not have');
        break;
      }
      case 'Tj':
      case 'TJ':
      case "'":
      case '"':
        if (current === null) throw new UnreadablePageError('this PDF shows text outside a text object');
        current += strings.map((operand) => decode(operand.bytes, font)).join('');
        break;
      default:
        break;
    }
    operands = [];
  }
  return texts;
}
