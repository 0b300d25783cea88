import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../../api/learn-api-client';
import type { Language, LearnApi, Learner } from '../../../../electron/contract/channels';
import { LanguageOptions, useShownLanguage } from '../../i18n/LanguageOptions';
import { NameField } from './NameField';
import { PIN_PATTERN, PinField } from './PinField';
import { useProfileAction } from './use-profile-action';

/** Each field's problem as its i18n key, worded while rendering so it follows a language switch. */
interface FieldErrors {
  name?: 'profiles.nameMissing';
  pin?: 'profiles.pinFormat';
  pinAgain?: 'profiles.pinMismatch';
}

/** A profile this form has created but not opened yet, with the PIN it was created with. */
interface CreatedProfile {
  learner: Learner;
  pin: string;
}

function isProfileGone(error: unknown): boolean {
  return error instanceof ApiCallError && error.error.reason === 'profile.not-found';
}

/**
 * Creating a profile, the same in the "New profile" dialog and on the first-run page: the name
 * (as on a certificate), the interface language and an optional PIN typed twice. It checks what
 * it can before calling the core, shows each problem under its field and moves focus to the
 * first one; then creates the profile and opens it.
 *
 * Creating and opening are two calls: when the first succeeds and the second fails (the core was
 * restarted in between, say), the form remembers the profile it made, and pressing the button
 * again opens that one instead of creating a second profile with the same name.
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
  const [shownLanguage, showLanguage] = useShownLanguage(i18n.language);
  const interfaceLanguage = languages.find((candidate) => candidate === shownLanguage) ?? languages[0] ?? 'en';
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
  const [created, setCreated] = useState<CreatedProfile | null>(null);

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    if (displayName.trim() === '') found.name = 'profiles.nameMissing';
    if (pin !== '' && !PIN_PATTERN.test(pin)) found.pin = 'profiles.pinFormat';
    else if (pin !== pinAgain) found.pinAgain = 'profiles.pinMismatch';
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
      let profile = created;
      if (profile === null) {
        profile = { learner: await api['learners.create']({ displayName, language, ...(pin ? { pin } : {}) }), pin };
        setCreated(profile);
      }
      let opened;
      try {
        opened = await api['learners.open']({ learnerId: profile.learner.id, ...(profile.pin ? { pin: profile.pin } : {}) });
      } catch (reason) {
        // Deleted meanwhile (from another window): the next press creates it afresh.
        if (isProfileGone(reason)) setCreated(null);
        throw reason;
      }
      let learner = opened.learner;
      // The interface language may have been switched since the profile was made; the profile
      // follows it, as it does when switched later (best effort: the profile opens either way).
      if (learner.language !== language) {
        learner = await api['learners.update']({ session: opened.session, language }).catch(() => learner);
      }
      onOpened(opened.session, learner);
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
        error={fieldErrors.name && t(fieldErrors.name)}
        inputRef={nameRef}
        readOnly={created !== null}
      />
      <div className="field">
        <label htmlFor={languageId}>{t('profiles.language')}</label>
        <select
          id={languageId}
          value={language}
          onChange={(event) => {
            const chosen = event.target.value as Language;
            if (!onLanguageChange) return setOwnLanguage(chosen);
            showLanguage(chosen);
            onLanguageChange(chosen);
          }}
        >
          <LanguageOptions languages={languages} />
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
        error={fieldErrors.pin && t(fieldErrors.pin)}
        inputRef={pinRef}
        readOnly={created !== null}
      />
      <PinField
        label={t('profiles.newPinAgain')}
        value={pinAgain}
        onChange={edit(setPinAgain, 'pinAgain')}
        error={fieldErrors.pinAgain && t(fieldErrors.pinAgain)}
        inputRef={pinAgainRef}
        readOnly={created !== null}
      />
      {error && (
        <p role="alert" className="form-error">
          {created ? t('profiles.createdNotOpened', { name: created.learner.displayName, message: error }) : error}
        </p>
      )}
      {actions(busy)}
    </form>
  );
}
