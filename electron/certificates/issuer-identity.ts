/**
 * Who signs this installation's certificates: an organisation's Ed25519 key and its name, url and
 * logo, kept in `<data folder>/issuer/`. A key is generated on first use; a partner installs its
 * own (the same key file `course keygen` makes, so one key signs both course packs and
 * certificates) with `npm run certificate -- install-issuer`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { z } from 'zod';
import { generateSigningKey, readSigningKey, type SigningKey } from '../crypto/signing-keys.js';
import { didFromPublicKeyMultibase, verificationMethodId } from './did-key.js';

export const ISSUER_FOLDER = 'issuer';
const KEY_FILE = 'issuer-key.json';
const SETTINGS_FILE = 'issuer.json';
/** A logo is signed into every certificate, so it is kept small. */
export const MAX_LOGO_BYTES = 150 * 1024;
const LOGO_TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' } as const;

const IssuerSettingsSchema = z.object({
  name: z.string().trim().min(1).max(120),
  url: z.url().optional(),
  /** File name of the logo inside the issuer folder. */
  logoFile: z
    .string()
    .regex(/^logo\.(png|jpe?g)$/)
    .optional(),
});
export type IssuerSettings = z.infer<typeof IssuerSettingsSchema>;

export interface IssuerIdentity {
  did: string;
  verificationMethod: string;
  name: string;
  url?: string;
  /** The logo as a data: URI, ready to go into a credential. */
  logoDataUri?: string;
  keyPair: Ed25519Multikey.Ed25519KeyPair;
}

export function issuerFolder(dataDir: string): string {
  return path.join(dataDir, ISSUER_FOLDER);
}

function writeFileAtomically(file: string, content: string | Buffer, mode?: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, content, mode === undefined ? undefined : { mode });
  fs.renameSync(temp, file);
}

/** The raw 32-byte Ed25519 seed of a Node private key: the last bytes of its PKCS#8 form. */
function seedOf(key: SigningKey): Uint8Array {
  const der = key.privateKey.export({ format: 'der', type: 'pkcs8' });
  return new Uint8Array(der.subarray(der.length - 32));
}

export async function keyPairFromSigningKey(key: SigningKey): Promise<{ did: string; keyPair: Ed25519Multikey.Ed25519KeyPair }> {
  const seed = seedOf(key);
  const bare = await Ed25519Multikey.generate({ seed });
  const did = didFromPublicKeyMultibase(bare.publicKeyMultibase);
  const keyPair = await Ed25519Multikey.generate({ seed, controller: did, id: verificationMethodId(did) });
  return { did, keyPair };
}

function defaultIssuerName(): string {
  return `Aula (${os.hostname() || 'this computer'})`;
}

export function readIssuerSettings(dataDir: string): IssuerSettings | null {
  const file = path.join(issuerFolder(dataDir), SETTINGS_FILE);
  if (!fs.existsSync(file)) return null;
  const parsed = IssuerSettingsSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${file} is damaged: ${parsed.error.issues[0]?.message ?? 'invalid settings'}. Set the issuer again with: npm run certificate -- issuer --name "Your organisation"`,
    );
  return parsed.data;
}

export function writeIssuerSettings(dataDir: string, settings: IssuerSettings): void {
  const checked = IssuerSettingsSchema.parse(settings);
  writeFileAtomically(path.join(issuerFolder(dataDir), SETTINGS_FILE), `${JSON.stringify(checked, null, 2)}\n`);
}

/** Whether this data folder already has an issuer key (verification only reads it, never makes one). */
export function hasIssuerKey(dataDir: string): boolean {
  return fs.existsSync(path.join(issuerFolder(dataDir), KEY_FILE));
}

/** Installs an organisation key (an `aula-signing-key` file) as this installation's issuer. */
export function installIssuerKey(dataDir: string, keyFile: string, name?: string): IssuerSettings {
  const key = readSigningKey(keyFile);
  writeFileAtomically(path.join(issuerFolder(dataDir), KEY_FILE), fs.readFileSync(keyFile), 0o600);
  const previous = readIssuerSettings(dataDir);
  const settings: IssuerSettings = { ...(previous ?? {}), name: name ?? key.signer.name };
  writeIssuerSettings(dataDir, settings);
  return settings;
}

/** Copies a PNG or JPEG logo into the issuer folder; refuses other files with a reason. */
export function installIssuerLogo(dataDir: string, logoFile: string): string {
  const extension = path.extname(logoFile).toLowerCase();
  if (!(extension in LOGO_TYPES)) throw new Error(`${logoFile}: the logo must be a .png or .jpg file.`);
  const bytes = fs.readFileSync(logoFile);
  if (bytes.length > MAX_LOGO_BYTES) {
    throw new Error(`${logoFile} is ${Math.ceil(bytes.length / 1024)} KB; a logo may be at most ${MAX_LOGO_BYTES / 1024} KB.`);
  }
  const isPng = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  if ((extension === '.png' && !isPng) || (extension !== '.png' && !isJpeg)) {
    throw new Error(`${logoFile} is not a valid ${extension === '.png' ? 'PNG' : 'JPEG'} image.`);
  }
  const stored = `logo${extension === '.jpeg' ? '.jpg' : extension}`;
  for (const old of ['logo.png', 'logo.jpg']) fs.rmSync(path.join(issuerFolder(dataDir), old), { force: true });
  writeFileAtomically(path.join(issuerFolder(dataDir), stored), bytes);
  return stored;
}

/**
 * This installation's issuer, generating a key (and a default name) the first time. The key file
 * is readable by its owner only.
 */
export async function loadIssuerIdentity(dataDir: string): Promise<IssuerIdentity> {
  const folder = issuerFolder(dataDir);
  const keyFile = path.join(folder, KEY_FILE);
  let settings = readIssuerSettings(dataDir);
  if (!fs.existsSync(keyFile)) {
    const name = settings?.name ?? defaultIssuerName();
    writeFileAtomically(keyFile, generateSigningKey(name).privateFile, 0o600);
  }
  const key = readSigningKey(keyFile);
  if (!settings) {
    settings = { name: key.signer.name };
    writeIssuerSettings(dataDir, settings);
  }
  const { did, keyPair } = await keyPairFromSigningKey(key);
  let logoDataUri: string | undefined;
  if (settings.logoFile) {
    const logoPath = path.join(folder, settings.logoFile);
    if (fs.existsSync(logoPath)) {
      const type = settings.logoFile.endsWith('.png') ? 'image/png' : 'image/jpeg';
      logoDataUri = `data:${type};base64,${fs.readFileSync(logoPath).toString('base64')}`;
    }
  }
  return {
    did,
    verificationMethod: verificationMethodId(did),
    name: settings.name,
    ...(settings.url ? { url: settings.url } : {}),
    ...(logoDataUri ? { logoDataUri } : {}),
    keyPair,
  };
}

/** The did:key of this installation's issuer, if it has one (without generating a key). */
export async function ownIssuerDid(dataDir: string): Promise<string | null> {
  if (!hasIssuerKey(dataDir)) return null;
  const key = readSigningKey(path.join(issuerFolder(dataDir), KEY_FILE));
  return (await keyPairFromSigningKey(key)).did;
}
