import { createHash } from 'node:crypto';
import type yauzl from 'yauzl';
import { describeSchemaIssues } from '../../course-source/course-problem.js';
import {
  PACK_FORMAT_VERSION,
  PACK_LIMITS,
  PACK_MANIFEST_NAME,
  PACK_SIGNATURE_NAME,
  PackManifestSchema,
  type PackManifest,
  type PackSigner,
} from './pack-format.js';
import { PackRefusal } from './pack-refusal.js';
import { keyIdOf, signatureIsValid } from '../../crypto/signing-keys.js';
import { openEntryStream, openZip, readEntryBytes, readZipEntries } from './zip-files.js';

export type PackLimits = { [K in keyof typeof PACK_LIMITS]: number };

export interface InspectedPack {
  manifest: PackManifest;
  /** The signer, if the pack is signed and its signature verified; null for an unsigned pack. */
  signer: PackSigner | null;
  /** Open zip and its file entries by name, for extraction; close with `close()`. */
  zip: yauzl.ZipFile;
  entries: Map<string, yauzl.Entry>;
  close(): void;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes and checks one entry name; returns it, or throws a refusal naming it. */
export function checkEntryName(raw: Buffer): string {
  let name: string;
  try {
    name = utf8.decode(raw);
  } catch {
    throw new PackRefusal(
      'invalid-name',
      'The pack contains a file name that is not valid UTF-8. Pack the course again with `npm run course -- pack`.',
      { reason: 'pack.invalid-name' },
    );
  }
  const shown = JSON.stringify(name.slice(0, 120));
  if (name.includes('\\') || name.includes('\0'))
    throw new PackRefusal('unsafe-path', `The pack contains an unsafe file name: ${shown}.`, {
      reason: 'pack.unsafe-name',
      params: { entry: name.slice(0, 120) },
    });
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) {
    throw new PackRefusal(
      'unsafe-path',
      `The pack contains an absolute path (${shown}); a course pack may only hold paths inside the course.`,
      { reason: 'pack.absolute-path', params: { entry: name.slice(0, 120) } },
    );
  }
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment === '')) {
    throw new PackRefusal('unsafe-path', `The pack contains a path that leaves the course folder: ${shown}.`, {
      reason: 'pack.leaves-folder',
      params: { entry: name.slice(0, 120) },
    });
  }
  if (name.length > PACK_LIMITS.maxPathLength)
    throw new PackRefusal('unsafe-path', `The pack contains a path that is too long: ${shown}.`, {
      reason: 'pack.path-too-long',
      params: { entry: name.slice(0, 120) },
    });
  return name;
}

async function refuseIfNotZip(file: string): Promise<yauzl.ZipFile> {
  try {
    return await openZip(file);
  } catch {
    throw new PackRefusal('not-a-zip', 'This file is not an Aula course pack (it is not a zip file, or it is damaged).', {
      reason: 'pack.not-a-zip',
    });
  }
}

function checkEntries(all: yauzl.Entry[], limits: PackLimits): Map<string, yauzl.Entry> {
  const entries = new Map<string, yauzl.Entry>();
  const seenLowerCase = new Set<string>();
  let total = 0;
  for (const entry of all) {
    const name = checkEntryName(entry.fileName as unknown as Buffer);
    const unixMode = (entry.externalFileAttributes >>> 16) & S_IFMT;
    if (unixMode === S_IFLNK)
      throw new PackRefusal(
        'unsafe-path',
        `The pack contains a symbolic link (${JSON.stringify(name)}); links are not allowed.`,
        { reason: 'pack.symlink', params: { entry: name } },
      );
    if ((entry.generalPurposeBitFlag & 1) !== 0)
      throw new PackRefusal('invalid-manifest', `The pack contains an encrypted file (${JSON.stringify(name)}).`, {
        reason: 'pack.encrypted',
        params: { entry: name },
      });
    // Folders (Windows and case-insensitive file systems treat Lessons/ and lessons/ as one).
    const key = name.toLowerCase();
    if (seenLowerCase.has(key))
      throw new PackRefusal('duplicate-path', `The pack contains the path ${JSON.stringify(name)} twice.`, {
        reason: 'pack.duplicate-path',
        params: { entry: name },
      });
    seenLowerCase.add(key);
    if (name.endsWith('/')) continue;
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      throw new PackRefusal(
        'too-large',
        `The file ${JSON.stringify(name)} in the pack is larger than Aula accepts (${Math.round(limits.maxEntryBytes / 1048576)} MB).`,
        { reason: 'pack.entry-too-large', params: { entry: name, limitMb: Math.round(limits.maxEntryBytes / 1048576) } },
      );
    }
    if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize > entry.compressedSize * limits.maxCompressionRatio) {
      throw new PackRefusal(
        'too-large',
        `The file ${JSON.stringify(name)} expands far more than real course files do; the pack is refused as unsafe.`,
        { reason: 'pack.entry-expands', params: { entry: name } },
      );
    }
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) {
      throw new PackRefusal(
        'too-large',
        `The pack expands to more than ${Math.round(limits.maxTotalBytes / 1048576)} MB, more than Aula accepts.`,
        { reason: 'pack.too-large', params: { limitMb: Math.round(limits.maxTotalBytes / 1048576) } },
      );
    }
    entries.set(name, entry);
  }
  return entries;
}

