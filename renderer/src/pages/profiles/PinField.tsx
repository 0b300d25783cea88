import { useId } from 'react';

/** A PIN input: digits only, hidden as it is typed, never filled in by the browser. */
export function PinField({
  label,
  value,
  onChange,
  describedBy,
  autoFocus = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  describedBy?: string;
  autoFocus?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="pin-input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={6}
        pattern="[0-9]*"
        value={value}
        aria-describedby={describedBy}
        autoFocus={autoFocus}
        onChange={(event) => onChange(event.target.value.replace(/\D/g, ''))}
      />
    </div>
  );
}

export const PIN_PATTERN = /^\d{4,6}$/;
