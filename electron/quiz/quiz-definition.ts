/**
 * Quiz files (a course's `quizzes/*.yaml`), answer keys included, exactly as docs/course-format.md
 * "Quizzes" describes them. These never reach the renderer as they are: see public-question.ts.
 */
import { z } from 'zod';
import { BlankNameSchema, QUESTION_TYPES, SlugSchema, type ClozeSegment } from '../contract/channels.js';
import { AssessesSchema } from '../course-source/assesses.js';

/** Tries at a quiz question before the answer is shown, unless the quiz or the question says otherwise. */
export const DEFAULT_QUIZ_TRIES = 2;

/** YAML reads `accepted: [2024]` as a number; an accepted answer is text either way. */
const AcceptedTextSchema = z.union([z.string().min(1), z.number()]).transform(String);

/** How typed text is compared with the accepted answers (short-text, and each cloze blank). */
const FoldingOptions = {
  caseSensitive: z.boolean().default(false),
  ignoreAccents: z.boolean().default(true),
  ignoreWhitespace: z.boolean().default(true),
};
export interface TextFolding {
  caseSensitive: boolean;
  ignoreAccents: boolean;
  ignoreWhitespace: boolean;
}

const QuestionBase = {
  id: SlugSchema,
  prompt: z.string().min(1),
  hint: z.string().min(1).optional(),
  explanation: z.string().min(1).optional(),
  feedback: z.strictObject({ correct: z.string().min(1).optional(), incorrect: z.string().min(1).optional() }).optional(),
  assesses: AssessesSchema,
  /** Tries before the right answer and the explanation are shown (per-question feedback); the quiz's otherwise. */
  triesBeforeSolution: z.number().int().min(1).max(10).optional(),
};

const ChoiceSchema = z.strictObject({
  id: SlugSchema,
  text: z.string().min(1),
  correct: z.boolean().default(false),
  feedback: z.string().min(1).optional(),
});

const ItemSchema = z.strictObject({ id: SlugSchema, text: z.string().min(1) });

function unique(values: string[]): boolean {
  return new Set(values).size === values.length;
}

const SingleChoiceSchema = z
  .strictObject({ ...QuestionBase, type: z.literal('single-choice'), choices: z.array(ChoiceSchema).min(2).max(20) })
  .refine((q) => q.choices.filter((c) => c.correct).length === 1, {
    message: 'a single-choice question needs exactly one choice marked correct: true',
    path: ['choices'],
  })
  .refine((q) => unique(q.choices.map((c) => c.id)), {
    message: 'choice ids must be unique within a question',
    path: ['choices'],
  });

const MultipleChoiceSchema = z
  .strictObject({
    ...QuestionBase,
    type: z.literal('multiple-choice'),
    partialCredit: z.boolean().default(false),
    choices: z.array(ChoiceSchema).min(2).max(20),
  })
  .refine((q) => q.choices.some((c) => c.correct), {
    message: 'a multiple-choice question needs at least one choice marked correct: true',
    path: ['choices'],
  })
  .refine((q) => unique(q.choices.map((c) => c.id)), {
    message: 'choice ids must be unique within a question',
    path: ['choices'],
  });

const TrueFalseSchema = z.strictObject({ ...QuestionBase, type: z.literal('true-false'), answer: z.boolean() });

const NumericSchema = z.strictObject({
  ...QuestionBase,
  type: z.literal('numeric'),
  answer: z.number().finite(),
  /** Absolute: any answer within `answer ± tolerance` is right. */
  tolerance: z.number().finite().nonnegative().default(0),
  unit: z.string().min(1).max(20).optional(),
});

const ShortTextSchema = z.strictObject({
  ...QuestionBase,
  type: z.literal('short-text'),
  accepted: z.array(AcceptedTextSchema).min(1).max(50),
  ...FoldingOptions,
});

const OrderingSchema = z
  .strictObject({ ...QuestionBase, type: z.literal('ordering'), items: z.array(ItemSchema).min(2).max(20) })
  .refine((q) => unique(q.items.map((i) => i.id)), { message: 'item ids must be unique within a question', path: ['items'] });

