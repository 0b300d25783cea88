/**
 * did:key identifiers for Ed25519 keys (https://w3c-ccg.github.io/did-method-key/), derived
 * locally: the identifier is the public key itself, so resolving one needs no network.
 */
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

export const DID_CONTEXT_V1 = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_CONTEXT_V1 = 'https://w3id.org/security/multikey/v1';

/** An Ed25519 public key as multibase (base58btc with the ed25519-pub multicodec prefix): "z6Mk...". */
const ED25519_MULTIBASE = /^z6Mk[1-9A-HJ-NP-Za-km-z]{44}$/;

export function didFromPublicKeyMultibase(publicKeyMultibase: string): string {
  if (!ED25519_MULTIBASE.test(publicKeyMultibase)) throw new Error('not an Ed25519 public key in multibase form');
  return `did:key:${publicKeyMultibase}`;
}

/** The verification method id Aula's proofs use: the key's own fragment, as did:key defines it. */
export function verificationMethodId(did: string): string {
  return `${did}#${did.slice('did:key:'.length)}`;
}

export interface DidKeyDocuments {
  did: string;
  verificationMethod: Record<string, unknown>;
  didDocument: Record<string, unknown>;
}

/** The DID document and verification method a did:key stands for, or null for anything else. */
export function resolveDidKey(url: string): DidKeyDocuments | null {
  const did = url.split('#')[0] ?? '';
  if (!did.startsWith('did:key:')) return null;
  const publicKeyMultibase = did.slice('did:key:'.length);
  if (!ED25519_MULTIBASE.test(publicKeyMultibase)) return null;
  const verificationMethod = {
    '@context': MULTIKEY_CONTEXT_V1,
    id: verificationMethodId(did),
    type: 'Multikey',
    controller: did,
    publicKeyMultibase,
  };
  const { '@context': _context, ...embedded } = verificationMethod;
  const didDocument = {
    '@context': [DID_CONTEXT_V1, MULTIKEY_CONTEXT_V1],
    id: did,
    verificationMethod: [embedded],
    authentication: [verificationMethod.id],
    assertionMethod: [verificationMethod.id],
  };
  return { did, verificationMethod, didDocument };
}

/** Checks that a did:key really holds an Ed25519 key (the multibase decodes to 32 bytes). */
export async function isUsableDidKey(did: string): Promise<boolean> {
  const resolved = resolveDidKey(did);
  if (!resolved) return false;
  try {
    await Ed25519Multikey.from(resolved.verificationMethod);
    return true;
  } catch {
    return false;
  }
}
