import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseType } from '../../../../../electron/contract/channels';
import type { ExerciseHandle, ExerciseOf } from './use-exercise';

/**
 * The frame every exercise shares: a labelled section with the prompt, and the messages for
 * loading, failure and an exercise of another type than the component asks for.
 */
export function ExerciseFrame<T extends ExerciseType>({
  id,
  type,
  handle,
  children,
}: {
  id: string;
  type: T;
  handle: ExerciseHandle<T>;
  children: (exercise: ExerciseOf<T>) => ReactNode;
}) {
  const { t } = useTranslation();
  const { loaded } = handle;
  const headingId = `exercise-${id}`;
  let body: ReactNode;
  if (loaded.state === 'loading') body = <p aria-busy="true">{t('exercise.loading')}</p>;
  else if (loaded.state === 'failed') body = <p role="alert">{t('exercise.loadError', { message: loaded.message })}</p>;
  else if (loaded.state === 'wrong-type')
    body = (
      <p role="alert">
        {t('exercise.wrongType', { id, expected: t(`exercise.type.${type}`), actual: t(`exercise.type.${loaded.actual}`) })}
      </p>
    );
  else {
    const { exercise } = loaded.value;
    body = (
      <>
        <p className="exercise-prompt">{exercise.prompt}</p>
        {children(exercise)}
        {exercise.hint && (
          // Opened by itself after a wrong try: the hint comes before another try and the solution.
          <details className="hint" open={handle.submission?.showHint ? true : undefined}>
            <summary>{t('exercise.hint')}</summary>
            <p>{exercise.hint}</p>
          </details>
        )}
      </>
    );
  }
  return (
    <section className={`exercise exercise-${type}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="exercise-title">
        {t(`exercise.title.${type}`)}
      </h3>
      {body}
    </section>
  );
}
