/** Thin promise wrappers around yazl (writing) and yauzl (reading), the zip libraries Aula uses. */
import type { Readable } from 'node:stream';
import { deflateRawSync } from 'node:zlib';
import type yauzl from 'yauzl';

// The zip libraries load when a pack is first written or read, not with every start of Aula.
const loadYauzl = async () => (await import('yauzl')).default;
const loadYazl = async () => (await import('yazl')).default;

/** A fixed timestamp for every entry, so the same input always gives the same pack bytes. */
const FIXED_MTIME = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

/** File types that are compressed already: storing them is faster and no bigger. */
const STORED_EXTENSIONS = /\.(png|jpe?g|gif|webp|woff2?|zip|pdf|gz|mp3|mp4|webm)$/i;

/**
 * Whether deflating pays off. Known compressed formats are stored; a large file of another type is
 * stored when a trial deflate saves under 5 % (its install would inflate it for nothing).
 */
function worthCompressing(name: string, data: Buffer): boolean {
  if (STORED_EXTENSIONS.test(name)) return false;
  if (data.length < 64 * 1024) return true;
  return deflateRawSync(data, { level: 1 }).length < data.length * 0.95;
}

export async function writeZip(entries: { name: string; data: Buffer }[]): Promise<Buffer> {
  const yazl = await loadYazl();
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    zip.addBuffer(entry.data, entry.name, {
      mtime: FIXED_MTIME,
      mode: 0o100644,
      compress: worthCompressing(entry.name, entry.data),
    });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export async function openZip(file: string): Promise<yauzl.ZipFile> {
  const yauzl = await loadYauzl();
  return new Promise((resolve, reject) => {
    // Raw names (decodeStrings: false) so that Aula, not the library, decides what a valid name is.
    yauzl.open(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }, (error, zip) =>
      error || !zip ? reject(error ?? new Error('cannot open zip')) : resolve(zip),
    );
  });
}

/** Every entry of the central directory, without reading any file data. */
export function readZipEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

export function openEntryStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) =>
      error || !stream ? reject(error ?? new Error('cannot read entry')) : resolve(stream),
    );
  });
}

export async function readEntryBytes(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<Buffer> {
  const stream = await openEntryStream(zip, entry);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      stream.destroy();
      throw new Error('entry larger than allowed');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
