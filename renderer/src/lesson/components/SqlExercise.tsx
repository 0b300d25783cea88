import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ExerciseFrame } from './exercise/ExerciseFrame';
import { useExercise } from './exercise/use-exercise';

// sql.js and CodeMirror are large: they load only in lessons with an SQL exercise.
const SqlWorkbench = lazy(() => import('./sql/SqlWorkbench'));

/** `<SqlExercise id="households-per-month" />`: a SQL query over the course's CSV files, graded in the core. */
export function SqlExercise({ id }: { id: string }) {
  const { t } = useTranslation();
  const handle = useExercise(id, 'sql');
  return (
    <ExerciseFrame id={id} type="sql" handle={handle}>
      {(exercise) => (
        <Suspense fallback={<p aria-busy="true">{t('sql.loading')}</p>}>
          <SqlWorkbench
            exercise={exercise}
            submission={handle.submission}
            submitState={handle.submitState}
            onSubmit={(query) => handle.submit({ type: 'sql', query })}
          />
        </Suspense>
      )}
    </ExerciseFrame>
  );
}
