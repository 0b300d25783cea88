import { useEffect, useRef, useState } from 'react';
import { useCoreQuery, useCoreQueryUpdates } from '../../../api/use-core-query';
import { useTranslation } from 'react-i18next';
import type { AttemptState, PublicQuiz, SavedAnswer } from '../../../../../electron/contract/channels';
import { useSession } from '../../../api/api-context';
import { useLessonScope } from '../../lesson-context';
import { AttemptSummary } from './AttemptSummary';
import { QuizQuestion } from './QuizQuestion';
import { formatPercent } from '../../../i18n/format';
import './quiz.css';
import { errorMessage } from '../../../api/error-message';

/** The quiz as the core last said, kept in the cache (so a second `<Quiz>` of the same id shows the same state). */
function QuizBody({ quiz }: { quiz: PublicQuiz }) {
  const { t, i18n } = useTranslation();
  const { api, session } = useSession();
  const { courseId } = useLessonScope();
  const queries = useCoreQueryUpdates();
  const [busy, setBusy] = useState<'none' | 'finishing' | 'retaking'>('none');
  const [error, setError] = useState<unknown>(null);
  // After finishing, focus goes to the result; after a retake, to the quiz's title (its first questions follow).
  const focusNext = useRef<'none' | 'summary' | 'title'>('none');
  const summaryRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const args = { session, courseId, quizId: quiz.quizId };
  const setQuiz = (next: PublicQuiz) => queries.set('quiz.get', args, next);

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
    queries.update('quiz.get', args, (current) => ({
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
  const { session } = useSession();
  const { courseId } = useLessonScope();
  // Usually the quiz came with the lesson (the frame put it in the cache): shown at once, without
  // another round trip. Every change made here goes into the cache too, so it is never out of date.
  const quiz = useCoreQuery('quiz.get', { session, courseId, quizId: id }, { staleMs: Infinity });

  if (quiz.state === 'loading') return <p aria-busy="true">{t('quiz.loading')}</p>;
  if (quiz.state === 'failed') return <p role="alert">{t('quiz.loadError', { message: quiz.message })}</p>;
  return <QuizBody quiz={quiz.value} />;
}
