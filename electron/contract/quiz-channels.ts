import { z } from 'zod';
import { QuizArgs, SlugSchema, type ChannelSpec } from './common.js';

/** What the renderer may know of a question: never the answer key. */
export const PublicQuestionSchema = z.object({
  id: SlugSchema,
  type: z.literal('single-choice'),
  prompt: z.string(),
  choices: z.array(z.object({ id: SlugSchema, text: z.string() })),
  hint: z.string().nullable(),
});
export type PublicQuestion = z.infer<typeof PublicQuestionSchema>;

export const AnswerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('single-choice'), choiceId: SlugSchema }).strict(),
]);
export type Answer = z.infer<typeof AnswerSchema>;

export const GradedAnswerSchema = z.object({
  answerId: z.uuid(),
  questionId: SlugSchema,
  answer: AnswerSchema,
  correct: z.boolean(),
  score: z.number(),
  maxScore: z.number(),
  feedback: z.string().nullable(),
  explanation: z.string().nullable(),
  /** When the answer was durably committed: the UI shows "saved" only once it has this. */
  savedAt: z.string(),
});
export type GradedAnswer = z.infer<typeof GradedAnswerSchema>;

export const PublicQuizSchema = z.object({
  courseId: SlugSchema,
  quizId: SlugSchema,
  title: z.string(),
  questions: z.array(PublicQuestionSchema),
  /** The learner's latest graded answer per question, so a restart shows what was answered. */
  answers: z.array(GradedAnswerSchema),
});
export type PublicQuiz = z.infer<typeof PublicQuizSchema>;

export const quizChannels = {
  'quiz.get': { args: QuizArgs, result: PublicQuizSchema },
  'quiz.submitAnswer': {
    args: QuizArgs.extend({ questionId: SlugSchema, answer: AnswerSchema }).strict(),
    result: GradedAnswerSchema,
  },
} as const satisfies Record<string, ChannelSpec>;
