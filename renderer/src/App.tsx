import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, Learner } from '../../electron/contract/channels';
import { SessionContext, type Session } from './api/api-context';
import { createLearnApiClient } from './api/learn-api-client';
import { switchLanguage } from './i18n/i18n';
import { CatalogPage } from './pages/CatalogPage';
import { LessonPage } from './pages/LessonPage';
import { CATALOG_HREF, useRoute } from './router';

interface Boot {
  learner: Learner;
  session: string;
  liveReload: boolean;
  language: Language;
  languages: Language[];
}

function LanguageSwitch({ languages, onChange }: { languages: Language[]; onChange: (language: Language) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switch">
      <span>{t('language.label')}</span>
      <select value={i18n.language} onChange={(event) => onChange(event.target.value as Language)}>
        {languages.map((language) => (
          <option key={language} value={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** In `course preview`, the server says when course files changed: reload to show them. */
function useLiveReload(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const events = new EventSource('/events');
    events.addEventListener('reload', () => window.location.reload());
    return () => events.close();
  }, [enabled]);
}

function Shell({ boot, session }: { boot: Boot; session: Session }) {
  const { t } = useTranslation();
  const route = useRoute();
  useLiveReload(boot.liveReload);
  const changeLanguage = (language: Language) => {
    void switchLanguage(language);
    void session.api['settings.setLanguage']({ language });
  };
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <a className="brand" href={CATALOG_HREF}>
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </a>
        <div className="header-tools">
          <span className="learner-name">{t('app.learner', { name: boot.learner.displayName })}</span>
          <LanguageSwitch languages={boot.languages} onChange={changeLanguage} />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {route.page === 'lesson' ? (
          <LessonPage key={`${route.courseId}/${route.lessonId}`} courseId={route.courseId} lessonId={route.lessonId} />
        ) : (
          <CatalogPage />
        )}
      </main>
    </>
  );
}

export function App() {
  const { t } = useTranslation();
  const api = useMemo(() => createLearnApiClient(), []);
  const [boot, setBoot] = useState<Boot | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const info = await api['app.info']({});
      await switchLanguage(info.language);
      const learners = await api['learners.list']({});
      const first = learners[0];
      if (!first) throw new Error('no learner profile');
      const { session, learner } = await api['learners.open']({ learnerId: first.id });
      if (!cancelled)
        setBoot({ learner, session, language: info.language, languages: info.languages, liveReload: info.liveReload });
    })().catch((reason: unknown) => {
      if (!cancelled) setError(reason instanceof Error ? reason.message : String(reason));
    });
    return () => {
      cancelled = true;
    };
  }, [api]);

  if (error) {
    return (
      <p role="alert" className="boot-error">
        {t('app.startError', { message: error })}
      </p>
    );
  }
  if (!boot) {
    return (
      <p className="boot-loading" aria-busy="true">
        {t('app.loading')}
      </p>
    );
  }
  return (
    <SessionContext.Provider value={{ api, learner: boot.learner, session: boot.session }}>
      <Shell boot={boot} session={{ api, learner: boot.learner, session: boot.session }} />
    </SessionContext.Provider>
  );
}
