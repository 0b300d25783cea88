import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/api-context';
import { useApiCall } from './use-api-call';

/** Settings for trainers testing their own packs; closed by default and clearly labelled. */
export function DeveloperOptions() {
  const { t } = useTranslation();
  const { api } = useSession();
  const [settings, setSettings] = useApiCall(() => api['settings.developer']({}), [api]);
  const [error, setError] = useState<string | null>(null);
  return (
    <details className="developer-options">
      <summary>{t('developer.title')}</summary>
      {settings.state === 'ready' && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.value.allowUnsignedPacks}
            onChange={(event) => {
              api['settings.setAllowUnsignedPacks']({ allowed: event.target.checked }).then(setSettings, (reason: unknown) =>
                setError(reason instanceof Error ? reason.message : String(reason)),
              );
            }}
          />
          <span>{t('developer.allowUnsigned')}</span>
        </label>
      )}
      <p className="hint-text">{t('developer.allowUnsignedHint')}</p>
      {error && <p role="alert">{error}</p>}
    </details>
  );
}