const MatchingSchema = z
  .strictObject({
    ...QuestionBase,
    type: z.literal('matching'),
    pairs: z
      .array(z.strictObject({ id: SlugSchema, left: z.string().min(1), right: z.string().min(1) }))
      .min(2)
      .max(20),
  })
  .refine((q) => unique(q.pairs.map((p) => p.id)), { message: 'pair ids must be unique within a question', path: ['pairs'] })
  .refine((q) => unique(q.pairs.map((p) => p.right)), {
    message: 'every right-hand text must be different, or the learner could not tell them apart',
    path: ['pairs'],
  });

/** `{name}` in a cloze text is a blank. */
const BLANK_PATTERN = /\{([^{}]*)\}/g;

/** Cuts a cloze text into text and blanks; the names are checked by the schema below. */
export function clozeSegments(text: string): ClozeSegment[] {
  const segments: ClozeSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(BLANK_PATTERN)) {
    if (match.index > last) segments.push({ kind: 'text', text: text.slice(last, match.index) });
    segments.push({ kind: 'blank', name: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

const ClozeSchema = z
  .strictObject({
    ...QuestionBase,
    type: z.literal('cloze'),
    text: z.string().min(1),
    blanks: z.record(
      BlankNameSchema,
      z.strictObject({ accepted: z.array(AcceptedTextSchema).min(1).max(50), ...FoldingOptions }),
    ),
  })
  .superRefine((q, context) => {
    const names = clozeSegments(q.text).flatMap((segment) => (segment.kind === 'blank' ? [segment.name] : []));
    if (names.length === 0) {
      context.addIssue({ code: 'custom', path: ['text'], message: 'has no blanks: write each blank as {name}' });
    }
    for (const name of names) {
      if (!BlankNameSchema.safeParse(name).success) {
        context.addIssue({
          code: 'custom',
          path: ['text'],
          message: `"{${name}}" is not a valid blank name (letters, digits, - or _)`,
        });
      } else if (!Object.prototype.hasOwnProperty.call(q.blanks, name)) {
        context.addIssue({ code: 'custom', path: ['blanks'], message: `the blank {${name}} in the text has no entry here` });
      }
    }
    if (!unique(names)) context.addIssue({ code: 'custom', path: ['text'], message: 'each blank name may appear only once' });
    for (const name of Object.keys(q.blanks)) {
      if (!names.includes(name)) {
        context.addIssue({ code: 'custom', path: ['blanks', name], message: `is not used in the text (write {${name}} there)` });
      }
    }
  });

export const QuestionDefinitionSchema = z.discriminatedUnion(
  'type',
  [
    SingleChoiceSchema,
    MultipleChoiceSchema,
    TrueFalseSchema,
    NumericSchema,
    ShortTextSchema,
    OrderingSchema,
    MatchingSchema,
    ClozeSchema,
  ],
  { error: () => `type must be one of: ${QUESTION_TYPES.join(', ')}` },
);
export type QuestionDefinition = z.infer<typeof QuestionDefinitionSchema>;
export type QuestionOf<T extends QuestionDefinition['type']> = Extract<QuestionDefinition, { type: T }>;

export const QuizDefinitionSchema = z
  .strictObject({
    id: SlugSchema,
    title: z.string().min(1),
    /** Percent of the points needed to pass. */
    passMark: z.number().min(0).max(100).default(70),
    /** Finished attempts allowed; absent means unlimited. */
    attemptLimit: z.number().int().positive().max(100).optional(),
    /** Shuffle questions and choices, in an order that stays the same within one attempt. */
    shuffle: z.boolean().default(false),
    feedback: z.enum(['per-question', 'end']).default('per-question'),
    /**
     * With per-question feedback: tries at a question before its right answer and explanation are
     * shown (the hint comes after the first wrong try). A question may set its own.
     */
    triesBeforeSolution: z.number().int().min(1).max(10).default(DEFAULT_QUIZ_TRIES),
    questions: z.array(QuestionDefinitionSchema).min(1).max(100),
  })
  .refine((quiz) => unique(quiz.questions.map((q) => q.id)), { message: 'question ids must be unique within a quiz' });
export type QuizDefinition = z.infer<typeof QuizDefinitionSchema>;
