import { z } from 'zod';
import { CourseArgs, LanguageSchema, SlugSchema, type ChannelSpec } from './common.js';

/** Limits on what a learner sends: generous for real work, small enough to refuse abuse early. */
export const MAX_NUMBER_ANSWER_CHARS = 100;
export const MAX_SQL_QUERY_CHARS = 20_000;
export const MAX_BPMN_XML_CHARS = 500_000;
export const MAX_CANVAS_BLOCK_CHARS = 4_000;

/**
 * Wrong tries after which the worked explanation is shown without a correct answer, unless the
 * exercise sets its own `triesBeforeSolution`: the hint after the first, a second try, then the solution.
 */
export const DEFAULT_TRIES_BEFORE_SOLUTION = 2;

export const ExerciseArgs = CourseArgs.extend({ exerciseId: SlugSchema }).strict();

const CellValueSchema = z.union([z.string(), z.number(), z.null()]);

/** A course CSV file loaded as an SQL table: the renderer runs the learner's queries on the same data. */
export const SqlTableSchema = z.object({
  name: z.string(),
  file: z.string(),
  columns: z.array(z.object({ name: z.string(), type: z.enum(['number', 'text']) })),
  rows: z.array(z.array(CellValueSchema)),
});
export type SqlTable = z.infer<typeof SqlTableSchema>;

const PublicExerciseBase = z.object({
  courseId: SlugSchema,
  exerciseId: SlugSchema,
  prompt: z.string(),
  hint: z.string().nullable(),
  /** Wrong tries before the worked explanation is given. */
  triesBeforeSolution: z.number().int().positive(),
});

/**
 * A process exercise's rule, shown to the learner as its checklist. Not an answer key: the prompt
 * asks for the same things in words, and Check lists every rule with its verdict anyway.
 */
const ProcessRuleViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('task-exists'), name: z.string() }),
  z.object({ kind: z.literal('gateway-after-task'), task: z.string(), gateway: z.enum(['exclusive', 'parallel', 'inclusive']) }),
  z.object({ kind: z.literal('task-before-task'), before: z.string(), after: z.string() }),
]);

/** What the renderer may know of an exercise: never the answer or the reference query. */
export const PublicExerciseSchema = z.discriminatedUnion('type', [
  PublicExerciseBase.extend({
    type: z.literal('number'),
    /** A CSV file in the course's data/ folder to show beside the exercise, or null. */
    data: z.string().nullable(),
    unit: z.string().nullable(),
  }),
  PublicExerciseBase.extend({
    type: z.literal('sql'),
    tables: z.array(SqlTableSchema),
    starterQuery: z.string(),
    orderMatters: z.boolean(),
  }),
  PublicExerciseBase.extend({
    type: z.literal('process'),
    /** The BPMN XML the learner starts from, or null for an empty diagram. */
    startingDiagram: z.string().nullable(),
    /** The checklist the diagram must meet; the frame ticks it as the learner draws, the core grades on Check. */
    rules: z.array(ProcessRuleViewSchema),
  }),
]);
export type PublicExercise = z.infer<typeof PublicExerciseSchema>;
export type ExerciseType = PublicExercise['type'];

export const ExerciseAnswerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('number'), value: z.string().min(1).max(MAX_NUMBER_ANSWER_CHARS) }).strict(),
  z.object({ type: z.literal('sql'), query: z.string().min(1).max(MAX_SQL_QUERY_CHARS) }).strict(),
  z.object({ type: z.literal('process'), xml: z.string().min(1).max(MAX_BPMN_XML_CHARS) }).strict(),
]);
export type ExerciseAnswer = z.infer<typeof ExerciseAnswerSchema>;

export const GatewayKindSchema = z.enum(['exclusive', 'parallel', 'inclusive']);
export type GatewayKind = z.infer<typeof GatewayKindSchema>;

/**
 * One check on a process diagram and whether it held. The renderer words it in the learner's
 * language from these fields; the names are the course's own.
 */
export const ProcessCheckSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('task-exists'), name: z.string(), passed: z.boolean() }),
  z.object({ kind: z.literal('gateway-after-task'), task: z.string(), gateway: GatewayKindSchema, passed: z.boolean() }),
  z.object({ kind: z.literal('task-before-task'), before: z.string(), after: z.string(), passed: z.boolean() }),
]);
export type ProcessCheck = z.infer<typeof ProcessCheckSchema>;

