import { Component, useEffect, useRef, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What the person sees instead of a blank window: what happened, that their work is saved, and Reload. */
function AppFailure({ detail }: { detail: string }) {
  const { t } = useTranslation();
  const reload = useRef<HTMLButtonElement>(null);
  // Keyboard and screen reader users land on the way out, not at the top of an empty page.
  useEffect(() => reload.current?.focus(), []);
  return (
    <div role="alert" className="boot-error page">
      <h1>{t('app.failedTitle')}</h1>
      <p>{t('app.failedBody')}</p>
      <p>
        <button ref={reload} type="button" className="button button-primary" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </button>
      </p>
      <p className="hint-text">{t('app.failedDetail', { detail })}</p>
    </div>
  );
}

/**
 * Catches what would otherwise unmount the whole app and leave a blank window: a page that throws
 * while rendering, or a page's code that could not be loaded (a lazy chunk missing after an
 * update, a file the disk could not read). Lessons have their own boundary, inside their frame.
 */
export class AppErrorBoundary extends Component<{ children: ReactNode }, { detail: string | null }> {
  override state = { detail: null as string | null };

  static getDerivedStateFromError(error: unknown): { detail: string } {
    return { detail: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept for whoever helps: the browser's console, or the desktop shell's log.
    console.error('Aula could not show this page', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.detail === null ? this.props.children : <AppFailure detail={this.state.detail} />;
  }
}
