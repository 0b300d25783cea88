import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer, AnswerResult, PublicQuestion } from '../../../../../electron/contract/channels';
import { solutionText } from './solution-text';

/** A readable name for one part of an answer, to list per-choice feedback beside it. */
function partLabel(question: PublicQuestion, id: string): string {
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice':
      return question.choices.find((choice) => choice.id === id)?.text ?? id;
    default:
      return id;
  }
}

/**
 * The verdict, feedback and explanation for a saved answer. It is focused when it appears after
 * the learner checks an answer, so keyboard and screen-reader users land on it. While tries are
 * left it asks for another; once none are, it shows the right answer the core sent.
 */
export const AnswerFeedback = forwardRef<
  HTMLDivElement,
  { question: PublicQuestion; result: AnswerResult; triesLeft: number | null; solution: Answer | null }
>(function AnswerFeedback({ question, result, triesLeft, solution }, ref) {
  const { t, i18n } = useTranslation();
  const retry = !result.correct && triesLeft !== null && triesLeft > 0;
  const partial = !result.correct && result.score > 0;
  // Choices' own feedback, when there are several; a single choice's feedback is the main one.
  const choiceFeedback = question.type === 'multiple-choice' ? result.parts.filter((part) => part.feedback !== null) : [];
  return (
    <div ref={ref} tabIndex={-1} className={`answer-result ${result.correct ? 'is-correct' : 'is-incorrect'}`} role="status">
      <p className="answer-verdict">
        <strong>{result.correct ? t('quiz.correct') : partial ? t('quiz.partlyCorrect') : t('quiz.incorrect')}</strong>{' '}
        {partial && t('quiz.points', { score: result.score, max: result.maxScore })} {result.feedback}
      </p>
      {choiceFeedback.length > 0 && (
        <ul className="choice-feedback">
          {choiceFeedback.map((part) => (
            <li key={part.id}>
              <strong>{partLabel(question, part.id)}:</strong> {part.feedback}
            </li>
          ))}
        </ul>
      )}
      {retry && <p className="answer-retry">{t('quiz.triesLeft', { count: triesLeft })}</p>}
      {solution && (
        <p className="answer-solution">
          <strong>{t('quiz.rightAnswer')}</strong> {solutionText(question, solution, t, i18n.language)}
        </p>
      )}
      {result.explanation && (
        <p className="answer-explanation">
          <strong>{t('quiz.explanation')}:</strong> {result.explanation}
        </p>
      )}
      <p className="answer-saved">{t('quiz.saved')}</p>
    </div>
  );
});
