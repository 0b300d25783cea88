import { z } from 'zod';
import { CourseArgs, LearnerArgs, LessonArgs, SlugSchema, type ChannelSpec } from './common.js';
import { PublicQuizSchema } from './quiz-channels.js';

export const LessonStatusSchema = z.enum(['not-started', 'in-progress', 'completed']);
export type LessonStatus = z.infer<typeof LessonStatusSchema>;

export const LessonSummarySchema = z.object({
  id: SlugSchema,
  title: z.string(),
  minutes: z.number().int().nonnegative(),
  status: LessonStatusSchema,
  /** Done by the course's progress rules: marked complete, or all its quizzes, exercises and canvases done. */
  done: z.boolean(),
  /** What the learner will be able to do after it (its frontmatter `objectives`). */
  objectives: z.array(z.string()),
  /** How many quizzes, exercises and canvases it shows, for the resource icons. */
  quizCount: z.number().int().nonnegative(),
  exerciseCount: z.number().int().nonnegative(),
  canvasCount: z.number().int().nonnegative(),
});
export type LessonSummary = z.infer<typeof LessonSummarySchema>;

export const CourseSummarySchema = z.object({
  id: SlugSchema,
  version: z.string(),
  title: z.string(),
  summary: z.string(),
  /** The language the title, summary and lessons above are in (course-language.ts decides). */
  language: z.string(),
  /** The course's main language, and every language it can be read in (main first). */
  mainLanguage: z.string(),
  languages: z.array(z.string()).min(1),
  estimatedMinutes: z.number().int().nonnegative(),
  lessons: z.array(LessonSummarySchema),
  /** Installed from a pack (so it can be uninstalled), and who signed that pack. */
  installedFromPack: z.boolean(),
  signedBy: z.string().nullable(),
  /** Whole-number share of the course's steps done: lessons completed and required quizzes passed. */
  percentComplete: z.number().int().min(0).max(100),
  /** The learner meets the course's completion rule (course.yaml `completion`). */
  mastered: z.boolean(),
  timeSpentSeconds: z.number().int().nonnegative(),
  /** The lesson the learner opened last, to resume at; null before they start. */
  resumeLessonId: SlugSchema.nullable(),
  /** URL of the course's cover image, or null. */
  cover: z.string().nullable(),
  /** The course a new learner is invited to start with. */
  introductory: z.boolean(),
  /** The steps behind percentComplete. */
  progress: z.object({
    lessonsDone: z.number().int().nonnegative(),
    lessonCount: z.number().int().nonnegative(),
    quizzesPassed: z.number().int().nonnegative(),
    quizzesRequired: z.number().int().nonnegative(),
    exercisesSolved: z.number().int().nonnegative(),
    exerciseCount: z.number().int().nonnegative(),
    canvasesSaved: z.number().int().nonnegative(),
    canvasCount: z.number().int().nonnegative(),
  }),
  /** What completing the course (and so the certificate) needs, and how far the learner is. */
  requirements: z.object({
    certificate: z.boolean(),
    /** Every lesson must be opened at least once; how many still are not. */
    lessonsToOpen: z.array(z.object({ id: SlugSchema, title: z.string() })).nullable(),
    /** Quizzes that count, and whether each is passed. */
    quizzes: z.array(z.object({ id: SlugSchema, title: z.string(), passed: z.boolean() })),
    /** How many of those must be passed (fewer than all for the some-quizzes rule). */
    quizzesNeeded: z.number().int().nonnegative(),
  }),
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
  /** The language the lesson is shown in, and the course's languages (main first). */
  language: z.string(),
  languages: z.array(z.string()).min(1),
  /** App-origin URL prefix under which the course's `assets/` folder is served (a translation's first). */
  assetBaseUrl: z.string(),
  /** App-origin URL prefix under which the course's `data/` folder (CSV files) is served. */
  dataBaseUrl: z.string(),
  status: LessonStatusSchema,
  /** Where the learner was in this lesson (0 = top, 1 = bottom), to scroll back to it. */
  scrollFraction: z.number().min(0).max(1),
  timeSpentSeconds: z.number().int().nonnegative(),
  previousLessonId: SlugSchema.nullable(),
  nextLessonId: SlugSchema.nullable(),
  /**
   * The quizzes the lesson shows, as `quiz.get` would answer for them now: sent with the lesson so
   * that it shows complete after one call. Later changes go through the quiz channels.
   */
  quizzes: z.array(PublicQuizSchema),
});
export type OpenedLesson = z.infer<typeof OpenedLessonSchema>;

export const LessonProgressSchema = z.object({
  courseId: SlugSchema,
  lessonId: SlugSchema,
  status: LessonStatusSchema,
  updatedAt: z.string(),
});

export const courseChannels = {
  'catalog.list': { args: LearnerArgs, result: z.array(CourseSummarySchema) },
  'lesson.open': { args: LessonArgs, result: OpenedLessonSchema },
  'lesson.complete': { args: LessonArgs, result: LessonProgressSchema },
  /**
   * Reads a course in another of its languages from now on (remembered for this learner and
   * course). A language the course does not have is not kept: the result says which one is used.
   */
  'course.setLanguage': {
    args: CourseArgs.extend({ language: z.string().min(2).max(20) }).strict(),
    result: z.object({ courseId: SlugSchema, language: z.string() }),
  },
} as const satisfies Record<string, ChannelSpec>;
