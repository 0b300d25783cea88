import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ExerciseFrame } from './exercise/ExerciseFrame';
import { useExercise } from './exercise/use-exercise';

// bpmn-js is large: it loads only in lessons with a process exercise.
const ProcessWorkbench = lazy(() => import('./process/ProcessWorkbench'));

/** `<ProcessModeler id="fix-sign-up" />`: the learner draws or fixes a BPMN process, graded by rules in the core. */
export function ProcessModeler({ id }: { id: string }) {
  const { t } = useTranslation();
  const handle = useExercise(id, 'process');
  return (
    <ExerciseFrame id={id} type="process" handle={handle}>
      {(exercise) => (
        <Suspense fallback={<p aria-busy="true">{t('process.loading')}</p>}>
          <ProcessWorkbench
            exercise={exercise}
            submission={handle.submission}
            submitState={handle.submitState}
            onSubmit={(xml) => handle.submit({ type: 'process', xml })}
          />
        </Suspense>
      )}
    </ExerciseFrame>
  );
}
