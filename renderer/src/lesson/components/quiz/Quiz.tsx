import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptState, PublicQuiz, SavedAnswer } from '../../../../../electron/contract/channels';
import { useSession } from '../../../api/api-context';
import { useLessonScope } from '../../lesson-context';
import { AttemptSummary } from './AttemptSummary';
import { QuizQuestion } from './QuizQuestion';
import { formatPercent } from '../../../i18n/format';
import './quiz.css';
import { errorMessage } from '../../../api/error-message';

function QuizBody({ initial }: { initial: PublicQuiz }) {
  const { t, i18n } = useTranslation();
  const { api, session } = useSession();
  const { courseId } = useLessonScope();
  const [quiz, setQuiz] = useState(initial);
  const [busy, setBusy] = useState<'none' | 'finishing' | 'retaking'>('none');
  const [error, setError] = useState<unknown>(null);
  // After finishing, focus goes to the result; after a retake, to the quiz's title (its first questions follow).
  const focusNext = useRef<'none' | 'summary' | 'title'>('none');
  const summaryRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const args = { session, courseId, quizId: quiz.quizId };

  useEffect(() => {
    if (focusNext.current === 'summary') summaryRef.current?.focus();
    if (focusNext.current === 'title') titleRef.current?.focus();
    focusNext.current = 'none';
  }, [quiz]);

  const run = async (kind: 'finishing' | 'retaking', action: () => Promise<PublicQuiz>) => {
    setBusy(kind);
    setError(null);
    try {
      const next = await action();
      focusNext.current = kind === 'finishing' ? 'summary' : 'title';
      setQuiz(next);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy('none');
    }
  };

  const saved = (answer: SavedAnswer, attempt: AttemptState) => {
    setQuiz((current) => ({
      ...current,
      attempt,
      answers: [...current.answers.filter((other) => other.questionId !== answer.questionId), answer],
    }));
    // The last answer finished the attempt: fetch what follows (the result, whether a retake is allowed).
    if (attempt.finishedAt !== null) {
      api['quiz.get'](args).then(setQuiz, (reason: unknown) => setError(reason));
    }
  };

  const { attempt } = quiz;
  const finished = attempt.finishedAt !== null;
  const answered = quiz.answers.length;
  const total = quiz.questions.length;
  const headingId = `quiz-${quiz.quizId}`;
  return (
    <section className="quiz" aria-labelledby={headingId}>
      <h2 id={headingId} className="quiz-title" ref={titleRef} tabIndex={-1}>
        {quiz.title}
      </h2>
      <p className="quiz-meta">
        {t('quiz.passMark', { passMark: formatPercent(quiz.passMark, i18n.language) })} ·{' '}
        {quiz.attemptLimit === null
          ? t('quiz.attemptNumber', { number: attempt.number })
          : t('quiz.attemptOf', { number: attempt.number, limit: quiz.attemptLimit })}
      </p>
      {quiz.feedback === 'end' && !finished && <p className="quiz-note">{t('quiz.feedbackAtEnd')}</p>}
      {quiz.questions.map((question, index) => (
        <QuizQuestion
          // A retake starts every question afresh.
          key={`${attempt.number}/${question.id}`}
          quizId={quiz.quizId}
          question={question}
          number={index + 1}
          total={total}
          feedback={quiz.feedback}
          saved={quiz.answers.find((answer) => answer.questionId === question.id)}
          attemptFinished={finished}
          onSaved={saved}
        />
      ))}
      {quiz.feedback === 'end' && !finished && (
        <div className="quiz-finish">
          <p>{t('quiz.answeredCount', { answered, total })}</p>
          <button
            type="button"
            className="button button-primary"
            disabled={answered === 0 || busy !== 'none'}
            onClick={() => void run('finishing', () => api['quiz.finish'](args))}
          >
            {answered < total ? t('quiz.finishEarly') : t('quiz.finish')}
          </button>
        </div>
      )}
      <AttemptSummary
        ref={summaryRef}
        quiz={quiz}
        retaking={busy === 'retaking'}
        onRetake={() => void run('retaking', () => api['quiz.retake'](args))}
      />
      {error !== null && <p role="alert">{errorMessage(error, t)}</p>}
    </section>
  );
}

/** `<Quiz id="..." />` in a lesson: questions come from the core, without their answer keys. */
export function Quiz({ id }: { id: string }) {
  const { t } = useTranslation();
  const { api, session } = useSession();
  const { courseId, takeOpenedQuiz } = useLessonScope();
  // Usually the quiz came with the lesson: shown at once, without another round trip.
  const [opened] = useState(() => takeOpenedQuiz?.(id));
  const [state, setState] = useState<
    { kind: 'loading' } | { kind: 'ready'; quiz: PublicQuiz } | { kind: 'failed'; error: unknown }
  >(opened ? { kind: 'ready', quiz: opened } : { kind: 'loading' });
  useEffect(() => {
    if (opened?.quizId === id) return;
    let current = true;
    api['quiz.get']({ session, courseId, quizId: id }).then(
      (quiz) => current && setState({ kind: 'ready', quiz }),
      (reason: unknown) => current && setState({ kind: 'failed', error: reason }),
    );
    return () => {
      current = false;
    };
  }, [api, session, courseId, id, opened]);

  if (state.kind === 'loading') return <p aria-busy="true">{t('quiz.loading')}</p>;
  if (state.kind === 'failed') return <p role="alert">{t('quiz.loadError', { message: errorMessage(state.error, t) })}</p>;
  return <QuizBody initial={state.quiz} />;
}
