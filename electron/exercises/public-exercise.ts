import type { PublicExercise } from '../contract/channels.js';
import type { LoadedExercise } from './load-exercises.js';

/** The exercise as the renderer may see it: no answer, tolerance or reference query (a process exercise's rules are its checklist). */
export function toPublicExercise(courseId: string, loaded: LoadedExercise): PublicExercise {
  const { definition } = loaded;
  const base = {
    courseId,
    exerciseId: definition.id,
    prompt: definition.prompt,
    hint: definition.hint ?? null,
    triesBeforeSolution: definition.triesBeforeSolution,
  };
  switch (definition.type) {
    case 'number':
      return { ...base, type: 'number', data: definition.data ?? null, unit: definition.unit ?? null };
    case 'sql':
      return {
        ...base,
        type: 'sql',
        tables: loaded.tables,
        starterQuery: definition.starterQuery,
        orderMatters: definition.orderMatters,
      };
    case 'process':
      return { ...base, type: 'process', startingDiagram: loaded.startingDiagram, rules: definition.rules };
  }
}
