import yazl from 'yazl';

export interface CraftedEntry {
  /** Raw name bytes, which may be hostile (`../x`, invalid UTF-8...): zip writers refuse to write those. */
  name: Buffer | string;
  data: Buffer | string;
  mode?: number;
}

/**
 * Writes a zip whose entry names can be anything, for testing how hostile packs are refused. yazl
 * validates names, so entries are written under same-length placeholder names that are then
 * replaced, byte for byte, in the local headers and the central directory.
 */
export async function craftZip(entries: CraftedEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const replacements: [Buffer, Buffer][] = [];
  entries.forEach((entry, index) => {
    const target = Buffer.isBuffer(entry.name) ? entry.name : Buffer.from(entry.name);
    const tag = `Z${index}Z`;
    if (target.length < tag.length) throw new Error('crafted names need at least 3 bytes');
    const placeholder = Buffer.from(tag.padEnd(target.length, 'q'));
    replacements.push([placeholder, target]);
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data);
    zip.addBuffer(data, placeholder.toString('latin1'), {
      mtime: new Date(Date.UTC(1980, 0, 1)),
      mode: entry.mode ?? 0o100644,
      compress: true,
    });
  });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  for (const [placeholder, target] of replacements) {
    let at = bytes.indexOf(placeholder);
    while (at !== -1) {
      target.copy(bytes, at);
      at = bytes.indexOf(placeholder, at + target.length);
    }
  }
  return bytes;
}
