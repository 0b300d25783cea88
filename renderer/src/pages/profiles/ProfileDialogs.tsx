import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, LearnApi, Learner } from '../../../../electron/contract/channels';
import { errorMessage } from '../../api/error-message';
import { ModalDialog } from './ModalDialog';
import { PIN_PATTERN, PinField } from './PinField';

type Busy = 'idle' | 'working';

/** Runs a profile action, showing its error (translated where Aula knows it) instead of throwing. */
function useAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Busy>('idle');
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy('working');
    setError(null);
    try {
      await action();
    } catch (reason) {
      setError(errorMessage(reason, t));
    } finally {
      setBusy('idle');
    }
  };
  return { busy: busy === 'working', error, setError, run };
}

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
  const { busy, error, setError, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!PIN_PATTERN.test(pin)) {
      setError(t('profiles.pinFormat'));
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

function NameField({
  value,
  onChange,
  autoFocus = false,
}: {
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const helpId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('profiles.name')}</label>
      <input
        id={id}
        type="text"
        value={value}
        maxLength={80}
        autoComplete="name"
        aria-describedby={helpId}
        autoFocus={autoFocus}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={helpId} className="field-help">
        {t('profiles.nameHelp')}
      </p>
    </div>
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
  const { t, i18n } = useTranslation();
  const languageId = useId();
  const pinHelpId = useId();
  const [displayName, setDisplayName] = useState('');
  const [language, setLanguage] = useState<Language>(languages.find((candidate) => candidate === i18n.language) ?? 'en');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const { busy, error, setError, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (displayName.trim() === '') return setError(t('profiles.nameMissing'));
    if (pin !== '' && !PIN_PATTERN.test(pin)) return setError(t('profiles.pinFormat'));
    if (pin !== pinAgain) return setError(t('profiles.pinMismatch'));
    void run(async () => {
      const learner = await api['learners.create']({ displayName, language, ...(pin ? { pin } : {}) });
      const opened = await api['learners.open']({ learnerId: learner.id, ...(pin ? { pin } : {}) });
      onOpened(opened.session, opened.learner);
    });
  };
  return (
    <ModalDialog title={t('profiles.createTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <NameField value={displayName} onChange={setDisplayName} autoFocus />
        <div className="field">
          <label htmlFor={languageId}>{t('profiles.language')}</label>
          <select id={languageId} value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
            {languages.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`language.${candidate}`)}
              </option>
            ))}
          </select>
        </div>
        <p id={pinHelpId} className="field-help">
          {t('profiles.pinHelp')}
        </p>
        <PinField label={t('profiles.newPin')} value={pin} onChange={setPin} describedBy={pinHelpId} />
        <PinField label={t('profiles.newPinAgain')} value={pinAgain} onChange={setPinAgain} />
        <DialogError error={error} />
        <DialogActions submitLabel={t('profiles.create')} busy={busy} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}

export function RenameProfileDialog({
  api,
  learner,
  onDone,
  onClose,
}: {
  api: LearnApi;
  learner: Learner;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState(learner.displayName);
  const [pin, setPin] = useState('');
  const { busy, error, setError, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (displayName.trim() === '') return setError(t('profiles.nameMissing'));
    if (learner.hasPin && !PIN_PATTERN.test(pin)) return setError(t('profiles.pinFormat'));
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

export function DeleteProfileDialog({
  api,
  learner,
  onDone,
  onClose,
}: {
  api: LearnApi;
  learner: Learner;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const { busy, error, setError, run } = useAction();
  const warningId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (learner.hasPin && !PIN_PATTERN.test(pin)) return setError(t('profiles.pinFormat'));
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
