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

export class PackRefusal extends Error {
  constructor(
    readonly reason: PackRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'PackRefusal';
  }
}
