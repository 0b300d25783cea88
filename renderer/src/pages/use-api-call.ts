import { useEffect, useState } from 'react';

export type Loadable<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

/** Runs an api call when its dependencies change, ignoring replies that arrive after unmount. */
export function useApiCall<T>(load: () => Promise<T>, deps: readonly unknown[]): [Loadable<T>, (value: T) => void] {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  useEffect(() => {
    // Callers remount (React `key`) when they need a fresh loading state, so none is set here.
    let current = true;
    load().then(
      (value) => current && setResult({ state: 'ready', value }),
      (error: unknown) =>
        current && setResult({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callers pass the deps of `load`
  }, deps);
  return [result, (value: T) => setResult({ state: 'ready', value })];
}
