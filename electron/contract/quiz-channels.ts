import { z } from 'zod';
import { QuizArgs, SlugSchema, type ChannelSpec } from './common.js';

/** The eight kinds of question a quiz file may hold (docs/course-format.md, "Quizzes"). */
export const QUESTION_TYPES = [
  'single-choice',
  'multiple-choice',
  'true-false',
  'numeric',
  'short-text',
  'ordering',
  'matching',
  'cloze',
] as const;
export const QuestionTypeSchema = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof QuestionTypeSchema>;

/** Limits that keep any answer small: a real answer is far below them. */
const MAX_LIST = 50;
const MAX_TEXT = 500;
/** Names of cloze blanks: what a trainer writes between braces. */
export const BlankNameSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be letters, digits, - or _');
/** Ids of the right-hand options of a matching question (not the pair ids: those would give the key away). */
export const MatchOptionIdSchema = z.string().regex(/^r\d{1,3}$/, 'is not an option of this question');

const PublicQuestionBase = {
  id: SlugSchema,
  prompt: z.string(),
  hint: z.string().nullable(),
};
const PublicItemSchema = z.object({ id: SlugSchema, text: z.string() });

/** A cloze text cut into its pieces: plain text, and blanks the learner fills in. */
export const ClozeSegmentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('blank'), name: BlankNameSchema }),
]);
export type ClozeSegment = z.infer<typeof ClozeSegmentSchema>;

/**
 * What the renderer may know of a question: never the answer key, the feedback or the
 * explanation. Choices, items and options come in the order of the learner's attempt.
 */
export const PublicQuestionSchema = z.discriminatedUnion('type', [
  z.object({ ...PublicQuestionBase, type: z.literal('single-choice'), choices: z.array(PublicItemSchema) }),
  z.object({ ...PublicQuestionBase, type: z.literal('multiple-choice'), choices: z.array(PublicItemSchema) }),
  z.object({ ...PublicQuestionBase, type: z.literal('true-false') }),
  z.object({ ...PublicQuestionBase, type: z.literal('numeric'), unit: z.string().nullable() }),
  z.object({ ...PublicQuestionBase, type: z.literal('short-text') }),
  z.object({ ...PublicQuestionBase, type: z.literal('ordering'), items: z.array(PublicItemSchema) }),
  z.object({
    ...PublicQuestionBase,
    type: z.literal('matching'),
    lefts: z.array(PublicItemSchema),
    options: z.array(z.object({ id: MatchOptionIdSchema, text: z.string() })),
  }),
  z.object({ ...PublicQuestionBase, type: z.literal('cloze'), segments: z.array(ClozeSegmentSchema) }),
]);
export type PublicQuestion = z.infer<typeof PublicQuestionSchema>;

/** A learner's answer, one shape per question type; strict and bounded so junk is refused early. */
export const AnswerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('single-choice'), choiceId: SlugSchema }),
  z.strictObject({ type: z.literal('multiple-choice'), choiceIds: z.array(SlugSchema).max(MAX_LIST) }),
  z.strictObject({ type: z.literal('true-false'), value: z.boolean() }),
  /** As typed: the core reads `10,5` and `10.5` alike. */
  z.strictObject({ type: z.literal('numeric'), value: z.string().max(40) }),
  z.strictObject({ type: z.literal('short-text'), text: z.string().max(MAX_TEXT) }),
  z.strictObject({ type: z.literal('ordering'), itemIds: z.array(SlugSchema).max(MAX_LIST) }),
  z.strictObject({
    type: z.literal('matching'),
    matches: z.array(z.strictObject({ leftId: SlugSchema, optionId: MatchOptionIdSchema })).max(MAX_LIST),
  }),
  z.strictObject({
    type: z.literal('cloze'),
    blanks: z.array(z.strictObject({ name: BlankNameSchema, text: z.string().max(MAX_TEXT) })).max(MAX_LIST),
  }),
]);
export type Answer = z.infer<typeof AnswerSchema>;
export type AnswerOf<T extends QuestionType> = Extract<Answer, { type: T }>;

