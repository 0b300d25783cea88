import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ExerciseOutcome, ExerciseSubmission, ProcessCheck } from '../../../../../electron/contract/channels';
import { formatCell } from '../../data/format-cell';
import { errorMessage } from '../../../api/error-message';
import type { SubmitState } from './use-exercise';

/** A process rule in the learner's language (the names are the course's own). */
export function processRuleText(check: ProcessCheck, t: TFunction): string {
  switch (check.kind) {
    case 'task-exists':
      return t('process.rule.taskExists', { name: check.name });
    case 'gateway-after-task':
      return t('process.rule.gatewayAfterTask', { context: check.gateway, task: check.task });
    case 'task-before-task':
      return t('process.rule.taskBeforeTask', { before: check.before, after: check.after });
  }
}

/** One rule of a process exercise, ticked or not. */
/**
 * One rule of a process exercise. After "Check" an unmet rule is crossed out in red; in the live
 * list beside the diagram (`live`) it is still a step to do, so it is an open circle, not an error.
 */
export function CheckLine({ check, live = false }: { check: ProcessCheck; live?: boolean }) {
  const { t } = useTranslation();
  const unmet = live ? { className: 'check-to-do', mark: '○' } : { className: 'check-failed', mark: '✗' };
  return (
    <li className={check.passed ? 'check-passed' : unmet.className}>
      <span aria-hidden="true">{check.passed ? '✓' : unmet.mark}</span>{' '}
      <span className="visually-hidden">{check.passed ? t('process.rule.passed') : t('process.rule.notYet')}</span>{' '}
      {processRuleText(check, t)}
    </li>
  );
}

/** Why the answer is right or wrong, in the learner's language. */
function OutcomeText({ outcome, correct }: { outcome: ExerciseOutcome; correct: boolean }) {
  const { t, i18n } = useTranslation();
  switch (outcome.kind) {
    case 'number':
      return <p>{t('numberExercise.youAnswered', { value: formatCell(outcome.value, i18n.language) })}</p>;
    case 'sql-error':
      return <p>{t('sql.outcome.error', { message: outcome.message })}</p>;
    case 'sql-timeout':
      return <p>{t('sql.outcome.timeout', { seconds: outcome.seconds })}</p>;
    case 'sql-too-many-rows':
      return <p>{t('sql.outcome.tooManyRows', { limit: outcome.limit })}</p>;
    case 'sql-result': {
      if (correct) return <p>{t('sql.outcome.match', { count: outcome.expectedRows })}</p>;
      const lines: string[] = [];
      if (outcome.actualColumns !== outcome.expectedColumns) {
        lines.push(t('sql.outcome.columns', { actual: outcome.actualColumns, expected: outcome.expectedColumns }));
      }
      if (outcome.actualRows !== outcome.expectedRows) {
        lines.push(t('sql.outcome.rows', { actual: outcome.actualRows, expected: outcome.expectedRows }));
      }
      if (outcome.wrongOrder) lines.push(t('sql.outcome.order'));
      if (lines.length === 0) lines.push(t('sql.outcome.values'));
      return (
        <>
          {lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </>
      );
    }
    case 'process-invalid':
      return <p>{t('process.invalid', { message: outcome.message })}</p>;
    case 'process':
      return (
        <ol className="process-checks">
          {outcome.checks.map((check, index) => (
            <CheckLine key={index} check={check} />
          ))}
        </ol>
      );
  }
}

/** The graded submission: verdict, reasons, the course's explanation when given, and "saved". */
export function SubmissionResult({ submission }: { submission: ExerciseSubmission }) {
  const { t } = useTranslation();
  return (
    <div className={`answer-result ${submission.correct ? 'is-correct' : 'is-incorrect'}`} role="status">
      <p className="answer-verdict">
        <strong>{submission.correct ? t('exercise.correct') : t('exercise.incorrect')}</strong>
      </p>
      <OutcomeText outcome={submission.outcome} correct={submission.correct} />
      {!submission.correct && submission.solved && <p>{t('exercise.correctKept')}</p>}
      {!submission.correct && submission.triesLeft > 0 && <p>{t('exercise.tryAgain', { count: submission.triesLeft })}</p>}
      {submission.explanation && (
        <p className="answer-explanation">
          <strong>{t('exercise.explanation')}:</strong> {submission.explanation}
        </p>
      )}
      <p className="answer-saved">{t('exercise.saved')}</p>
    </div>
  );
}

/** "Saving…" and save errors of a submission, announced to screen readers. */
export function SubmitStatus({ state }: { state: SubmitState }) {
  const { t } = useTranslation();
  if (state.state === 'error') return <p role="alert">{t('exercise.saveError', { message: errorMessage(state.error, t) })}</p>;
  return null;
}
