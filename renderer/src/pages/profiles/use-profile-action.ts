import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';

/**
 * Runs a profile action, showing its error (translated where Aula knows it) instead of throwing.
 * The error itself is kept and worded at render time, so the message follows a language switch
 * (the first-run page switches the language from inside the form).
 */
export function useProfileAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (reason) {
      setProblem(reason);
    } finally {
      setBusy(false);
    }
  };
  const error = problem === null ? null : errorMessage(problem, t);
  /** Shows a problem found before calling the core (a UiProblem), or clears it with null. */
  const setError = (next: unknown) => setProblem(next);
  return { busy, error, setError, run };
}
