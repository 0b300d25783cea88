import zlib from 'node:zlib';

/**
 * Aula's icon, drawn here rather than kept as binary files: a rounded square in the accent colour
 * with a white "A" of three round-ended strokes. The same shapes give the SVG (Linux desktop
 * entry), PNGs and the Windows .ico, so every artifact shows the same mark, in a partner's colour.
 */
const STROKES: [number, number, number, number][] = [
  [0.24, 0.8, 0.5, 0.2],
  [0.5, 0.2, 0.76, 0.8],
  [0.35, 0.6, 0.65, 0.6],
];
const STROKE_WIDTH = 0.12;
const CORNER = 0.2;

export const DEFAULT_ACCENT = '#1f6f6b';

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function iconSvg(accent = DEFAULT_ACCENT): string {
  const lines = STROKES.map(([x1, y1, x2, y2]) => `<line x1="${x1 * 256}" y1="${y1 * 256}" x2="${x2 * 256}" y2="${y2 * 256}"/>`);
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">',
    `<rect width="256" height="256" rx="${CORNER * 256}" fill="${accent}"/>`,
    `<g stroke="#fff" stroke-width="${STROKE_WIDTH * 256}" stroke-linecap="round">${lines.join('')}</g>`,
    '</svg>',
    '',
  ].join('\n');
}

function distanceToSegment(px: number, py: number, [x1, y1, x2, y2]: [number, number, number, number]): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

function insideRoundedSquare(x: number, y: number): boolean {
  const cx = Math.min(Math.max(x, CORNER), 1 - CORNER);
  const cy = Math.min(Math.max(y, CORNER), 1 - CORNER);
  return Math.hypot(x - cx, y - cy) <= CORNER;
}

/** The icon as RGBA pixels (top row first), each pixel sampled 4x4 times for smooth edges. */
export function iconPixels(size: number, accent = DEFAULT_ACCENT): Buffer {
  const [r, g, b] = rgb(accent);
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const u = (x + (sx + 0.5) / samples) / size;
          const v = (y + (sy + 0.5) / samples) / size;
          if (!insideRoundedSquare(u, v)) continue;
          cover += 1;
          if (STROKES.some((stroke) => distanceToSegment(u, v, stroke) <= STROKE_WIDTH / 2)) white += 1;
        }
      }
      const offset = (y * size + x) * 4;
      const share = cover === 0 ? 0 : white / cover;
      pixels[offset] = Math.round(r + (255 - r) * share);
      pixels[offset + 1] = Math.round(g + (255 - g) * share);
      pixels[offset + 2] = Math.round(b + (255 - b) * share);
      pixels[offset + 3] = Math.round((255 * cover) / (samples * samples));
    }
  }
  return pixels;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function iconPng(size: number, accent = DEFAULT_ACCENT): Buffer {
  const pixels = iconPixels(size, accent);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 32-bit bitmap image as .ico stores it: header, BGRA rows bottom-up, and an all-clear AND mask. */
function icoBitmap(size: number, accent: string): Buffer {
  const pixels = iconPixels(size, accent);
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8);
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const bgra = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      bgra.writeUInt8(pixels.readUInt8(from + 2), to);
      bgra.writeUInt8(pixels.readUInt8(from + 1), to + 1);
      bgra.writeUInt8(pixels.readUInt8(from), to + 2);
      bgra.writeUInt8(pixels.readUInt8(from + 3), to + 3);
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, bgra, Buffer.alloc(maskRow * size)]);
}

/** The Windows icon: 16, 32 and 48 pixel bitmaps (what Explorer and NSIS read) and a 256 pixel PNG. */
export function iconIco(accent = DEFAULT_ACCENT): Buffer {
  const images = [16, 32, 48].map((size) => ({ size, data: icoBitmap(size, accent) }));
  images.push({ size: 256, data: iconPng(256, accent) });
  const directory = Buffer.alloc(6 + 16 * images.length);
  directory.writeUInt16LE(0, 0);
  directory.writeUInt16LE(1, 2);
  directory.writeUInt16LE(images.length, 4);
  let offset = directory.length;
  images.forEach((image, index) => {
    const entry = 6 + index * 16;
    directory.writeUInt8(image.size % 256, entry);
    directory.writeUInt8(image.size % 256, entry + 1);
    directory.writeUInt16LE(1, entry + 4);
    directory.writeUInt16LE(32, entry + 6);
    directory.writeUInt32LE(image.data.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += image.data.length;
  });
  return Buffer.concat([directory, ...images.map((image) => image.data)]);
}
