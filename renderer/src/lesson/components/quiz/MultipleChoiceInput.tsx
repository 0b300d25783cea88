import { PartMark } from './PartMark';
import { partVerdict, type InputProps } from './input-props';

/** Checkboxes: Tab moves between them, Space ticks one. */
export function MultipleChoiceInput({ question, draft, onChange, disabled, result }: InputProps<'multiple-choice'>) {
  const toggle = (choiceId: string, checked: boolean) => {
    const others = draft.choiceIds.filter((id) => id !== choiceId);
    onChange({ type: 'multiple-choice', choiceIds: checked ? [...others, choiceId] : others });
  };
  return (
    <div className="choices">
      {question.choices.map((choice) => (
        <label key={choice.id} className="choice">
          <input
            type="checkbox"
            value={choice.id}
            checked={draft.choiceIds.includes(choice.id)}
            disabled={disabled}
            onChange={(event) => toggle(choice.id, event.target.checked)}
          />
          <span>{choice.text}</span>
          <PartMark correct={partVerdict(result, choice.id)} />
        </label>
      ))}
    </div>
  );
}
