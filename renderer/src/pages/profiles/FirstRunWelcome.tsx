import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NewProfileForm } from './NewProfileForm';
import type { ProfileEntryProps } from './profile-entry-props';
import { setPageTitle } from '../../branding';

/**
 * What the profile picker shows while this computer has no profile at all (a new installation,
 * or after the last one was deleted): it asks the first person for their name, the one printed on
 * their certificates, instead of letting them study under a made-up one.
 */
export function FirstRunWelcome({ api, languages, onOpened, onLanguageChange }: ProfileEntryProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const formTitleId = useId();

  useEffect(() => {
    setPageTitle(t('profiles.firstRun.title'));
  }, [t]);

  return (
    <section className="page first-run" aria-labelledby={titleId}>
      <h1 id={titleId}>{t('profiles.firstRun.title')}</h1>
      <p className="lead">{t('profiles.firstRun.intro')}</p>
      <p className="first-run-shared">{t('profiles.firstRun.shared')}</p>
      <div className="first-run-card">
        <h2 id={formTitleId}>{t('profiles.firstRun.formTitle')}</h2>
        <p className="first-run-manager">{t('profiles.firstRun.manager')}</p>
        <NewProfileForm
          api={api}
          languages={languages}
          onOpened={onOpened}
          onLanguageChange={onLanguageChange}
          labelledBy={formTitleId}
          autoFocusName
          actions={(busy) => (
            <p className="first-run-actions">
              <button type="submit" className="button button-primary button-large" disabled={busy} aria-busy={busy}>
                {t('profiles.firstRun.start')}
              </button>
            </p>
          )}
        />
      </div>
    </section>
  );
}
