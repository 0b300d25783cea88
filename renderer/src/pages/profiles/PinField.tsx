import { useId, type Ref } from 'react';
import { describedBy as joinIds, FieldError } from './FieldError';

/** A PIN input: digits only, hidden as it is typed, never filled in by the browser. */
export function PinField({
  label,
  value,
  onChange,
  describedBy,
  autoFocus = false,
  error,
  inputRef,
  readOnly = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  describedBy?: string;
  autoFocus?: boolean;
  /** A validation message about this field, shown under it. */
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Shown but not editable (the profile it describes exists already). */
  readOnly?: boolean;
}) {
  const id = useId();
  const errorId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        className="pin-input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={6}
        pattern="[0-9]*"
        value={value}
        aria-describedby={joinIds(describedBy, error && errorId)}
        aria-invalid={error ? true : undefined}
        autoFocus={autoFocus}
        readOnly={readOnly}
        onChange={(event) => onChange(event.target.value.replace(/\D/g, ''))}
      />
      <FieldError id={errorId} message={error} />
    </div>
  );
}

export const PIN_PATTERN = /^\d{4,6}$/;