/** Why a graded answer is the way it is, in fields the renderer turns into the learner's language. */
export const ExerciseOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('number'), value: z.number() }),
  /** The query could not run: SQLite's own message (in English). */
  z.object({ kind: z.literal('sql-error'), message: z.string() }),
  z.object({ kind: z.literal('sql-timeout'), seconds: z.number() }),
  z.object({ kind: z.literal('sql-too-many-rows'), limit: z.number() }),
  z.object({
    kind: z.literal('sql-result'),
    expectedRows: z.number(),
    actualRows: z.number(),
    expectedColumns: z.number(),
    actualColumns: z.number(),
    /** Same rows, but in another order where the order matters. */
    wrongOrder: z.boolean(),
  }),
  z.object({ kind: z.literal('process-invalid'), message: z.string() }),
  z.object({ kind: z.literal('process'), checks: z.array(ProcessCheckSchema) }),
]);
export type ExerciseOutcome = z.infer<typeof ExerciseOutcomeSchema>;

export const ExerciseSubmissionSchema = z.object({
  submissionId: z.uuid(),
  exerciseId: SlugSchema,
  answer: ExerciseAnswerSchema,
  correct: z.boolean(),
  outcome: ExerciseOutcomeSchema,
  /**
   * The course's worked explanation: given once the answer is correct, or after the exercise's
   * `triesBeforeSolution` wrong tries, so a learner who is stuck is not left without it. Null before.
   */
  explanation: z.string().nullable(),
  /** The learner has answered correctly at some time: that answer counts, whatever came later. */
  solved: z.boolean(),
  /** Wrong tries so far, and how many are left before the explanation (0 once it is given). */
  wrongTries: z.number().int().nonnegative(),
  triesLeft: z.number().int().nonnegative(),
  /** Show the hint now: after a wrong try, while the explanation is still held back. */
  showHint: z.boolean(),
  /** When the submission was durably committed: the UI shows "saved" only once it has this. */
  savedAt: z.string(),
});
export type ExerciseSubmission = z.infer<typeof ExerciseSubmissionSchema>;

export const ExerciseStateSchema = z.object({
  exercise: PublicExerciseSchema,
  /**
   * The learner's best submission (the latest correct one, else the latest), so a restart shows
   * their answer and a later wrong try never hides a correct one.
   */
  latest: ExerciseSubmissionSchema.nullable(),
});
export type ExerciseState = z.infer<typeof ExerciseStateSchema>;

/**
 * Tandemic's social business model canvas. Its value proposition
 * has three parts, each a field of its own.
 */
export const CANVAS_FIELDS = [
  'partners-stakeholders',
  'key-activities',
  'key-resources',
  'type-of-intervention',
  'social-value',
  'impact-measures',
  'customer-value',
  'channels',
  'segments',
  'cost-structure',
  'surplus',
  'revenue',
] as const;
export const CanvasFieldSchema = z.enum(CANVAS_FIELDS);
export type CanvasField = z.infer<typeof CanvasFieldSchema>;

export const CanvasContentSchema = z.partialRecord(CanvasFieldSchema, z.string().max(MAX_CANVAS_BLOCK_CHARS));
export type CanvasContent = z.infer<typeof CanvasContentSchema>;

export const CanvasArgs = CourseArgs.extend({ canvasId: SlugSchema }).strict();

export const SavedCanvasSchema = z.object({
  canvasId: SlugSchema,
  content: CanvasContentSchema,
  /** Null when the learner has not saved this canvas yet. */
  savedAt: z.string().nullable(),
});
export type SavedCanvas = z.infer<typeof SavedCanvasSchema>;

const LabelSchema = z.string().min(1).max(200);

/** The words printed on the PDF, in the learner's language, from the renderer's translations. */
export const CanvasPdfLabelsSchema = z
  .object({
    language: LanguageSchema,
    title: LabelSchema,
    /** A line under the title, e.g. the learner's name and the date. */
    subtitle: z.string().max(300),
    fields: z.record(CanvasFieldSchema, LabelSchema),
    /** Groups printed as one block on the canvas: the value proposition. */
    valueProposition: LabelSchema,
    fullTextHeading: LabelSchema,
    empty: LabelSchema,
    continued: LabelSchema,
  })
  .strict();
export type CanvasPdfLabels = z.infer<typeof CanvasPdfLabelsSchema>;

export const exerciseChannels = {
  'exercise.get': { args: ExerciseArgs, result: ExerciseStateSchema },
  'exercise.submit': {
    args: ExerciseArgs.extend({ answer: ExerciseAnswerSchema }).strict(),
    result: ExerciseSubmissionSchema,
  },
  'canvas.get': { args: CanvasArgs, result: SavedCanvasSchema },
  'canvas.save': {
    args: CanvasArgs.extend({ content: CanvasContentSchema }).strict(),
    result: SavedCanvasSchema.extend({ savedAt: z.string() }),
  },
  'canvas.exportPdf': {
    args: CanvasArgs.extend({ labels: CanvasPdfLabelsSchema }).strict(),
    result: z.object({ fileName: z.string(), base64: z.string() }),
  },
} as const satisfies Record<string, ChannelSpec>;
