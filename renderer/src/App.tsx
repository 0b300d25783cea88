import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Menu } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Language, LearnApi, Learner, StartupNotice } from '../../electron/contract/channels';
import type { BootState, Phase } from './app-boot';
import { SessionContext, type Session } from './api/api-context';
import { errorMessage } from './api/error-message';
import { CoreQueriesContext, type CoreQueries } from './api/use-core-query';
import { AppErrorBoundary } from './components/AppErrorBoundary';
import { forgetSession, rememberSession } from './api/remembered-session';
import { switchLanguage } from './i18n/i18n';
import { LanguageOptions, useShownLanguage } from './i18n/LanguageOptions';
import { dropLessonFrames } from './lesson/frame/lesson-frame-pool';
import { useLessonOpenedOnRouteChange } from './lesson/open-lesson-early';
import { CatalogPage } from './pages/CatalogPage';
import { CoursePage } from './pages/CoursePage';
import { HomePage } from './pages/HomePage';
import { LrsLearnerNotice } from './pages/LrsLearnerNotice';
import { ProfilePickerPage } from './pages/profiles/ProfilePickerPage';
import { StartupNotices } from './pages/profiles/StartupNotices';
import { CATALOG_HREF, CERTIFICATES_HREF, CHECK_CERTIFICATE_HREF, HOME_HREF, REPORTS_HREF, useRoute } from './router';
import './styles/learner-pages.css';

// Certificate pages load on demand, keeping the first download small.
const CertificatesPage = lazy(() => import('./pages/certificates/CertificatesPage'));
// The lesson player is not needed to choose a profile: it loads while the learner's home shows
// (see preloadLessonPlayer), so that opening the first lesson does not wait for it.
const loadLessonPage = () => import('./pages/LessonPage');
const LessonPage = lazy(() => loadLessonPage().then((module) => ({ default: module.LessonPage })));
const CheckCertificatePage = lazy(() => import('./pages/certificates/CheckCertificatePage'));
// Reports are for managers only, and rarely opened: loaded on demand.
const ReportsPage = lazy(() => import('./pages/reports/ReportsPage'));
const LearnerReportPage = lazy(() => import('./pages/reports/LearnerReportPage'));

function PageLoading() {
  return <p aria-busy="true">…</p>;
}

