import { useState } from 'react';
import type {
  ExerciseAnswer,
  ExerciseState,
  ExerciseSubmission,
  ExerciseType,
  PublicExercise,
} from '../../../../../electron/contract/channels';
import { useSession } from '../../../api/api-context';
import { useCoreQuery, useCoreQueryUpdates, type Loadable } from '../../../api/use-core-query';
import { useLessonScope } from '../../lesson-context';

export type ExerciseOf<T extends ExerciseType> = Extract<PublicExercise, { type: T }>;

export type SubmitState = { state: 'idle' } | { state: 'saving' } | { state: 'error'; error: unknown };

export interface ExerciseHandle<T extends ExerciseType> {
  loaded:
    Loadable<{ exercise: ExerciseOf<T>; latest: ExerciseSubmission | null }> | { state: 'wrong-type'; actual: ExerciseType };
  submission: ExerciseSubmission | null;
  submitState: SubmitState;
  submit: (answer: Extract<ExerciseAnswer, { type: T }>) => Promise<ExerciseSubmission | null>;
}

/**
 * Loads an exercise from the core (without its answer key) and submits answers to be graded
 * there. A submission counts as saved only once the core has replied with it.
 */
export function useExercise<T extends ExerciseType>(exerciseId: string, type: T): ExerciseHandle<T> {
  const { api, session } = useSession();
  const { courseId } = useLessonScope();
  const args = { session, courseId, exerciseId };
  const state = useCoreQuery('exercise.get', args);
  const queries = useCoreQueryUpdates();
  const [submitState, setSubmitState] = useState<SubmitState>({ state: 'idle' });

  const submit = async (answer: Extract<ExerciseAnswer, { type: T }>) => {
    setSubmitState({ state: 'saving' });
    try {
      const result = await api['exercise.submit']({ ...args, answer });
      // The graded submission is the exercise's latest from now on, wherever it shows.
      queries.update('exercise.get', args, (current: ExerciseState) => ({ ...current, latest: result }));
      setSubmitState({ state: 'idle' });
      return result;
    } catch (error) {
      setSubmitState({ state: 'error', error });
      return null;
    }
  };

  let loaded: ExerciseHandle<T>['loaded'];
  if (state.state === 'ready') {
    const { exercise, latest } = state.value;
    loaded =
      exercise.type === type
        ? { state: 'ready', value: { exercise: exercise as ExerciseOf<T>, latest } }
        : { state: 'wrong-type', actual: exercise.type };
  } else {
    loaded = state;
  }
  const latest = state.state === 'ready' ? state.value.latest : null;
  return { loaded, submission: latest, submitState, submit };
}
