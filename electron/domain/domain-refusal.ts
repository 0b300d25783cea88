import type { ErrorFacts } from '../contract/channels.js';

/**
 * What kind of "no" one of Aula's rules gave. Domain code says only this; the core's one table
 * (`knownFailure` in core/dispatch.ts) decides which API error code each kind becomes, so a rule
 * never depends on the transport and the same refusal reads the same through every door.
 */
export type RefusalKind =
  /** The person may not do this (a role, a trust decision, an unmet requirement). */
  | 'not-allowed'
  /** What they named does not exist (any more). */
  | 'not-found'
  /** It can't be done in the current state (attempts used up, attempt already finished). */
  | 'conflict'
  /** What they gave is malformed or unusable (an answer of the wrong shape, a damaged file). */
  | 'bad-input';

/** A refusal by a rule of Aula's, with the facts the renderer needs to say it in the learner's language. */
export class DomainRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
    readonly facts: ErrorFacts,
  ) {
    super(message);
    this.name = 'DomainRefusal';
  }
}
