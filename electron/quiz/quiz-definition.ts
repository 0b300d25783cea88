import { z } from 'zod';
import { SlugSchema } from '../contract/channels.js';

/** A quiz file in a course's `quizzes/` folder, answer key included. Never sent to the renderer as is. */
const SingleChoiceQuestionSchema = z
  .object({
    id: SlugSchema,
    type: z.literal('single-choice'),
    prompt: z.string().min(1),
    hint: z.string().optional(),
    explanation: z.string().optional(),
    feedback: z.object({ correct: z.string().optional(), incorrect: z.string().optional() }).optional(),
    choices: z
      .array(
        z.object({
          id: SlugSchema,
          text: z.string().min(1),
          correct: z.boolean().default(false),
          feedback: z.string().optional(),
        }),
      )
      .min(2),
  })
  .refine((q) => q.choices.filter((c) => c.correct).length === 1, {
    message: 'a single-choice question needs exactly one choice marked correct: true',
  })
  .refine((q) => new Set(q.choices.map((c) => c.id)).size === q.choices.length, {
    message: 'choice ids must be unique within a question',
  });

export const QuestionDefinitionSchema = SingleChoiceQuestionSchema;
export type QuestionDefinition = z.infer<typeof QuestionDefinitionSchema>;

export const QuizDefinitionSchema = z
  .object({
    id: SlugSchema,
    title: z.string().min(1),
    questions: z.array(QuestionDefinitionSchema).min(1),
  })
  .refine((quiz) => new Set(quiz.questions.map((q) => q.id)).size === quiz.questions.length, {
    message: 'question ids must be unique within a quiz',
  });
export type QuizDefinition = z.infer<typeof QuizDefinitionSchema>;
