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

/** Where a lesson stands in its course for the learner (electron/courses/lesson-standing.ts). */
export const LessonStandingSchema = z.object({
  /** Done by the course's rule: read to the end with its work done, or marked complete when it has no work. */
  done: z.boolean(),
  /**
   * How it gets done: `work` for a lesson with a quiz, exercise or canvas (done once the learner has
   * read it to the end and passed, solved or saved all of them; no button), `button` for a lesson with none.
   */
  completesBy: z.enum(['work', 'button']),
  /** The learner has had the end of the lesson on screen (a lesson with work completes only then). */
  reachedEnd: z.boolean(),
  lessonsDone: z.number().int().nonnegative(),
  lessonCount: z.number().int().nonnegative(),
  percentComplete: z.number().int().min(0).max(100),
  /** The learner meets the course's completion rule. */
  courseMastered: z.boolean(),
  /** The course offers a certificate. */
  certificate: z.boolean(),
  /** Once the course is complete: the next course not completed yet, to suggest. */
  nextCourse: z.object({ id: SlugSchema, title: z.string() }).nullable(),
});
export type LessonStanding = z.infer<typeof LessonStandingSchema>;

const NeighbourLessonSchema = z.object({ id: SlugSchema, title: z.string() }).nullable();

export const OpenedLessonSchema = z.object({
  courseId: SlugSchema,
  lessonId: SlugSchema,
  title: z.string(),
  courseTitle: z.string(),
  /** 1 for the course's first lesson. */
  lessonNumber: z.number().int().positive(),
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
  previousLesson: NeighbourLessonSchema,
  nextLesson: NeighbourLessonSchema,
  standing: LessonStandingSchema,
  /**
   * The quizzes the lesson shows, as `quiz.get` would answer for them now: sent with the lesson so
   * that it shows complete after one call. Later changes go through the quiz channels.
   */
  quizzes: z.array(PublicQuizSchema),
  /** The exercises and canvases the lesson shows: the page lets its frame reach only these. */
  exerciseIds: z.array(SlugSchema),
  canvasIds: z.array(SlugSchema),
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
  /** The lesson's standing now: the page asks again after the lesson's quizzes or exercises changed. */
  'lesson.standing': { args: LessonArgs, result: LessonStandingSchema },
  /**
   * The end of an opened lesson has been on screen (the lesson frame says so; the page adds the
   * session and its own lesson). Recorded once for the session's learner; returns the new standing,
   * since reading to the end can complete a lesson whose work is done.
   */
  'lesson.reachedEnd': { args: LessonArgs, result: LessonStandingSchema },
} as const satisfies Record<string, ChannelSpec>;
