import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { PartMark } from './PartMark';
import { partVerdict, type InputProps } from './input-props';

/** The text with a small input in place of each blank, each labelled "Blank n of m" for screen readers. */
export function ClozeInput({ question, draft, onChange, disabled, result, idPrefix }: InputProps<'cloze'>) {
  const { t } = useTranslation();
  const blankNames = question.segments.flatMap((segment) => (segment.kind === 'blank' ? [segment.name] : []));
  return (
    <p className="cloze-text">
      {question.segments.map((segment, index) => {
        if (segment.kind === 'text') return <Fragment key={index}>{segment.text}</Fragment>;
        const blankIndex = blankNames.indexOf(segment.name) + 1;
        return (
          <span key={index} className="cloze-blank">
            <input
              id={`${idPrefix}-${segment.name}`}
              type="text"
              autoComplete="off"
              maxLength={500}
              size={12}
              value={draft.blanks[segment.name] ?? ''}
              disabled={disabled}
              aria-label={t('quiz.blankLabel', { number: blankIndex, total: blankNames.length })}
              onChange={(event) => onChange({ type: 'cloze', blanks: { ...draft.blanks, [segment.name]: event.target.value } })}
            />
            <PartMark correct={partVerdict(result, segment.name)} />
          </span>
        );
      })}
    </p>
  );
}