function LanguageSwitch({ languages, onChange }: { languages: Language[]; onChange: (language: Language) => void }) {
  const { t, i18n } = useTranslation();
  const [shown, show] = useShownLanguage(i18n.language);
  return (
    <label className="language-switch">
      <span>{t('language.label')}</span>
      <select
        value={shown}
        onChange={(event) => {
          show(event.target.value);
          onChange(event.target.value as Language);
        }}
      >
        <LanguageOptions languages={languages} />
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

/**
 * One row at any size: below a width (see app.css) the navigation and tools fold behind a Menu
 * button, so the header never takes more than a sliver of a small or zoomed screen.
 */
function Header({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  // Following a link or changing page closes the menu.
  useEffect(() => {
    const close = () => setMenuOpen(false);
    window.addEventListener('hashchange', close);
    return () => window.removeEventListener('hashchange', close);
  }, []);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <a className="brand" href={HOME_HREF}>
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </a>
        <button
          type="button"
          className="button menu-button"
          aria-expanded={menuOpen}
          aria-controls="header-tools"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <Menu size={20} aria-hidden="true" focusable="false" /> {t('app.menu')}
        </button>
        <div id="header-tools" className={`header-tools${menuOpen ? ' is-open' : ''}`}>
          {children}
        </div>
      </header>
    </>
  );
}

interface ShellProps {
  session: Session;
  languages: Language[];
  onSwitchProfile: () => void;
  onLearnerChanged: (learner: Learner) => void;
}

function Shell({ session, languages, onSwitchProfile, onLearnerChanged }: ShellProps) {
  const { t } = useTranslation();
  useLessonOpenedOnRouteChange(session.session);
  const route = useRoute();
  useEffect(() => {
    void loadLessonPage().catch(() => undefined);
  }, []);
  // A lesson frame kept between lessons serves one session: it goes when the profile closes.
  useEffect(() => () => dropLessonFrames(), [session.session]);
  const changeLanguage = (language: Language) => {
    void switchLanguage(language);
    // The learner's preference, and the language the profile picker opens in next time.
    void session.api['settings.setLanguage']({ language });
    session.api['learners.update']({ session: session.session, language }).then(onLearnerChanged, () => undefined);
  };
  return (
    <>
      <Header>
        <nav className="app-nav" aria-label={t('nav.label')}>
          <a href={HOME_HREF} aria-current={route.page === 'home' ? 'page' : undefined}>
            {t('nav.home')}
          </a>
          <a href={CATALOG_HREF} aria-current={route.page === 'catalog' || route.page === 'course' ? 'page' : undefined}>
            {t('nav.courses')}
          </a>
          <a href={CERTIFICATES_HREF} aria-current={route.page === 'certificates' ? 'page' : undefined}>
            {t('nav.certificates')}
          </a>
          <a href={CHECK_CERTIFICATE_HREF} aria-current={route.page === 'check-certificate' ? 'page' : undefined}>
            {t('nav.checkCertificate')}
          </a>
          {session.learner.isManager && (
            <a
              href={REPORTS_HREF}
              aria-current={route.page === 'reports' || route.page === 'learner-report' ? 'page' : undefined}
            >
              {t('nav.reports')}
            </a>
          )}
        </nav>
        <span className="learner-name">{t('app.learner', { name: session.learner.displayName })}</span>
        <button type="button" className="button button-small" onClick={onSwitchProfile}>
          {t('profiles.switch')}
        </button>
        <LanguageSwitch languages={languages} onChange={changeLanguage} />
      </Header>
      <main id="main" tabIndex={-1}>
        {route.page === 'lesson' ? (
          <Suspense fallback={<PageLoading />}>
            <LessonPage key={`${route.courseId}/${route.lessonId}`} courseId={route.courseId} lessonId={route.lessonId} />
          </Suspense>
        ) : route.page === 'course' ? (
          <CoursePage key={route.courseId} courseId={route.courseId} />
        ) : route.page === 'catalog' ? (
          <CatalogPage />
        ) : route.page === 'certificates' ? (
          <Suspense fallback={<PageLoading />}>
            <CertificatesPage />
          </Suspense>
        ) : route.page === 'check-certificate' ? (
          <Suspense fallback={<PageLoading />}>
            <CheckCertificatePage api={session.api} />
          </Suspense>
        ) : route.page === 'reports' && session.learner.isManager ? (
          <Suspense fallback={<PageLoading />}>
            <ReportsPage />
          </Suspense>
        ) : route.page === 'learner-report' && session.learner.isManager ? (
          <Suspense fallback={<PageLoading />}>
            <LearnerReportPage key={route.learnerId} learnerId={route.learnerId} />
          </Suspense>
        ) : (
          <>
            <LrsLearnerNotice />
            <HomePage />
          </>
        )}
      </main>
    </>
  );
}

function PickerShell({
  api,
  languages,
  notices,
  onOpened,
}: {
  api: LearnApi;
  languages: Language[];
  notices: StartupNotice[];
  onOpened: (session: string, learner: Learner) => void;
}) {
  const { t } = useTranslation();
  const route = useRoute();
  const changeLanguage = (language: Language) => {
    void switchLanguage(language);
    void api['settings.setLanguage']({ language });
  };
  const checking = route.page === 'check-certificate';
  return (
    <>
      <Header>
        <nav className="app-nav" aria-label={t('nav.label')}>
          <a href={HOME_HREF} aria-current={checking ? undefined : 'page'}>
            {t('nav.profiles')}
          </a>
          <a href={CHECK_CERTIFICATE_HREF} aria-current={checking ? 'page' : undefined}>
            {t('nav.checkCertificate')}
          </a>
        </nav>
        <LanguageSwitch languages={languages} onChange={changeLanguage} />
      </Header>
      <main id="main" tabIndex={-1}>
        {checking ? (
          <Suspense fallback={<PageLoading />}>
            <CheckCertificatePage api={api} />
          </Suspense>
        ) : (
          <>
            <StartupNotices api={api} notices={notices} />
            <LrsLearnerNotice />
            <ProfilePickerPage api={api} languages={languages} onOpened={onOpened} onLanguageChange={changeLanguage} />
          </>
        )}
      </main>
    </>
  );
}

/**
 * The app, inside the boundary that catches what would otherwise blank it (a page that fails to
 * render, a page's code that could not be loaded), and with the cache every page reads the core
 * through, which `bootApp` filled with what the first screen shows.
 */
export function App({ queries, boot }: { queries: CoreQueries; boot: BootState }) {
  return (
    <AppErrorBoundary>
      <CoreQueriesContext.Provider value={queries}>
        <AppPhases api={queries.api} queries={queries} boot={boot} />
      </CoreQueriesContext.Provider>
    </AppErrorBoundary>
  );
}

function AppPhases({ api, queries, boot }: { api: LearnApi; queries: CoreQueries; boot: BootState }) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>(boot.phase);
  const { languages, notices } = boot;
  // The open profile survives the reload (this tab keeps its session), so previewing stays on the page.
  useLiveReload(boot.liveReload);

  const opened = useCallback((session: string, learner: Learner) => {
    rememberSession(session);
    void switchLanguage(learner.language);
    window.location.hash = HOME_HREF;
    setPhase({ kind: 'learning', learner, session });
  }, []);

  const switchProfile = useCallback(() => {
    if (phase.kind === 'learning') void api['learners.close']({ session: phase.session }).catch(() => undefined);
    forgetSession();
    window.location.hash = HOME_HREF;
    setPhase({ kind: 'picking' });
    // The next person starts with nothing of this one's in memory; where records go may have changed.
    queries.cache.clear();
    queries.cache.invalidate('app.info');
  }, [api, phase, queries]);

  const learning = phase.kind === 'learning' ? phase : null;
  const session = useMemo<Session | null>(
    () => (learning ? { api, learner: learning.learner, session: learning.session } : null),
    [api, learning],
  );
  const learnerChanged = useCallback(
    (learner: Learner) => setPhase((current) => (current.kind === 'learning' ? { ...current, learner } : current)),
    [],
  );

  if (phase.kind === 'failed') {
    return (
      <p role="alert" className="boot-error">
        {t('app.startError', { message: errorMessage(phase.error, t) })}
      </p>
    );
  }
  if (!session) return <PickerShell api={api} languages={languages} notices={notices} onOpened={opened} />;
  return (
    <SessionContext.Provider value={session}>
      <Shell session={session} languages={languages} onSwitchProfile={switchProfile} onLearnerChanged={learnerChanged} />
    </SessionContext.Provider>
  );
}