function parseManifest(bytes: Buffer): PackManifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new PackRefusal('invalid-manifest', `The pack's ${PACK_MANIFEST_NAME} is not valid JSON; the pack is damaged.`, {
      reason: 'pack.manifest-not-json',
      params: { manifest: PACK_MANIFEST_NAME },
    });
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > PACK_FORMAT_VERSION) {
    throw new PackRefusal(
      'unknown-format',
      `This pack was made for a newer version of Aula (pack format ${format}). Update Aula to install it.`,
      { reason: 'pack.format-newer', params: { format } },
    );
  }
  if (format !== PACK_FORMAT_VERSION) {
    throw new PackRefusal(
      'unknown-format',
      `This pack has an unknown format (${JSON.stringify(format)}); Aula reads format ${PACK_FORMAT_VERSION}.`,
      {
        reason: 'pack.format-unknown',
        params: { format: JSON.stringify(format) ?? 'undefined', supported: PACK_FORMAT_VERSION },
      },
    );
  }
  const parsed = PackManifestSchema.safeParse(json);
  if (!parsed.success)
    throw new PackRefusal(
      'invalid-manifest',
      `The pack's ${PACK_MANIFEST_NAME} is not valid: ${describeSchemaIssues(parsed.error)}.`,
      { reason: 'pack.manifest-invalid', params: { manifest: PACK_MANIFEST_NAME, issues: describeSchemaIssues(parsed.error) } },
    );
  return parsed.data;
}

/**
 * Opens a pack and checks everything that can be checked without writing a byte: zip structure,
 * every name, sizes and counts, the manifest, the signature, and that the files present are exactly
 * the files the manifest lists. File contents are checked against their hashes during extraction.
 */
