import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';

/**
 * Ed25519 signing keys, shared by everything Aula signs: course packs and certificates (an
 * organisation's key) and progress files (this installation's own key). Kept outside any one
 * domain so each can use it without importing another's.
 */

/** Who holds a key, as packs and progress files name their signer. */
export interface KeyHolder {
  name: string;
  /** `keyIdOf(publicKey)`. */
  keyId: string;
  /** The raw 32-byte public key, base64. */
  publicKey: string;
}

/**
 * An organisation's signing key, as `course keygen` writes it. The private file must stay with
 * the organisation; the public file (or just the key id) is what installations learn to trust.
 */
const PrivateKeyFileSchema = z.object({
  kind: z.literal('aula-signing-key'),
  name: z.string().min(1),
  keyId: z.string(),
  publicKey: z.string(),
  privateKeyPem: z.string().includes('PRIVATE KEY'),
});

export interface SigningKey {
  signer: KeyHolder;
  privateKey: KeyObject;
}

// DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function rawPublicKey(publicKey: KeyObject): Buffer {
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return der.subarray(ED25519_SPKI_PREFIX.length);
}

export function publicKeyFromRaw(base64: string): KeyObject {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32) throw new Error('an Ed25519 public key has 32 bytes');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** Short, stable id of a public key: the first 16 hex digits of its SHA-256. */
export function keyIdOf(publicKeyBase64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 16);
}

export function generateSigningKey(name: string): { privateFile: string; publicFile: string; signer: KeyHolder } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyBase64 = rawPublicKey(publicKey).toString('base64');
  const signer: KeyHolder = { name, keyId: keyIdOf(publicKeyBase64), publicKey: publicKeyBase64 };
  const privateFile = JSON.stringify(
    { kind: 'aula-signing-key', ...signer, privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() },
    null,
    2,
  );
  const publicFile = JSON.stringify({ kind: 'aula-public-key', ...signer }, null, 2);
  return { privateFile: `${privateFile}\n`, publicFile: `${publicFile}\n`, signer };
}

export function readSigningKey(file: string): SigningKey {
  let parsed: z.infer<typeof PrivateKeyFileSchema>;
  try {
    parsed = PrivateKeyFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    throw new Error(`${file} is not an Aula signing key (make one with: npm run course -- keygen "Your organisation")`);
  }
  const privateKey = createPrivateKey(parsed.privateKeyPem);
  const publicKeyBase64 = rawPublicKey(createPublicKey(privateKey)).toString('base64');
  if (publicKeyBase64 !== parsed.publicKey) throw new Error(`${file}: the public key does not belong to the private key`);
  return { signer: { name: parsed.name, keyId: keyIdOf(publicKeyBase64), publicKey: publicKeyBase64 }, privateKey };
}

export function signBytes(key: SigningKey, bytes: Buffer): string {
  return sign(null, bytes, key.privateKey).toString('base64');
}

export function signatureIsValid(signer: Pick<KeyHolder, 'publicKey'>, bytes: Buffer, signatureBase64: string): boolean {
  try {
    return verify(null, bytes, publicKeyFromRaw(signer.publicKey), Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}
