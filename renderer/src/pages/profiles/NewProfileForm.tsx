import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, LearnApi, Learner } from '../../../../electron/contract/channels';
import { NameField } from './NameField';
import { PIN_PATTERN, PinField } from './PinField';
import { useProfileAction } from './use-profile-action';

interface FieldErrors {
  name?: string;
  pin?: string;
  pinAgain?: string;
}

/**
 * Creating a profile, the same in the "New profile" dialog and on the first-run page: the name
 * (as on a certificate), the interface language and an optional PIN typed twice. It checks what
 * it can before calling the core, shows each problem under its field and moves focus to the
 * first one; then creates the profile and opens it.
 */
export function NewProfileForm({
  api,
  languages,
  onOpened,
  actions,
  autoFocusName = false,
  onLanguageChange,
  labelledBy,
}: {
  api: LearnApi;
  languages: Language[];
  onOpened: (session: string, learner: Learner) => void;
  /** The form's buttons; the first must be its submit button. */
  actions: (busy: boolean) => ReactNode;
  autoFocusName?: boolean;
  /**
   * When given, the language field is the interface language itself (it shows the current one
   * and a change switches the interface at once); otherwise it only sets the new profile's.
   */
  onLanguageChange?: (language: Language) => void;
  labelledBy?: string;
}) {
  const { t, i18n } = useTranslation();
  const languageId = useId();
  const pinHelpId = useId();
  const interfaceLanguage = languages.find((candidate) => candidate === i18n.language) ?? languages[0] ?? 'en';
  const [displayName, setDisplayName] = useState('');
  const [ownLanguage, setOwnLanguage] = useState<Language>(interfaceLanguage);
  const language = onLanguageChange ? interfaceLanguage : ownLanguage;
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const nameRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  const pinAgainRef = useRef<HTMLInputElement>(null);
  const { busy, error, run } = useProfileAction();

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    if (displayName.trim() === '') found.name = t('profiles.nameMissing');
    if (pin !== '' && !PIN_PATTERN.test(pin)) found.pin = t('profiles.pinFormat');
    else if (pin !== pinAgain) found.pinAgain = t('profiles.pinMismatch');
    return found;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = check();
    setFieldErrors(found);
    const firstInvalid = found.name ? nameRef : found.pin ? pinRef : found.pinAgain ? pinAgainRef : null;
    if (firstInvalid) {
      firstInvalid.current?.focus();
      return;
    }
    void run(async () => {
      const learner = await api['learners.create']({ displayName, language, ...(pin ? { pin } : {}) });
      const opened = await api['learners.open']({ learnerId: learner.id, ...(pin ? { pin } : {}) });
      onOpened(opened.session, opened.learner);
    });
  };

  // A field's message goes away as soon as the learner changes that field.
  const edit =
    (setter: (value: string) => void, ...fields: (keyof FieldErrors)[]) =>
    (value: string) => {
      setter(value);
      if (fields.some((field) => fieldErrors[field])) {
        setFieldErrors((errors) =>
          Object.fromEntries(Object.entries(errors).filter(([key]) => !fields.includes(key as keyof FieldErrors))),
        );
      }
    };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={labelledBy}>
      <NameField
        value={displayName}
        onChange={edit(setDisplayName, 'name')}
        autoFocus={autoFocusName}
        error={fieldErrors.name}
        inputRef={nameRef}
      />
      <div className="field">
        <label htmlFor={languageId}>{t('profiles.language')}</label>
        <select
          id={languageId}
          value={language}
          onChange={(event) => (onLanguageChange ?? setOwnLanguage)(event.target.value as Language)}
        >
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
      <PinField
        label={t('profiles.newPin')}
        value={pin}
        onChange={edit(setPin, 'pin', 'pinAgain')}
        describedBy={pinHelpId}
        error={fieldErrors.pin}
        inputRef={pinRef}
      />
      <PinField
        label={t('profiles.newPinAgain')}
        value={pinAgain}
        onChange={edit(setPinAgain, 'pinAgain')}
        error={fieldErrors.pinAgain}
        inputRef={pinAgainRef}
      />
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {actions(busy)}
    </form>
  );
}