export async function inspectPack(file: string, limits: PackLimits = PACK_LIMITS): Promise<InspectedPack> {
  const zip = await refuseIfNotZip(file);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new PackRefusal(
        'too-many-entries',
        `The pack holds ${zip.entryCount} files, more than Aula accepts (${limits.maxEntries}).`,
        { reason: 'pack.too-many-entries', params: { count: zip.entryCount, limit: limits.maxEntries } },
      );
    }
    let all: yauzl.Entry[];
    try {
      all = await readZipEntries(zip);
    } catch {
      throw new PackRefusal('not-a-zip', 'This file is not an Aula course pack (its zip directory is damaged).', {
        reason: 'pack.zip-damaged',
      });
    }
    const entries = checkEntries(all, limits);
    const manifestEntry = entries.get(PACK_MANIFEST_NAME);
    if (!manifestEntry)
      throw new PackRefusal('invalid-manifest', `This zip file is not an Aula course pack (it has no ${PACK_MANIFEST_NAME}).`, {
        reason: 'pack.no-manifest',
        params: { manifest: PACK_MANIFEST_NAME },
      });
    const manifestBytes = await readEntryBytes(zip, manifestEntry, limits.maxManifestBytes).catch(() => {
      throw new PackRefusal('invalid-manifest', `The pack's ${PACK_MANIFEST_NAME} cannot be read; the pack is damaged.`, {
        reason: 'pack.manifest-unreadable',
        params: { manifest: PACK_MANIFEST_NAME },
      });
    });
    const manifest = parseManifest(manifestBytes);

    const signatureEntry = entries.get(PACK_SIGNATURE_NAME);
    let signer: PackSigner | null = null;
    if (manifest.signer) {
      if (keyIdOf(manifest.signer.publicKey) !== manifest.signer.keyId) {
        throw new PackRefusal(
          'bad-signature',
          'The signer key id in this pack does not match its key; the pack has been tampered with.',
          { reason: 'pack.key-mismatch' },
        );
      }
      if (!signatureEntry)
        throw new PackRefusal('missing-signature', `This pack names a signer (${manifest.signer.name}) but has no signature.`, {
          reason: 'pack.missing-signature',
          params: { signer: manifest.signer.name },
        });
      const signature = (await readEntryBytes(zip, signatureEntry, 1024)).toString('utf8').trim();
      if (!signatureIsValid(manifest.signer, manifestBytes, signature)) {
        throw new PackRefusal(
          'bad-signature',
          `The signature of this pack does not match its contents: it was changed after ${manifest.signer.name} signed it, or it is damaged.`,
          { reason: 'pack.bad-signature', params: { signer: manifest.signer.name } },
        );
      }
      signer = manifest.signer;
    } else if (signatureEntry) {
      throw new PackRefusal('bad-signature', 'This pack has a signature but names no signer; it has been tampered with.', {
        reason: 'pack.signature-without-signer',
      });
    }

    const listed = new Map(manifest.files.map((f) => [f.path, f]));
    for (const [name, entry] of entries) {
      if (name.endsWith('/') || name === PACK_MANIFEST_NAME || name === PACK_SIGNATURE_NAME) continue;
      const expected = listed.get(name);
      if (!expected)
        throw new PackRefusal(
          'tampered',
          `The pack contains ${JSON.stringify(name)}, which its manifest does not list: it was changed after packing.`,
          { reason: 'pack.unlisted-entry', params: { entry: name } },
        );
      if (expected.size !== entry.uncompressedSize) {
        throw new PackRefusal('tampered', `The file ${JSON.stringify(name)} in the pack has changed since it was packed.`, {
          reason: 'pack.entry-changed',
          params: { entry: name },
        });
      }
    }
    for (const name of listed.keys()) {
      if (!entries.has(name))
        throw new PackRefusal('tampered', `The pack is missing ${JSON.stringify(name)}, which its manifest lists.`, {
          reason: 'pack.entry-missing',
          params: { entry: name },
        });
    }
    const fileEntries = new Map([...entries].filter(([name]) => listed.has(name)));
    return { manifest, signer, zip, entries: fileEntries, close: () => zip.close() };
  } catch (error) {
    zip.close();
    throw error;
  }
}

/** Streams one entry, checking its SHA-256 against the manifest; returns its bytes' hash verdict. */
export async function readVerifiedEntry(pack: InspectedPack, name: string, write: (chunk: Buffer) => void): Promise<void> {
  const entry = pack.entries.get(name);
  const expected = pack.manifest.files.find((f) => f.path === name);
  if (!entry || !expected)
    throw new PackRefusal('tampered', `The pack is missing ${JSON.stringify(name)}.`, {
      reason: 'pack.entry-missing',
      params: { entry: name },
    });
  const hash = createHash('sha256');
  let stream;
  try {
    stream = await openEntryStream(pack.zip, entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      write(chunk);
    }
  } catch {
    throw new PackRefusal('tampered', `The file ${JSON.stringify(name)} in the pack is damaged.`, {
      reason: 'pack.entry-damaged',
      params: { entry: name },
    });
  }
  if (hash.digest('hex') !== expected.sha256) {
    throw new PackRefusal(
      'tampered',
      `The file ${JSON.stringify(name)} in the pack was changed after packing (its checksum does not match).`,
      { reason: 'pack.checksum-mismatch', params: { entry: name } },
    );
  }
}