/** How one part of an answer fared: a chosen choice, an item's position, a pair, a blank. */
export const AnswerPartSchema = z.object({
  id: z.string(),
  correct: z.boolean(),
  feedback: z.string().nullable(),
});

/** The verdict on an answer; withheld until the attempt is finished when a quiz has `feedback: end`. */
export const AnswerResultSchema = z.object({
  correct: z.boolean(),
  score: z.number().min(0),
  maxScore: z.number().positive(),
  feedback: z.string().nullable(),
  explanation: z.string().nullable(),
  parts: z.array(AnswerPartSchema),
});
export type AnswerResult = z.infer<typeof AnswerResultSchema>;

export const SavedAnswerSchema = z.object({
  answerId: z.uuid(),
  attemptId: z.uuid(),
  questionId: SlugSchema,
  answer: AnswerSchema,
  /** When the answer was durably committed: the UI shows "saved" only once it has this. */
  savedAt: z.string(),
  /**
   * The verdict; null while a `feedback: end` attempt is open. While the learner still has tries
   * at the question, a wrong answer's verdict has no explanation and no per-part marks.
   */
  result: AnswerResultSchema.nullable(),
  /** With per-question feedback: tries left at this question in this attempt (0 once it is closed). */
  triesLeft: z.number().int().nonnegative().nullable(),
  /** The right answer, once the learner has no tries left without having it right; null otherwise. */
  solution: AnswerSchema.nullable(),
});
export type SavedAnswer = z.infer<typeof SavedAnswerSchema>;

export const FeedbackModeSchema = z.enum(['per-question', 'end']);
export type FeedbackMode = z.infer<typeof FeedbackModeSchema>;

/** The attempt the learner is on (or last finished). Score fields are null until it is finished. */
export const AttemptStateSchema = z.object({
  /** Null before the first answer: the attempt is recorded with it. */
  attemptId: z.uuid().nullable(),
  number: z.number().int().positive(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  percent: z.number().int().min(0).max(100).nullable(),
  passed: z.boolean().nullable(),
});
export type AttemptState = z.infer<typeof AttemptStateSchema>;

export const PublicQuizSchema = z.object({
  courseId: SlugSchema,
  quizId: SlugSchema,
  title: z.string(),
  passMark: z.number().min(0).max(100),
  attemptLimit: z.number().int().positive().nullable(),
  feedback: FeedbackModeSchema,
  questions: z.array(PublicQuestionSchema),
  attempt: AttemptStateSchema,
  /** The learner's latest saved answer per question in this attempt, so a restart shows what was answered. */
  answers: z.array(SavedAnswerSchema),
  finishedAttempts: z.number().int().nonnegative(),
  /** Null when the quiz has no attempt limit. */
  attemptsLeft: z.number().int().nonnegative().nullable(),
  /** Some finished attempt reached the pass mark. */
  passedEver: z.boolean(),
  canRetake: z.boolean(),
});
export type PublicQuiz = z.infer<typeof PublicQuizSchema>;

export const quizChannels = {
  'quiz.get': { args: QuizArgs, result: PublicQuizSchema },
  /**
   * Grades and stores one answer, replying only after the commit. With `feedback: per-question`
   * the answer is final and the attempt finishes with the last question; with `feedback: end`
   * answers may be changed until `quiz.finish`, and the result stays null until then.
   */
  'quiz.submitAnswer': {
    args: QuizArgs.extend({ questionId: SlugSchema, answer: AnswerSchema }).strict(),
    result: z.object({ saved: SavedAnswerSchema, attempt: AttemptStateSchema }),
  },
  /** Ends the current attempt (unanswered questions score 0) and reveals every verdict. */
  'quiz.finish': { args: QuizArgs, result: PublicQuizSchema },
  /** Starts a new attempt, with a new order, once the last one is finished and the limit allows. */
  'quiz.retake': { args: QuizArgs, result: PublicQuizSchema },
} as const satisfies Record<string, ChannelSpec>;
