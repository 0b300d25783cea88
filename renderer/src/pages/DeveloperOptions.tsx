import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/api-context';
import { useCoreQuery, useCoreQueryUpdates } from '../api/use-core-query';
import { errorMessage } from '../api/error-message';

/** Settings for trainers testing their own packs; closed by default and clearly labelled. */
export function DeveloperOptions() {
  const { t } = useTranslation();
  const { api, session } = useSession();
  const settings = useCoreQuery('settings.developer', { session });
  const queries = useCoreQueryUpdates();
  // The person's latest choice, shown at once; until they choose, the stored setting.
  const [chosen, setAllowUnsigned] = useState<boolean | null>(null);
  const [error, setError] = useState<unknown>(null);
  const allowUnsigned = chosen ?? (settings.state === 'ready' ? settings.value.allowUnsignedPacks : null);

  const change = (allowed: boolean) => {
    // Shown at once; put back if the core could not store it.
    setAllowUnsigned(allowed);
    api['settings.setAllowUnsignedPacks']({ session, allowed }).then(
      (stored) => {
        setAllowUnsigned(stored.allowUnsignedPacks);
        queries.set('settings.developer', { session }, stored);
        setError(null);
      },
      (reason: unknown) => {
        setAllowUnsigned(!allowed);
        setError(reason);
      },
    );
  };

  return (
    <details className="developer-options">
      <summary>{t('developer.title')}</summary>
      {allowUnsigned !== null && (
        <label className="checkbox">
          <input type="checkbox" checked={allowUnsigned} onChange={(event) => change(event.target.checked)} />
          <span>{t('developer.allowUnsigned')}</span>
        </label>
      )}
      <p className="hint-text">{t('developer.allowUnsignedHint')}</p>
      {error !== null && <p role="alert">{errorMessage(error, t)}</p>}
    </details>
  );
}
