import { useTranslation } from 'react-i18next';
import type { InputProps } from './input-props';

/** A text field, not type="number": that would refuse the decimal comma European learners type. */
export function NumericInput({ question, draft, onChange, disabled, idPrefix }: InputProps<'numeric'>) {
  const { t } = useTranslation();
  return (
    <div className="field field-inline">
      <label htmlFor={`${idPrefix}-number`}>{t('quiz.yourNumber')}</label>
      <span className="input-with-unit">
        <input
          id={`${idPrefix}-number`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          maxLength={40}
          value={draft.value}
          disabled={disabled}
          aria-describedby={`${idPrefix}-number-help`}
          onChange={(event) => onChange({ type: 'numeric', value: event.target.value })}
        />
        {question.unit && <span className="unit">{question.unit}</span>}
      </span>
      <p id={`${idPrefix}-number-help`} className="field-help">
        {question.unit ? t('quiz.numberHelpUnit', { unit: question.unit }) : t('quiz.numberHelp')}
      </p>
    </div>
  );
}
