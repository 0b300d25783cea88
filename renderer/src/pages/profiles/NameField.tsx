import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy, FieldError } from './FieldError';

/** A profile's name, with the reminder that it is the name printed on certificates. */
export function NameField({
  value,
  onChange,
  autoFocus = false,
  error,
  inputRef,
  readOnly = false,
}: {
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
  /** A validation message about the name, shown under it. */
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Shown but not editable (the profile it describes exists already). */
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const helpId = useId();
  const errorId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('profiles.name')}</label>
      <input
        ref={inputRef}
        id={id}
        type="text"
        value={value}
        maxLength={80}
        autoComplete="name"
        aria-describedby={describedBy(helpId, error && errorId)}
        aria-invalid={error ? true : undefined}
        autoFocus={autoFocus}
        readOnly={readOnly}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={helpId} className="field-help">
        {t('profiles.nameHelp')}
      </p>
      <FieldError id={errorId} message={error} />
    </div>
  );
}
