import type { ApiError, ApiErrorCode, ErrorFacts } from '../contract/channels.js';

/** What a failure carries besides its code and English message. */
export interface ApiFailureFacts extends ErrorFacts {
  details?: string[];
  retryAfterSeconds?: number;
}

/**
 * Thrown by a core handler to end a call with a message the person using Aula can act on. The
 * `reason` and `params` let the renderer say it in the learner's language; `message` stays in
 * English for the command-line tools, the logs, and as the fallback.
 */
export class ApiFailure extends Error {
  readonly reason: ApiFailureFacts['reason'];
  readonly params?: ApiFailureFacts['params'];
  readonly details?: string[];
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    facts: ApiFailureFacts,
  ) {
    super(message);
    this.name = 'ApiFailure';
    this.reason = facts.reason;
    this.params = facts.params;
    this.details = facts.details;
    this.retryAfterSeconds = facts.retryAfterSeconds;
  }

  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      reason: this.reason,
      ...(this.params ? { params: this.params } : {}),
      ...(this.details ? { details: this.details } : {}),
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
    };
  }
}
