import type { ErrorFacts } from '../../contract/channels.js';
import { DomainRefusal } from '../../domain/domain-refusal.js';

/** Why a pack was refused; the message says what is wrong and what the person can do. */
export type PackRefusalReason =
  | 'not-a-zip'
  | 'unsafe-path'
  | 'invalid-name'
  | 'duplicate-path'
  | 'too-large'
  | 'too-many-entries'
  | 'unknown-format'
  | 'invalid-manifest'
  | 'tampered'
  | 'bad-signature'
  | 'missing-signature'
  | 'unsigned'
  | 'untrusted-signer'
  | 'invalid-course';

/**
 * `reason` sorts refusals (the CLI and the handlers act on it); `facts` is the finer key and the
 * names (file in the pack, signer, limits) the renderer needs to say the same in the learner's language.
 */
export class PackRefusal extends DomainRefusal {
  constructor(
    readonly reason: PackRefusalReason,
    message: string,
    facts: ErrorFacts,
  ) {
    // Installing from a signer nobody trusted is a decision the person may not make alone; every
    // other refusal is about the file itself.
    super(reason === 'untrusted-signer' ? 'not-allowed' : 'bad-input', message, facts);
    this.name = 'PackRefusal';
  }
}
