/**
 * Checks a certificate file (the PDF or the Open Badges JSON): is it well formed, does its
 * eddsa-rdfc-2022 signature match its content, and does this installation know its issuer?
 * Works offline: contexts ship with Aula and did:key documents come from the key itself.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import type { Credential } from './achievement-credential.js';
import { UnknownDocumentError, bundledDocumentLoader } from './bundled-documents.js';
import { MalformedCertificateError, readCertificateFields, type CertificateFields } from './credential-fields.js';
import { verificationMethodId } from './did-key.js';
import { ownIssuerDid } from './issuer-identity.js';
import type { PageDifference } from './certificate-page-check.js';
import { extractCredentialText, isPdf } from './pdf-attachment.js';
import { readTrustedIssuers } from './trusted-issuers.js';

/** Largest file the check reads: a certificate PDF is far smaller. */
export const MAX_CERTIFICATE_FILE_BYTES = 10 * 1024 * 1024;

export type CertificateVerdict =
  | { status: 'valid'; fields: CertificateFields; issuer: 'this-installation' | 'trusted' }
  /**
   * A PDF whose attached credential is valid and from a known issuer, but whose page can't be
   * compared with it (rewritten by another program, or made by an older Aula): trust the
   * credential's fields, not the page.
   */
  | { status: 'page-unchecked'; reason: string; fields: CertificateFields; issuer: 'this-installation' | 'trusted' }
  /** Signed correctly, by a key this installation has not been told to trust. */
  | { status: 'unknown-issuer'; fields: CertificateFields }
  /** Well formed, but the signature does not match the content: something was changed. */
  | { status: 'tampered'; reason: string; fields: CertificateFields; printed?: PageDifference }
  | { status: 'malformed'; reason: string };

function malformed(reason: string): CertificateVerdict {
  return { status: 'malformed', reason };
}

function parseCredentialText(text: string): Credential | string {
  try {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (!value || typeof value !== 'object' || Array.isArray(value)) return 'the file is JSON, but not a credential';
    return value as Credential;
  } catch {
    return 'the file is neither a certificate PDF nor valid JSON';
  }
}

/** The libraries wrap a loader's error (jsonld in `details.cause`, others in `cause` or `errors`). */
function unknownDocumentIn(error: unknown, depth = 0): UnknownDocumentError | null {
  if (error instanceof UnknownDocumentError) return error;
  if (!error || typeof error !== 'object' || depth > 5) return null;
  const wrapped = error as { cause?: unknown; details?: { cause?: unknown }; errors?: unknown[] };
  for (const inner of [wrapped.cause, wrapped.details?.cause, ...(Array.isArray(wrapped.errors) ? wrapped.errors : [])]) {
    const found = unknownDocumentIn(inner, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Checks the signature only; `null` when it matches. */
async function signatureProblem(credential: Credential, fields: CertificateFields): Promise<string | null> {
  const proof = credential.proof as Record<string, unknown>;
  if (proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-rdfc-2022') {
    return 'it is not signed with an eddsa-rdfc-2022 Data Integrity proof';
  }
  if (proof.verificationMethod !== verificationMethodId(fields.issuerId)) {
    return "it was signed with a key that is not the issuer's own";
  }
  const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  // Validity dates are the issuing PC's clock; a clock running behind here is not tampering.
  const validFrom = Date.parse(fields.issuedAt);
  const now = new Date(Number.isFinite(validFrom) ? Math.max(Date.now(), validFrom) : Date.now());
  const result = await vc.verifyCredential({ credential, suite, documentLoader: bundledDocumentLoader, now });
  if (result.verified) return null;
  const unknown = [result.error, ...(result.results ?? []).map((entry) => entry.error)]
    .map((error) => unknownDocumentIn(error))
    .find((error) => error !== null);
  if (unknown) throw unknown;
  return 'its signature does not match its content: it was changed after it was issued';
}

export async function verifyCertificateBytes(bytes: Uint8Array, dataDir: string): Promise<CertificateVerdict> {
  if (bytes.byteLength === 0) return malformed('the file is empty');
  if (bytes.byteLength > MAX_CERTIFICATE_FILE_BYTES) return malformed('the file is far larger than any certificate');
  let text: string;
  const pdf = isPdf(bytes);
  if (pdf) {
    try {
      text = extractCredentialText(bytes);
    } catch (error) {
      return malformed(error instanceof Error ? error.message : String(error));
    }
  } else {
    text = Buffer.from(bytes).toString('utf8');
  }
  const credential = parseCredentialText(text);
  if (typeof credential === 'string') return malformed(credential);
  let fields: CertificateFields;
  try {
    fields = readCertificateFields(credential);
  } catch (error) {
    if (error instanceof MalformedCertificateError)
      return malformed(error.message.replace(/^This is not a complete Aula certificate: /, '').replace(/\.$/, ''));
    throw error;
  }
  let problem: string | null;
  try {
    problem = await signatureProblem(credential, fields);
  } catch (error) {
    if (error instanceof UnknownDocumentError) return malformed(error.message);
    throw error;
  }
  if (problem) return { status: 'tampered', reason: problem, fields };
  let pageUnchecked: string | null = null;
  if (pdf) {
    const { checkCertificatePage } = await import('./certificate-page-check.js');
    const page = await checkCertificatePage(bytes, text, fields);
    if (page.status === 'differs') return { status: 'tampered', reason: page.reason, fields, printed: page.difference };
    if (page.status === 'unchecked') pageUnchecked = page.reason;
  }
  const issuer =
    fields.issuerId === (await ownIssuerDid(dataDir))
      ? 'this-installation'
      : readTrustedIssuers(dataDir).some((trusted) => trusted.id === fields.issuerId)
        ? 'trusted'
        : null;
  if (!issuer) return { status: 'unknown-issuer', fields };
  if (pageUnchecked !== null) return { status: 'page-unchecked', reason: pageUnchecked, fields, issuer };
  return { status: 'valid', fields, issuer };
}
