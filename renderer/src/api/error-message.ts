import type { TFunction } from 'i18next';
import { ApiCallError } from './learn-api-client';

/**
 * A failed call as text for the learner: errors the interface knows how to explain are
 * translated; anything else shows the core's own message, which already says what to do.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiCallError) {
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
      case 'disk-full':
        return t('dataSafety.diskFull');
      default:
        return error.message;
    }
  }
  return error instanceof Error ? error.message : String(error);
}
