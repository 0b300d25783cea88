/**
 * The names of Aula's built-in lesson components. `course check` treats any other capitalised
 * JSX name in a lesson as an error unless the lesson imports it from its course's components/;
 * the renderer's registry may only contain these names.
 */
export const BUILT_IN_COMPONENTS = [
  'Callout',
  'Figure',
  'Glossary',
  'Download',
  'DataTable',
  'Chart',
  'Quiz',
  'NumberExercise',
  'SqlExercise',
  'ProcessModeler',
  'Canvas',
  'InYourCountry',
] as const;
export type BuiltInComponentName = (typeof BUILT_IN_COMPONENTS)[number];

/** Components whose `id` names a quiz or an exercise of the course. */
export const QUIZ_COMPONENT = 'Quiz';
export const EXERCISE_COMPONENTS = ['NumberExercise', 'SqlExercise', 'ProcessModeler'] as const;

/** Props naming files, and the course folder each must be in. */
export const FILE_PROPS: Record<string, { prop: string; folder: 'assets' | 'data' }[]> = {
  Figure: [{ prop: 'src', folder: 'assets' }],
  Download: [{ prop: 'file', folder: 'assets' }],
  DataTable: [{ prop: 'src', folder: 'data' }],
  Chart: [{ prop: 'src', folder: 'data' }],
};
