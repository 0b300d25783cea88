import { PartMark } from './PartMark';
import { partVerdict, type InputProps } from './input-props';

/** Radio buttons: arrow keys move between choices, as in any radio group. */
export function SingleChoiceInput({ question, draft, onChange, disabled, result, idPrefix }: InputProps<'single-choice'>) {
  return (
    <div className="choices">
      {question.choices.map((choice) => (
        <label key={choice.id} className="choice">
          <input
            type="radio"
            name={`${idPrefix}-choice`}
            value={choice.id}
            checked={draft.choiceId === choice.id}
            disabled={disabled}
            onChange={() => onChange({ type: 'single-choice', choiceId: choice.id })}
          />
          <span>{choice.text}</span>
          <PartMark correct={partVerdict(result, choice.id)} />
        </label>
      ))}
    </div>
  );
}
