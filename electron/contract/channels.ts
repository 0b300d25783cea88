/**
 * The contract between the renderer and the core: every channel, with runtime schemas for its
 * arguments and its result. The Electron main process, the preload, the loopback server and the
 * renderer all import this one registry, so no side keeps a hand-written copy in sync.
 *
 * This module must stay free of Node and DOM imports: it is bundled into the renderer and the
 * sandboxed preload as well as the Node side.
 */
import { z } from 'zod';

export const SUPPORTED_LANGUAGES = ['en', 'ca'] as const;
export const LanguageSchema = z.enum(SUPPORTED_LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** Ids of courses, lessons, quizzes and questions: short, lower-case, safe in paths and URLs. */
export const SlugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens');

/** Learner ids are UUIDs so that records can later be merged between PCs without clashes. */
export const LearnerIdSchema = z.uuid();

export const LessonStatusSchema = z.enum(['not-started', 'in-progress', 'completed']);
export type LessonStatus = z.infer<typeof LessonStatusSchema>;

export const LearnerSchema = z.object({
  id: LearnerIdSchema,
  displayName: z.string(),
  language: LanguageSchema,
  createdAt: z.string(),
});
export type Learner = z.infer<typeof LearnerSchema>;

export const LessonSummarySchema = z.object({
  id: SlugSchema,
  title: z.string(),
  minutes: z.number().int().nonnegative(),
  status: LessonStatusSchema,
});
export type LessonSummary = z.infer<typeof LessonSummarySchema>;

export const CourseSummarySchema = z.object({
  id: SlugSchema,
  version: z.string(),
  title: z.string(),
  summary: z.string(),
  language: z.string(),
  estimatedMinutes: z.number().int().nonnegative(),
  lessons: z.array(LessonSummarySchema),
  /** Whole-number percentage of lessons completed by the learner. */
  percentComplete: z.number().int().min(0).max(100),
});
export type CourseSummary = z.infer<typeof CourseSummarySchema>;

export const OpenedLessonSchema = z.object({
  courseId: SlugSchema,
  lessonId: SlugSchema,
  title: z.string(),
  minutes: z.number().int().nonnegative(),
  objectives: z.array(z.string()),
  /** App-origin URL of the compiled ES module whose default export renders the lesson. */
  moduleUrl: z.string(),
  /** App-origin URL prefix under which the course's `assets/` folder is served. */
  assetBaseUrl: z.string(),
  status: LessonStatusSchema,
  previousLessonId: SlugSchema.nullable(),
  nextLessonId: SlugSchema.nullable(),
});
export type OpenedLesson = z.infer<typeof OpenedLessonSchema>;

export const LessonProgressSchema = z.object({
  courseId: SlugSchema,
  lessonId: SlugSchema,
  status: LessonStatusSchema,
  updatedAt: z.string(),
});

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

const NoArgs = z.object({}).strict();
const LearnerArgs = z.object({ learnerId: LearnerIdSchema }).strict();
const CourseArgs = LearnerArgs.extend({ courseId: SlugSchema }).strict();
const LessonArgs = CourseArgs.extend({ lessonId: SlugSchema }).strict();
const QuizArgs = CourseArgs.extend({ quizId: SlugSchema }).strict();

/** The registry: one entry per channel. Add a channel here and every shell gets it. */
export const channels = {
  'app.info': {
    args: NoArgs,
    result: z.object({
      version: z.string(),
      language: LanguageSchema,
      languages: z.array(LanguageSchema),
    }),
  },
  'settings.setLanguage': {
    args: z.object({ language: LanguageSchema }).strict(),
    result: z.object({ language: LanguageSchema }),
  },
  'learners.list': { args: NoArgs, result: z.array(LearnerSchema) },
  'catalog.list': { args: LearnerArgs, result: z.array(CourseSummarySchema) },
  'lesson.open': { args: LessonArgs, result: OpenedLessonSchema },
  'lesson.complete': { args: LessonArgs, result: LessonProgressSchema },
  'quiz.get': { args: QuizArgs, result: PublicQuizSchema },
  'quiz.submitAnswer': {
    args: QuizArgs.extend({ questionId: SlugSchema, answer: AnswerSchema }).strict(),
    result: GradedAnswerSchema,
  },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelArgs<C extends ChannelName> = z.infer<Channels[C]['args']>;
export type ChannelResult<C extends ChannelName> = z.infer<Channels[C]['result']>;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

/** Errors a channel call may end in; `message` is written for a person to act on. */
export const ApiErrorCodeSchema = z.enum([
  'invalid-arguments',
  'unknown-channel',
  'not-found',
  'conflict',
  'forbidden',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

export const ApiErrorSchema = z.object({
  code: ApiErrorCodeSchema,
  message: z.string(),
  details: z.array(z.string()).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** Every call, in either shell, resolves to this envelope rather than throwing across the boundary. */
export type ApiResponse<T> = { ok: true; result: T } | { ok: false; error: ApiError };

/** What the renderer programs against; both shells' clients implement it. */
export type LearnApi = {
  [C in ChannelName]: (args: ChannelArgs<C>) => Promise<ChannelResult<C>>;
};
