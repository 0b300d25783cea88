import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptState, FeedbackMode, PublicQuestion, SavedAnswer } from '../../../../../electron/contract/channels';
import { useSession } from '../../../api/api-context';
import { errorMessage, UiProblem } from '../../../api/error-message';
import { ApiCallError } from '../../../api/learn-api-client';
import { ambiguousNumber } from '../../../i18n/typed-number';
import { useLessonScope } from '../../lesson-context';
import { AnswerFeedback } from './AnswerFeedback';
import {
  answerFromDraft,
  draftFromAnswer,
  emptyDraft,
  sameAnswer,
  type Draft,
  type DraftOf,
  type MissingPart,
} from './answer-drafts';
import { ClozeInput } from './ClozeInput';
import { MatchingInput } from './MatchingInput';
import { MultipleChoiceInput } from './MultipleChoiceInput';
import { NumericInput } from './NumericInput';
import { OrderingInput } from './OrderingInput';
import { ShortTextInput } from './ShortTextInput';
import { SingleChoiceInput } from './SingleChoiceInput';
import { TrueFalseInput } from './TrueFalseInput';
import { promptSaysChooseAll } from '../../../../../electron/rules/choose-all-note';

export interface QuizQuestionProps {
  quizId: string;
  question: PublicQuestion;
  number: number;
  total: number;
  feedback: FeedbackMode;
  saved: SavedAnswer | undefined;
  /** The attempt is finished: nothing more can be answered in it. */
  attemptFinished: boolean;
  onSaved: (saved: SavedAnswer, attempt: AttemptState) => void;
}

// Problems are kept as keys and errors, and worded while rendering: they follow a language switch.
type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'missing'; key: MissingPart } | { kind: 'failed'; error: unknown };

/** The input for the question's type; the casts hold because a draft is always made for its own question. */
function TypeInput({
  question,
  draft,
  onChange,
  disabled,
  result,
  idPrefix,
}: {
  question: PublicQuestion;
  draft: Draft;
  onChange: (draft: Draft) => void;
  disabled: boolean;
  result: SavedAnswer['result'];
  idPrefix: string;
}) {
  const common = { onChange, disabled, result, idPrefix };
  switch (question.type) {
    case 'single-choice':
      return <SingleChoiceInput {...common} question={question} draft={draft as DraftOf<'single-choice'>} />;
    case 'multiple-choice':
      return <MultipleChoiceInput {...common} question={question} draft={draft as DraftOf<'multiple-choice'>} />;
    case 'true-false':
      return <TrueFalseInput {...common} question={question} draft={draft as DraftOf<'true-false'>} />;
    case 'numeric':
      return <NumericInput {...common} question={question} draft={draft as DraftOf<'numeric'>} />;
    case 'short-text':
      return <ShortTextInput {...common} question={question} draft={draft as DraftOf<'short-text'>} />;
    case 'ordering':
      return <OrderingInput {...common} question={question} draft={draft as DraftOf<'ordering'>} />;
    case 'matching':
      return <MatchingInput {...common} question={question} draft={draft as DraftOf<'matching'>} />;
    case 'cloze':
      return <ClozeInput {...common} question={question} draft={draft as DraftOf<'cloze'>} />;
  }
}

/**
 * One question: its prompt as the group label, the input for its type, a hint, and the answer
 * shown as saved only once the core has committed it and replied.
 */
