/**
 * The compact signed payload in a certificate's QR code: the certificate's main fields and an
 * Ed25519 signature by the issuer's key, small enough for a QR code that a phone reads from
 * paper. Format: `AULA1.<base64url JSON>.<base64url signature of the JSON segment>`.
 */
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { z } from 'zod';
import { resolveDidKey } from './did-key.js';
import type { IssuerIdentity } from './issuer-identity.js';

export const COMPACT_PAYLOAD_PREFIX = 'AULA1';

const CompactFieldsSchema = z.strictObject({
  /** Certificate id (UUID). */
  id: z.uuid(),
  /** Learner name, exactly as on the certificate. */
  n: z.string(),
  /** Course title and version. */
  c: z.string(),
  v: z.string(),
  /** Completion date, YYYY-MM-DD. */
  d: z.string(),
  /** Study hours. */
  h: z.number().nullable(),
  /** Issuer name and did:key. */
  o: z.string(),
  i: z.string().startsWith('did:key:'),
  /** Verification code. */
  k: z.string(),
});
export type CompactFields = z.infer<typeof CompactFieldsSchema>;

export async function signCompactPayload(fields: CompactFields, issuer: IssuerIdentity): Promise<string> {
  const body = Buffer.from(JSON.stringify(CompactFieldsSchema.parse(fields)), 'utf8').toString('base64url');
  const signature = await issuer.keyPair.signer().sign({ data: new TextEncoder().encode(body) });
  return `${COMPACT_PAYLOAD_PREFIX}.${body}.${Buffer.from(signature).toString('base64url')}`;
}

export type CompactVerdict = { valid: true; fields: CompactFields } | { valid: false; reason: string };

/** Checks a QR payload against the did:key it names (which says nothing yet about trusting it). */
export async function verifyCompactPayload(text: string): Promise<CompactVerdict> {
  const [prefix, body, signature, ...rest] = text.trim().split('.');
  if (prefix !== COMPACT_PAYLOAD_PREFIX || !body || !signature || rest.length > 0) {
    return { valid: false, reason: 'this is not an Aula certificate code' };
  }
  let fields: CompactFields;
  try {
    fields = CompactFieldsSchema.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  } catch {
    return { valid: false, reason: 'the certificate code is damaged' };
  }
  const didKey = resolveDidKey(fields.i);
  if (!didKey) return { valid: false, reason: 'the certificate code names an issuer key Aula cannot read' };
  const key = await Ed25519Multikey.from(didKey.verificationMethod);
  const verified = await key
    .verifier()
    .verify({ data: new TextEncoder().encode(body), signature: new Uint8Array(Buffer.from(signature, 'base64url')) });
  return verified ? { valid: true, fields } : { valid: false, reason: 'the certificate code was changed after it was issued' };
}
