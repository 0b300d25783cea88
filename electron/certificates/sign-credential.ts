/** The eddsa-rdfc-2022 Data Integrity proof on a certificate, made with the issuer's key. */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import type { Credential } from './achievement-credential.js';
import { bundledDocumentLoader } from './bundled-documents.js';
import type { IssuerIdentity } from './issuer-identity.js';

export async function signCredential(unsigned: Credential, issuer: IssuerIdentity, now: Date): Promise<Credential> {
  const suite = new DataIntegrityProof({ signer: issuer.keyPair.signer(), cryptosuite: eddsaRdfc2022, date: now });
  // The library fills in what it adds (the proof) on the object it is given: sign a copy.
  return vc.issue({ credential: structuredClone(unsigned), suite, documentLoader: bundledDocumentLoader });
}
