import { useTranslation } from 'react-i18next';
import { PartMark } from './PartMark';
import { partVerdict, type InputProps } from './input-props';

/** One labelled select per item on the left: the simplest matching that works with keyboard and screen reader alike. */
export function MatchingInput({ question, draft, onChange, disabled, result, idPrefix }: InputProps<'matching'>) {
  const { t } = useTranslation();
  return (
    <div className="matching-rows">
      {question.lefts.map((left) => (
        <div key={left.id} className="matching-row">
          <label htmlFor={`${idPrefix}-${left.id}`} className="matching-left">
            {left.text}
          </label>
          <select
            id={`${idPrefix}-${left.id}`}
            value={draft.matches[left.id] ?? ''}
            disabled={disabled}
            onChange={(event) => onChange({ type: 'matching', matches: { ...draft.matches, [left.id]: event.target.value } })}
          >
            <option value="">{t('quiz.choosePlaceholder')}</option>
            {question.options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.text}
              </option>
            ))}
          </select>
          <PartMark correct={partVerdict(result, left.id)} />
        </div>
      ))}
    </div>
  );
}
