import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicQuiz } from '../../../../../electron/contract/channels';
import { formatPercent } from '../../../i18n/format';

/** The result of a finished attempt, and whether (and how often) the learner may try again. */
export const AttemptSummary = forwardRef<HTMLDivElement, { quiz: PublicQuiz; onRetake: () => void; retaking: boolean }>(
  function AttemptSummary({ quiz, onRetake, retaking }, ref) {
    const { t, i18n } = useTranslation();
    const { attempt } = quiz;
    if (attempt.finishedAt === null) return null;
    return (
      <div ref={ref} tabIndex={-1} role="status" className={`attempt-summary ${attempt.passed ? 'is-correct' : 'is-incorrect'}`}>
        <p className="attempt-score">
          <strong>
            {t('quiz.score', {
              score: attempt.score ?? 0,
              max: attempt.maxScore ?? 0,
              percent: formatPercent(attempt.percent ?? 0, i18n.language),
            })}
          </strong>{' '}
          {t(attempt.passed ? 'quiz.passed' : 'quiz.notPassed', { passMark: formatPercent(quiz.passMark, i18n.language) })}
        </p>
        {!attempt.passed && quiz.passedEver && <p>{t('quiz.passedBefore')}</p>}
        {quiz.canRetake && (
          <p>
            <button type="button" className="button" onClick={onRetake} disabled={retaking}>
              {t('quiz.retake')}
            </button>{' '}
            {quiz.attemptsLeft !== null && <span>{t('quiz.attemptsLeft', { count: quiz.attemptsLeft })}</span>}
          </p>
        )}
        {!quiz.canRetake && quiz.attemptsLeft === 0 && <p>{t('quiz.noAttemptsLeft')}</p>}
      </div>
    );
  },
);
