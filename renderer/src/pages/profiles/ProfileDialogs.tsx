import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UiProblem } from '../../api/error-message';
import type { Language, LearnApi, Learner } from '../../../../electron/contract/channels';
import { ModalDialog } from './ModalDialog';
import { NameField } from './NameField';
import { NewProfileForm } from './NewProfileForm';
import { PIN_PATTERN, PinField } from './PinField';
import { useProfileAction } from './use-profile-action';

function DialogError({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="form-error">
      {error}
    </p>
  ) : null;
}

/** Opens a profile's session, with the PIN when it has one, for an action on the profile itself. */
async function openFor(api: LearnApi, learner: Learner, pin: string): Promise<string> {
  const { session } = await api['learners.open']({ learnerId: learner.id, ...(learner.hasPin ? { pin } : {}) });
  return session;
}

export function PinDialog({
  api,
  learner,
  onOpened,
  onClose,
}: {
  api: LearnApi;
  learner: Learner;
  onOpened: (session: string, learner: Learner) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const { busy, error, setError, run } = useProfileAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!PIN_PATTERN.test(pin)) {
      setError(new UiProblem('profiles.pinFormat'));
      return;
    }
    void run(async () => {
      const opened = await api['learners.open']({ learnerId: learner.id, pin });
      onOpened(opened.session, opened.learner);
    });
  };
  return (
    <ModalDialog title={t('profiles.pinTitle', { name: learner.displayName })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <PinField label={t('profiles.pin')} value={pin} onChange={setPin} autoFocus />
        <DialogError error={error} />
        <DialogActions submitLabel={t('profiles.openProfile')} busy={busy} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}

export function CreateProfileDialog({
  api,
  languages,
  onOpened,
  onClose,
}: {
  api: LearnApi;
  languages: Language[];
  onOpened: (session: string, learner: Learner) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog title={t('profiles.createTitle')} onClose={onClose}>
      <NewProfileForm
        api={api}
        languages={languages}
        onOpened={onOpened}
        autoFocusName
        actions={(busy) => <DialogActions submitLabel={t('profiles.create')} busy={busy} onCancel={onClose} />}
      />
    </ModalDialog>
  );
}

/** What the dialogs about one existing profile get: the profile, and what to do when done or cancelled. */
interface ProfileDialogProps {
  api: LearnApi;
  learner: Learner;
  onDone: () => void;
  onClose: () => void;
}

export function RenameProfileDialog({ api, learner, onDone, onClose }: ProfileDialogProps) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState(learner.displayName);
  const [pin, setPin] = useState('');
  const { busy, error, setError, run } = useProfileAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (displayName.trim() === '') return setError(new UiProblem('profiles.nameMissing'));
    if (learner.hasPin && !PIN_PATTERN.test(pin)) return setError(new UiProblem('profiles.pinFormat'));
    void run(async () => {
      const session = await openFor(api, learner, pin);
      try {
        await api['learners.update']({ session, displayName });
      } finally {
        await api['learners.close']({ session });
      }
      onDone();
    });
  };
  return (
    <ModalDialog title={t('profiles.renameTitle', { name: learner.displayName })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <NameField value={displayName} onChange={setDisplayName} autoFocus />
        {learner.hasPin && <PinField label={t('profiles.pin')} value={pin} onChange={setPin} />}
        <DialogError error={error} />
        <DialogActions submitLabel={t('profiles.saveName')} busy={busy} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}

export function DeleteProfileDialog({ api, learner, onDone, onClose }: ProfileDialogProps) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const { busy, error, setError, run } = useProfileAction();
  const warningId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (learner.hasPin && !PIN_PATTERN.test(pin)) return setError(new UiProblem('profiles.pinFormat'));
    void run(async () => {
      const session = await openFor(api, learner, pin);
      await api['learners.delete']({ session });
      onDone();
    });
  };
  return (
    <ModalDialog title={t('profiles.deleteTitle', { name: learner.displayName })} onClose={onClose}>
      <form onSubmit={submit} noValidate aria-describedby={warningId}>
        <p id={warningId} className="dialog-warning">
          {t('profiles.deleteWarning', { name: learner.displayName })}
        </p>
        {learner.hasPin && <PinField label={t('profiles.pin')} value={pin} onChange={setPin} autoFocus />}
        <DialogError error={error} />
        <DialogActions
          submitLabel={t('profiles.deleteConfirm')}
          busy={busy}
          onCancel={onClose}
          destructive
          focusCancel={!learner.hasPin}
        />
      </form>
    </ModalDialog>
  );
}

/** The submit and Cancel buttons every profile dialog ends with. */
function DialogActions({
  submitLabel,
  busy,
  onCancel,
  destructive = false,
  focusCancel = false,
}: {
  submitLabel: string;
  busy: boolean;
  onCancel: () => void;
  destructive?: boolean;
  focusCancel?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="dialog-actions">
      <button type="submit" className={`button ${destructive ? 'button-danger' : 'button-primary'}`} disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className="button" onClick={onCancel} autoFocus={focusCancel}>
        {t('profiles.cancel')}
      </button>
    </div>
  );
}
