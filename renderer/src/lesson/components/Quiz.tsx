import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GradedAnswer, PublicQuestion } from '../../../../electron/contract/channels';
import { useSession } from '../../api/api-context';
import { useApiCall } from '../../pages/use-api-call';
import { useLessonScope } from '../lesson-context';

interface QuestionProps {
  quizId: string;
  question: PublicQuestion;
  saved: GradedAnswer | undefined;
}

/** Feedback for a graded answer; announced to screen readers when it appears. */
function AnswerResult({ graded }: { graded: GradedAnswer }) {
  const { t } = useTranslation();
  return (
    <div className={`answer-result ${graded.correct ? 'is-correct' : 'is-incorrect'}`} role="status">
      <p className="answer-verdict">
        <strong>{graded.correct ? t('quiz.correct') : t('quiz.incorrect')}</strong> {graded.feedback}
      </p>
      {graded.explanation && (
        <p className="answer-explanation">
          <strong>{t('quiz.explanation')}:</strong> {graded.explanation}
        </p>
      )}
      <p className="answer-saved">{t('quiz.saved')}</p>
    </div>
  );
}

function SingleChoiceQuestion({ quizId, question, saved }: QuestionProps) {
  const { t } = useTranslation();
  const { api, session } = useSession();
  const { courseId } = useLessonScope();
  const name = useId();
  const [choiceId, setChoiceId] = useState<string | null>(saved?.answer.choiceId ?? null);
  const [graded, setGraded] = useState<GradedAnswer | undefined>(saved);
  const [state, setState] = useState<'idle' | 'saving' | 'error' | 'unchosen'>('idle');
  const [error, setError] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!choiceId) {
      setState('unchosen');
      return;
    }
    setState('saving');
    try {
      // Shown as saved only once the core has committed it to disk and replied.
      const result = await api['quiz.submitAnswer']({
        session,
        courseId,
        quizId,
        questionId: question.id,
        answer: { type: 'single-choice', choiceId },
      });
      setGraded(result);
      setState('idle');
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
      setState('error');
    }
  };

  const answeredWithCurrentChoice = graded?.answer.choiceId === choiceId;
  return (
    <form className="question" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset>
        <legend className="question-prompt">{question.prompt}</legend>
        <div className="choices">
          {question.choices.map((choice) => (
            <label key={choice.id} className="choice">
              <input
                type="radio"
                name={name}
                value={choice.id}
                checked={choiceId === choice.id}
                onChange={() => {
                  setChoiceId(choice.id);
                  setState('idle');
                }}
              />
              <span>{choice.text}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {question.hint && (
        <details className="hint">
          <summary>{t('quiz.hint')}</summary>
          <p>{question.hint}</p>
        </details>
      )}
      <div className="question-actions">
        <button type="submit" className="button button-primary" disabled={state === 'saving'}>
          {state === 'saving' ? t('quiz.saving') : graded && !answeredWithCurrentChoice ? t('quiz.tryAgain') : t('quiz.check')}
        </button>
      </div>
      {state === 'unchosen' && <p role="alert">{t('quiz.chooseOne')}</p>}
      {state === 'error' && <p role="alert">{t('quiz.saveError', { message: error })}</p>}
      {graded && answeredWithCurrentChoice && <AnswerResult graded={graded} />}
    </form>
  );
}

/** `<Quiz id="..." />` in a lesson: questions come from the core, without their answer keys. */
export function Quiz({ id }: { id: string }) {
  const { t } = useTranslation();
  const { api, session } = useSession();
  const { courseId } = useLessonScope();
  const [quiz] = useApiCall(() => api['quiz.get']({ session, courseId, quizId: id }), [api, session, courseId, id]);

  if (quiz.state === 'loading') return <p aria-busy="true">{t('quiz.loading')}</p>;
  if (quiz.state === 'failed') return <p role="alert">{t('quiz.loadError', { message: quiz.message })}</p>;
  const headingId = `quiz-${id}`;
  return (
    <section className="quiz" aria-labelledby={headingId}>
      <h2 id={headingId} className="quiz-title">
        {quiz.value.title}
      </h2>
      {quiz.value.questions.map((question) => (
        <SingleChoiceQuestion
          key={question.id}
          quizId={id}
          question={question}
          saved={quiz.value.answers.find((answer) => answer.questionId === question.id)}
        />
      ))}
    </section>
  );
}
