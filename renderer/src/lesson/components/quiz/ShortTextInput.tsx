import { useTranslation } from 'react-i18next';
import type { InputProps } from './input-props';

export function ShortTextInput({ draft, onChange, disabled, idPrefix }: InputProps<'short-text'>) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={`${idPrefix}-text`}>{t('quiz.yourAnswer')}</label>
      <input
        id={`${idPrefix}-text`}
        type="text"
        autoComplete="off"
        maxLength={500}
        value={draft.text}
        disabled={disabled}
        onChange={(event) => onChange({ type: 'short-text', text: event.target.value })}
      />
    </div>
  );
}
