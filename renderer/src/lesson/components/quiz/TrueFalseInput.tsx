import { useTranslation } from 'react-i18next';
import type { InputProps } from './input-props';

export function TrueFalseInput({ draft, onChange, disabled, idPrefix }: InputProps<'true-false'>) {
  const { t } = useTranslation();
  return (
    <div className="choices choices-inline">
      {[true, false].map((value) => (
        <label key={String(value)} className="choice">
          <input
            type="radio"
            name={`${idPrefix}-value`}
            value={String(value)}
            checked={draft.value === value}
            disabled={disabled}
            onChange={() => onChange({ type: 'true-false', value })}
          />
          <span>{value ? t('quiz.true') : t('quiz.false')}</span>
        </label>
      ))}
    </div>
  );
}
