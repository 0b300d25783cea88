import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Learner } from '../../../../electron/contract/channels';
import { errorMessage } from '../../api/error-message';
import { useCoreQuery, useCoreQueryUpdates } from '../../api/use-core-query';
import { AFTER_LEARNERS_CHANGED } from '../../api/what-changes';
import { FirstRunWelcome } from './FirstRunWelcome';
import type { ProfileEntryProps } from './profile-entry-props';
import { CreateProfileDialog, DeleteProfileDialog, PinDialog, RenameProfileDialog } from './ProfileDialogs';
import { setPageTitle } from '../../branding';
import { BOOT_LIST_FRESH_MS } from '../../app-boot';

type OpenDialog =
  | { kind: 'none' }
  | { kind: 'create' }
  | { kind: 'pin'; learner: Learner }
  | { kind: 'rename'; learner: Learner }
  | { kind: 'delete'; learner: Learner };

function ProfileCard({
  learner,
  onOpen,
  onRename,
  onDelete,
}: {
  learner: Learner;
  onOpen: () => void;
  onRename: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const pinNoteId = `pin-note-${learner.id}`;
  return (
    <li className="profile-card">
      <button type="button" className="profile-open" onClick={onOpen} aria-describedby={learner.hasPin ? pinNoteId : undefined}>
        <span className="profile-initial" aria-hidden="true">
          {learner.displayName.slice(0, 1).toUpperCase()}
        </span>
        <span className="profile-name">{learner.displayName}</span>
      </button>
      {learner.hasPin && (
        <p id={pinNoteId} className="profile-pin-note">
          {t('profiles.hasPin')}
        </p>
      )}
      <div className="profile-actions">
        <button
          type="button"
          className="button button-small"
          onClick={onRename}
          aria-label={t('profiles.renameNamed', { name: learner.displayName })}
        >
          {t('profiles.rename')}
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={onDelete}
          aria-label={t('profiles.deleteNamed', { name: learner.displayName })}
        >
          {t('profiles.delete')}
        </button>
      </div>
    </li>
  );
}

/**
 * The first page on a shared PC: who is learning? Create, open (with PIN), rename or delete a
 * profile. With no profile at all, the first-run welcome asks the first person for their name.
 */
export function ProfilePickerPage({ api, languages, onOpened, onLanguageChange }: ProfileEntryProps) {
  const { t } = useTranslation();
  // The list read at start is shown as it is, so the first screen is drawn once (see bootApp).
  const learners = useCoreQuery('learners.list', {}, { staleMs: BOOT_LIST_FRESH_MS });
  const queries = useCoreQueryUpdates();
  const [dialog, setDialog] = useState<OpenDialog>({ kind: 'none' });
  const [openError, setOpenError] = useState<unknown>(null);
  const close = () => setDialog({ kind: 'none' });
  const changed = () => {
    close();
    queries.invalidate(...AFTER_LEARNERS_CHANGED);
  };

  const firstRun = learners.state === 'ready' && learners.value.length === 0;
  useEffect(() => {
    if (!firstRun) setPageTitle(t('profiles.title'));
  }, [t, firstRun]);

  const open = (learner: Learner) => {
    setOpenError(null);
    if (learner.hasPin) {
      setDialog({ kind: 'pin', learner });
      return;
    }
    api['learners.open']({ learnerId: learner.id }).then(
      (opened) => onOpened(opened.session, opened.learner),
      (reason: unknown) => setOpenError(reason),
    );
  };

  if (firstRun) {
    return <FirstRunWelcome api={api} languages={languages} onOpened={onOpened} onLanguageChange={onLanguageChange} />;
  }
  // Until the list is in, neither page's heading: a new installation should not flash "Who is learning?".
  if (learners.state === 'loading') return <p aria-busy="true">…</p>;

  return (
    <section className="page profile-page" aria-labelledby="profiles-title">
      <h1 id="profiles-title">{t('profiles.title')}</h1>
      <p className="lead">{t('profiles.intro')}</p>
      {learners.state === 'failed' && <p role="alert">{learners.message}</p>}
      {learners.state === 'ready' && learners.value.length > 0 && (
        <ul className="profile-list" aria-label={t('profiles.listLabel')}>
          {learners.value.map((learner) => (
            <ProfileCard
              key={learner.id}
              learner={learner}
              onOpen={() => open(learner)}
              onRename={() => setDialog({ kind: 'rename', learner })}
              onDelete={() => setDialog({ kind: 'delete', learner })}
            />
          ))}
        </ul>
      )}
      {openError !== null && <p role="alert">{errorMessage(openError, t)}</p>}
      <p>
        <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'create' })}>
          {t('profiles.new')}
        </button>
      </p>
      {dialog.kind === 'create' && <CreateProfileDialog api={api} languages={languages} onOpened={onOpened} onClose={close} />}
      {dialog.kind === 'pin' && <PinDialog api={api} learner={dialog.learner} onOpened={onOpened} onClose={close} />}
      {dialog.kind === 'rename' && <RenameProfileDialog api={api} learner={dialog.learner} onDone={changed} onClose={close} />}
      {dialog.kind === 'delete' && <DeleteProfileDialog api={api} learner={dialog.learner} onDone={changed} onClose={close} />}
    </section>
  );
}
