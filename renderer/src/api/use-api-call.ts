import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './error-message';
import { ApiCallError } from './learn-api-client';

/** A failure's `details` are the core's own lines (such as a course file's `file:line:col` problem), shown as they are. */
export type Loadable<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string; details?: string[] };

type Outcome<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: unknown };

/**
 * Runs an api call when its dependencies change, ignoring replies that arrive after unmount. A
 * failure is kept as the error itself and put into words at render time, so the message follows
 * the interface language even when it is switched afterwards.
 */
export function useApiCall<T>(load: () => Promise<T>, deps: readonly unknown[]): [Loadable<T>, (value: T) => void] {
  const { t } = useTranslation();
  const [result, setResult] = useState<Outcome<T>>({ state: 'loading' });
  useEffect(() => {
    // Callers remount (React `key`) when they need a fresh loading state, so none is set here.
    let current = true;
    load().then(
      (value) => current && setResult({ state: 'ready', value }),
      (error: unknown) => current && setResult({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callers pass the deps of `load`
  }, deps);
  const loadable: Loadable<T> =
    result.state === 'failed'
      ? {
          state: 'failed',
          message: errorMessage(result.error, t),
          details: result.error instanceof ApiCallError ? result.error.error.details : undefined,
        }
      : result;
  return [loadable, (value: T) => setResult({ state: 'ready', value })];
}
