/**
 * The files of a course translation (`translations/<lang>/...`, docs/course-format.md
 * "Translations"). They hold text only: structure and answer keys come from the main language,
 * so every object is strict and a key such as `correct` or `type` is refused, not ignored.
 */
import { z } from 'zod';
import { BlankNameSchema, SlugSchema } from '../../contract/channels.js';

/** A language code as course.yaml writes it (`ca`, `es`, `pt-BR`). */
export const CourseLanguageSchema = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/, 'must be a language code such as ca, es or pt-BR');

/** `translations/<lang>/course.yaml`. */
export const CourseTranslationSchema = z.strictObject({
  title: z.string().min(1),
  summary: z.string().optional(),
});
export type CourseTranslation = z.infer<typeof CourseTranslationSchema>;

/** YAML reads `accepted: [2024]` as a number; an accepted answer is text either way. */
const AcceptedTextSchema = z.union([z.string().min(1), z.number()]).transform(String);
const AcceptedListSchema = z.array(AcceptedTextSchema).min(1).max(50);

/**
 * One question's words. Which of these a question has depends on its type in the main file;
 * `course check` reports a field the main question's type does not have.
 */
export const QuestionTranslationSchema = z.strictObject({
  id: SlugSchema,
  prompt: z.string().min(1).optional(),
  hint: z.string().min(1).optional(),
  explanation: z.string().min(1).optional(),
  /** The question's own right/wrong messages, where the main question has them. */
  feedback: z.strictObject({ correct: z.string().min(1).optional(), incorrect: z.string().min(1).optional() }).optional(),
  choices: z
    .array(z.strictObject({ id: SlugSchema, text: z.string().min(1), feedback: z.string().min(1).optional() }))
    .optional(),
  pairs: z.array(z.strictObject({ id: SlugSchema, left: z.string().min(1), right: z.string().min(1) })).optional(),
  items: z.array(z.strictObject({ id: SlugSchema, text: z.string().min(1) })).optional(),
  /** Cloze: the text with the same `{blank}` names as the main text. */
  text: z.string().min(1).optional(),
  blanks: z.record(BlankNameSchema, z.strictObject({ accepted: AcceptedListSchema })).optional(),
  /** Short-text: answers in the translation's language (the main language's stay accepted too). */
  accepted: AcceptedListSchema.optional(),
  unit: z.string().min(1).max(20).optional(),
});
export type QuestionTranslation = z.infer<typeof QuestionTranslationSchema>;

/** `translations/<lang>/quizzes/<same name>.yaml`. */
export const QuizTranslationSchema = z.strictObject({
  title: z.string().min(1).optional(),
  questions: z.array(QuestionTranslationSchema).default([]),
});
export type QuizTranslation = z.infer<typeof QuizTranslationSchema>;

/** `translations/<lang>/exercises/<same name>.yaml`. */
export const ExerciseTranslationSchema = z.strictObject({
  prompt: z.string().min(1).optional(),
  hint: z.string().optional(),
  explanation: z.string().optional(),
  unit: z.string().max(40).optional(),
  /**
   * SQL exercises whose tables the translation has in its own `data/` folder (values in this
   * language): the reference query and starting query naming those values. Left out, the main
   * language's are used.
   */
  starterQuery: z.string().optional(),
  solution: z.string().min(1).optional(),
  /** Process exercises: each English element name of the rules and starting diagram, and its label here. */
  names: z.record(z.string().min(1), z.string().min(1)).optional(),
});
export type ExerciseTranslation = z.infer<typeof ExerciseTranslationSchema>;

/** A translated lesson's frontmatter: `minutes` may be left out (the main lesson's is used). */
export const LessonTranslationFrontmatterSchema = z.strictObject({
  title: z.string().min(1),
  minutes: z.number().int().nonnegative().optional(),
  objectives: z.array(z.union([z.string(), z.strictObject({ id: SlugSchema, text: z.string().min(1) })])).default([]),
});