export function QuizQuestion({ quizId, question, number, total, feedback, saved, attemptFinished, onSaved }: QuizQuestionProps) {
  const { t, i18n } = useTranslation();
  const { api, session } = useSession();
  const { courseId } = useLessonScope();
  const idPrefix = useId().replace(/:/g, '');
  const [draft, setDraft] = useState<Draft>(() => (saved ? draftFromAnswer(saved.answer) : emptyDraft(question)));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const feedbackRef = useRef<HTMLDivElement>(null);
  // Set when this question's own submission was saved: its verdict then takes the focus.
  const focusFeedbackNext = useRef(false);

  useEffect(() => {
    if (focusFeedbackNext.current && saved?.result) feedbackRef.current?.focus();
    focusFeedbackNext.current = false;
  }, [saved]);

  // With per-question feedback a wrong answer leaves the question open while the core says tries are left.
  const final = attemptFinished || (feedback === 'per-question' && saved !== undefined && (saved.triesLeft ?? 0) === 0);
  const retrying = !final && feedback === 'per-question' && saved?.result?.correct === false;
  const answer = answerFromDraft(question, draft);
  const unsavedChange = saved !== undefined && !final && ('missing' in answer || !sameAnswer(answer, saved.answer));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ('missing' in answer) {
      setStatus({ kind: 'missing', key: answer.missing });
      return;
    }
    // "1.234" could be 1234 or 1,234 to a reader whose decimal separator is a comma: ask, don't guess.
    const readings = answer.type === 'numeric' ? ambiguousNumber(answer.value, i18n.language) : null;
    if (readings && answer.type === 'numeric') {
      setStatus({ kind: 'failed', error: new UiProblem('quiz.numberAmbiguous', { value: answer.value.trim(), ...readings }) });
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      // Shown as saved only once the core has committed it to disk and replied.
      const outcome = await api['quiz.submitAnswer']({ session, courseId, quizId, questionId: question.id, answer });
      focusFeedbackNext.current = true;
      onSaved(outcome.saved, outcome.attempt);
      setStatus({ kind: 'idle' });
    } catch (reason) {
      const unreadableNumber =
        reason instanceof ApiCallError && reason.error.code === 'invalid-arguments' && question.type === 'numeric';
      setStatus({ kind: 'failed', error: unreadableNumber ? new UiProblem('quiz.numberUnreadable') : reason });
    }
  };

  const promptId = `${idPrefix}-prompt`;
  return (
    <form className="question" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={promptId}>
      <fieldset disabled={final || status.kind === 'saving'}>
        <legend className="question-prompt" id={promptId}>
          <span className="question-number">{t('quiz.questionNumber', { number, total })}</span> {question.prompt}
          {question.type === 'multiple-choice' && !promptSaysChooseAll(question.prompt) && (
            <span className="question-note"> {t('quiz.chooseAllThatApply')}</span>
          )}
          {question.type === 'ordering' && <span className="question-note"> {t('quiz.orderingNote')}</span>}
        </legend>
        <TypeInput
          question={question}
          draft={draft}
          onChange={(next) => {
            setDraft(next);
            if (status.kind === 'missing' || status.kind === 'failed') setStatus({ kind: 'idle' });
          }}
          disabled={final}
          result={saved?.result ?? null}
          idPrefix={idPrefix}
        />
      </fieldset>
      {!final && (
        <div className="question-actions">
          <button type="submit" className="button button-primary" disabled={status.kind === 'saving'}>
            {status.kind === 'saving' ? t('quiz.saving') : feedback === 'per-question' ? t('quiz.check') : t('quiz.save')}
          </button>
        </div>
      )}
      {/* After the answer button, so that Tab from the options reaches "Check" first. After a
          wrong try the hint opens by itself: it is what the second try is for. */}
      {question.hint && !final && (
        <details className="hint" key={retrying ? 'retry' : 'first'} open={retrying}>
          <summary>{t('quiz.hint')}</summary>
          <p>{question.hint}</p>
        </details>
      )}
      {status.kind === 'missing' && <p role="alert">{t(status.key)}</p>}
      {status.kind === 'failed' && <p role="alert">{t('quiz.saveError', { message: errorMessage(status.error, t) })}</p>}
      {saved?.result && (
        <AnswerFeedback
          ref={feedbackRef}
          question={question}
          result={saved.result}
          triesLeft={saved.triesLeft}
          solution={saved.solution}
        />
      )}
      {saved && !saved.result && (
        <p className="answer-saved" role="status">
          {unsavedChange ? t('quiz.changedNotSaved') : t('quiz.savedUntilEnd')}
        </p>
      )}
    </form>
  );
}
