import i18next, { type TFunction } from 'i18next';
import { ApiCallError } from './learn-api-client';

/** The wait before the next PIN try, in minutes once it is long enough for seconds to be silly. */
function pinMessage(error: ApiCallError, t: TFunction): string | null {
  const wait = error.error.retryAfterSeconds ?? 0;
  const minutes = Math.ceil(wait / 60);
  switch (error.error.code) {
    case 'pin-required':
      return t('profiles.pinRequired');
    case 'wrong-pin':
      if (wait === 0) return t('profiles.wrongPin');
      return wait >= 120 ? t('profiles.wrongPinWaitMinutes', { count: minutes }) : t('profiles.wrongPinWait', { count: wait });
    case 'pin-locked':
      return wait >= 120 ? t('profiles.pinLockedMinutes', { count: minutes }) : t('profiles.pinLocked', { count: wait });
    default:
      return null;
  }
}

/**
 * A problem the renderer itself finds (an empty name, a PIN of the wrong form...), kept as its
 * i18n key and params rather than as words, so that it can sit in state next to the core's errors
 * and still be worded in whatever language the interface is in when it is shown.
 */
export class UiProblem extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'UiProblem';
  }
}

/**
 * A failed call as text for the learner, in the interface's language: the core's `reason` picks
 * `errors.<reason>`, filled in with its `params`. When the current language has no such entry
 * (or the error has no reason), the core's own English message is shown: it already says what to do.
 *
 * Call it while rendering, never when the error happens: state keeps the error itself, so a
 * message on screen follows a later switch of the interface language.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof UiProblem) return t(error.key, error.params);
  if (error instanceof ApiCallError) {
    const pin = pinMessage(error, t);
    if (pin !== null) return pin;
    const { reason, params } = error.error;
    if (reason) {
      const key = `errors.${reason}`;
      // Only the current language counts: falling back to English would hide the core's message.
      if (i18next.exists(key, { ...params, lngs: [i18next.language] })) return t(key, { ...params });
    }
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
