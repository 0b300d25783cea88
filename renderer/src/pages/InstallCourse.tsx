import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstalledCourse, StagedPack } from '../../../electron/contract/channels';
import { useSession } from '../api/api-context';
import { uploadPack } from '../api/learn-api-client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { errorMessage, UiProblem } from '../api/error-message';
import { formatPercent } from '../i18n/format';
import { useCoreMutation } from '../api/use-core-query';
import { AFTER_COURSES_CHANGED } from '../api/what-changes';

type InstallState =
  | { step: 'idle' }
  | { step: 'uploading'; percent: number }
  | { step: 'confirm'; staged: StagedPack }
  | { step: 'installing'; staged: StagedPack }
  | { step: 'done'; installed: InstalledCourse }
  | { step: 'failed'; error: unknown };

/**
 * "Install a course from a file": a file picker and drag-and-drop anywhere on the window, a
 * progress bar, who signed the pack, and an explicit question before trusting a new signer.
 */
export function InstallCourse() {
  const { t, i18n } = useTranslation();
  const { api, session } = useSession();
  const inputId = useId();
  const [state, setState] = useState<InstallState>({ step: 'idle' });
  const [dragging, setDragging] = useState(false);
  const busy = state.step === 'uploading' || state.step === 'installing';
  // The catalog and everything showing courses follow an installed course at once.
  const installPack = useCoreMutation('packs.install', AFTER_COURSES_CHANGED);

  const start = async (file: File) => {
    if (busy) return;
    setState({ step: 'uploading', percent: 0 });
    try {
      const staged = await uploadPack(file, session, (sent, total) =>
        setState({ step: 'uploading', percent: Math.round((sent / Math.max(1, total)) * 100) }),
      );
      if (!staged.signer && !staged.unsignedAllowed) {
        await api['packs.discard']({ session, token: staged.token });
        setState({ step: 'failed', error: new UiProblem('install.unsignedRefused') });
        return;
      }
      setState({ step: 'confirm', staged });
    } catch (error) {
      setState({ step: 'failed', error });
    }
  };

  const install = async (staged: StagedPack) => {
    setState({ step: 'installing', staged });
    try {
      const installed = await installPack({
        session,
        token: staged.token,
        trustSigner: Boolean(staged.signer && !staged.trusted),
      });
      setState({ step: 'done', installed });
    } catch (error) {
      setState({ step: 'failed', error });
    }
  };

  const cancel = (staged: StagedPack) => {
    void api['packs.discard']({ session, token: staged.token });
    setState({ step: 'idle' });
  };

  // Dropping a pack anywhere on the window installs it.
  useEffect(() => {
    const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) void start(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  });

  return (
    <section className="install-course" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{t('install.title')}</h2>
      <p>{t('install.intro')}</p>
      <label className="button" htmlFor={inputId} aria-disabled={busy}>
        {t('install.choose')}
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept=".aulapack"
        disabled={busy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void start(file);
        }}
      />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          {t('install.dropHere')}
        </div>
      )}
      <div className="install-status" aria-live="polite">
        {state.step === 'uploading' && (
          <div className="progress">
            <progress max={100} value={state.percent} aria-label={t('install.reading')} />
            <span>{t('install.readingPercent', { percent: formatPercent(state.percent, i18n.language) })}</span>
          </div>
        )}
        {state.step === 'installing' && (
          <div className="progress">
            <progress aria-label={t('install.installing')} />
            <span>{t('install.installing')}</span>
          </div>
        )}
        {state.step === 'done' && (
          <p role="status" className="install-done">
            {t('install.done', { title: state.installed.title, version: state.installed.version })}
            {state.installed.replacedVersion && ` ${t('install.replaced', { version: state.installed.replacedVersion })}`}
          </p>
        )}
        {state.step === 'failed' && (
          <p role="alert" className="install-error">
            {t('install.failed', { message: errorMessage(state.error, t) })}
          </p>
        )}
      </div>
      {state.step === 'confirm' && (
        <ConfirmDialog
          title={t('install.confirmTitle', { title: state.staged.course.title })}
          confirmLabel={state.staged.signer && !state.staged.trusted ? t('install.trustAndInstall') : t('install.install')}
          cancelLabel={t('install.cancel')}
          onConfirm={() => void install(state.staged)}
          onCancel={() => cancel(state.staged)}
        >
          <p>{t('install.version', { version: state.staged.course.version })}</p>
          {state.staged.installedVersion && <p>{t('install.willReplace', { version: state.staged.installedVersion })}</p>}
          {state.staged.signer ? (
            <p>
              {t('install.signedBy', { name: state.staged.signer.name, keyId: state.staged.signer.keyId })}{' '}
              {state.staged.trusted ? (
                t('install.trusted')
              ) : (
                <strong>{t('install.notTrusted', { name: state.staged.signer.name })}</strong>
              )}
            </p>
          ) : (
            <p>
              <strong>{t('install.unsignedWarning')}</strong>
            </p>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
