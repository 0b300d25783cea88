import { z } from 'zod';
import { DEFAULT_TRIES_BEFORE_SOLUTION, GatewayKindSchema, SlugSchema } from '../contract/channels.js';
import { AssessesSchema } from '../course-source/assesses.js';

/**
 * An exercise file in a course's `exercises/` folder, answer key included (docs/course-format.md,
 * "Exercises"). Never sent to the renderer as is: see public-exercise.ts. Unknown keys are
 * refused, so a misspelt `tolerence` is reported instead of silently ignored.
 */

/** A path inside one of the course's folders: no absolute paths, no `..`, no backslashes. */
const CourseFilePath = z
  .string()
  .min(1)
  .max(200)
  .refine((file) => !file.startsWith('/') && !file.includes('\\') && !file.split('/').includes('..'), {
    message: 'must be a file name inside the folder (no "/" at the start, no "..")',
  });

/** SQL table names the learner types: a letter or underscore, then letters, digits, underscores. */
const SQL_TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

const common = {
  id: SlugSchema,
  prompt: z.string().min(1),
  hint: z.string().optional(),
  explanation: z.string().optional(),
  /** Wrong tries before the worked explanation is shown: the hint comes after the first, then another try. */
  triesBeforeSolution: z.number().int().min(1).max(10).default(DEFAULT_TRIES_BEFORE_SOLUTION),
  assesses: AssessesSchema,
};

export const NumberExerciseSchema = z
  .object({
    ...common,
    type: z.literal('number'),
    data: CourseFilePath.optional(),
    answer: z.number(),
    tolerance: z.number().nonnegative().default(0),
    unit: z.string().max(40).optional(),
  })
  .strict();

export const SqlExerciseSchema = z
  .object({
    ...common,
    type: z.literal('sql'),
    tables: z
      .record(z.string(), CourseFilePath)
      .refine((tables) => Object.keys(tables).length > 0, { message: 'name at least one table' })
      .superRefine((tables, context) => {
        for (const name of Object.keys(tables).filter((key) => !SQL_TABLE_NAME.test(key))) {
          context.addIssue({
            code: 'custom',
            path: [name],
            message: `the table name "${name}" must be letters, digits and underscores, starting with a letter`,
          });
        }
      })
      .refine((tables) => new Set(Object.keys(tables).map((name) => name.toLowerCase())).size === Object.keys(tables).length, {
        message: 'table names must differ in more than upper/lower case (SQL ignores case)',
      }),
    starterQuery: z.string().default(''),
    solution: z.string().min(1),
    orderMatters: z.boolean().default(false),
  })
  .strict();

export const ProcessRuleSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('task-exists'), name: z.string().min(1) }).strict(),
    z
      .object({
        kind: z.literal('gateway-after-task'),
        task: z.string().min(1),
        gateway: GatewayKindSchema.default('exclusive'),
      })
      .strict(),
    z.object({ kind: z.literal('task-before-task'), before: z.string().min(1), after: z.string().min(1) }).strict(),
  ],
  { error: 'must be task-exists, gateway-after-task or task-before-task, with their fields' },
);
export type ProcessRule = z.infer<typeof ProcessRuleSchema>;

export const ProcessExerciseSchema = z
  .object({
    ...common,
    type: z.literal('process'),
    startingDiagram: CourseFilePath.optional(),
    rules: z.array(ProcessRuleSchema).min(1),
  })
  .strict();

export const ExerciseDefinitionSchema = z.discriminatedUnion(
  'type',
  [NumberExerciseSchema, SqlExerciseSchema, ProcessExerciseSchema],
  {
    error: 'must be number, sql or process',
  },
);
export type ExerciseDefinition = z.infer<typeof ExerciseDefinitionSchema>;
export type NumberExerciseDefinition = z.infer<typeof NumberExerciseSchema>;
export type SqlExerciseDefinition = z.infer<typeof SqlExerciseSchema>;
export type ProcessExerciseDefinition = z.infer<typeof ProcessExerciseSchema>;
