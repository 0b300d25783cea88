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
  | 'bad-input'
  /**
   * The course's own files are at fault (say, an exercise's reference query that does not run):
   * nothing the person can change, only the course's author can fix it.
   */
  | 'course-fault';

/** The facts a refusal carries: a reason and params for the learner's language, details for the trainer. */
export interface RefusalFacts extends ErrorFacts {
  /** Specifics beyond the sentence, such as the problem found in a course's files. */
  details?: string[];
}

/** A refusal by a rule of Aula's, with the facts the renderer needs to say it in the learner's language. */
export class DomainRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
    readonly facts: RefusalFacts,
  ) {
    super(message);
    this.name = 'DomainRefusal';
  }
}
