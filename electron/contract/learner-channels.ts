import { z } from 'zod';
import {
  LanguageSchema,
  LearnerArgs,
  LearnerIdSchema,
  LearnerSessionSchema,
  LessonArgs,
  NoArgs,
  SlugSchema,
  type ChannelSpec,
} from './common.js';

/**
 * The name as it should appear on certificates: trimmed, one line, no control characters.
 * Checked here so that a bad name never reaches the core.
 */
export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, 'the name must not be empty')
  .max(80, 'the name must be at most 80 characters')
  // eslint-disable-next-line no-control-regex -- the point is to refuse control characters
  .regex(/^[^\u0000-\u001f\u007f-\u009f]+$/, 'the name must be one line of text');

/** A profile PIN: 4 to 6 digits. Only its salted hash is ever stored. */
export const PinSchema = z.string().regex(/^\d{4,6}$/, 'the PIN must be 4 to 6 digits');

export const LearnerSchema = z.object({
  id: LearnerIdSchema,
  displayName: z.string(),
  language: LanguageSchema,
  createdAt: z.string(),
  /** Whether opening this profile needs a PIN (the PIN itself never leaves the core). */
  hasPin: z.boolean(),
  /** May manage this installation: course packs, trust, developer options and other people's profiles. */
  isManager: z.boolean(),
});
export type Learner = z.infer<typeof LearnerSchema>;

export const OpenedProfileSchema = z.object({ session: LearnerSessionSchema, learner: LearnerSchema });

/** Where a learner left off in a course: the lesson last opened and how far down it they were. */
export const ResumePointSchema = z.object({
  courseId: SlugSchema,
  courseTitle: z.string(),
  lessonId: SlugSchema,
  lessonTitle: z.string(),
  /** 0 = top of the lesson, 1 = bottom. */
  scrollFraction: z.number().min(0).max(1),
  at: z.string(),
});
export type ResumePoint = z.infer<typeof ResumePointSchema>;

export const HomeCourseSchema = z.object({
  courseId: SlugSchema,
  title: z.string(),
  percentComplete: z.number().int().min(0).max(100),
  /** The manifest's completion rule is met. */
  mastered: z.boolean(),
  masteredAt: z.string().nullable(),
  timeSpentSeconds: z.number().int().nonnegative(),
  /** Lessons done (marked complete, or all their work done) out of the course's lessons. */
  lessonsCompleted: z.number().int().nonnegative(),
  lessonCount: z.number().int().nonnegative(),
  resume: ResumePointSchema.nullable(),
});
export type HomeCourse = z.infer<typeof HomeCourseSchema>;

/** One day on which the learner finished a lesson, passed a quiz or did practical work; counts are cumulative. */
export const ProgressDaySchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  lessonsCompleted: z.number().int().nonnegative(),
  quizzesPassed: z.number().int().nonnegative(),
  /** Exercises solved and canvases saved. */
  practicalDone: z.number().int().nonnegative(),
});
export type ProgressDay = z.infer<typeof ProgressDaySchema>;

export const LearnerHomeSchema = z.object({
  learner: LearnerSchema,
  /** The most recent place the learner was reading, in any course. */
  resume: ResumePointSchema.nullable(),
  /** Courses the learner has started (in progress or completed), most recently used first. */
  courses: z.array(HomeCourseSchema),
  timeline: z.array(ProgressDaySchema),
  /**
   * The course to start with, for a learner who has not started any: the one whose manifest says
   * `introductory: true` (else the first installed course). Null once they have started one.
   */
  suggested: z.object({ courseId: SlugSchema, title: z.string(), summary: z.string(), cover: z.string().nullable() }).nullable(),
});
export type LearnerHome = z.infer<typeof LearnerHomeSchema>;

export const learnerChannels = {
  'learners.list': { args: NoArgs, result: z.array(LearnerSchema) },
  'learners.create': {
    args: z.object({ displayName: DisplayNameSchema, language: LanguageSchema, pin: PinSchema.optional() }).strict(),
    result: LearnerSchema,
  },
  /**
   * Opens a profile for this launch; the session it returns is what learner-scoped channels take.
   * A profile with a PIN fails with pin-required, wrong-pin or pin-locked unless `pin` is right.
   */
  'learners.open': {
    args: z.object({ learnerId: LearnerIdSchema, pin: PinSchema.optional() }).strict(),
    result: OpenedProfileSchema,
  },
  /** The learner a session belongs to: lets a reloaded page keep its profile open. */
  'learners.current': { args: LearnerArgs, result: LearnerSchema },
  /** Ends a session ("switch profile"): the token is useless afterwards. */
  'learners.close': { args: LearnerArgs, result: z.object({ closed: z.boolean() }) },
  /**
   * Renames the open profile or changes its language. `learnerId` names another profile, which
   * only a manager's session may change.
   */
  'learners.update': {
    args: LearnerArgs.extend({
      learnerId: LearnerIdSchema.optional(),
      displayName: DisplayNameSchema.optional(),
      language: LanguageSchema.optional(),
    }).strict(),
    result: LearnerSchema,
  },
  /** Sets, changes (`pin`) or removes (`pin: null`) the PIN of the open profile (of `learnerId`: managers only). */
  'learners.setPin': {
    args: LearnerArgs.extend({ learnerId: LearnerIdSchema.optional(), pin: PinSchema.nullable() }).strict(),
    result: LearnerSchema,
  },
  /**
   * Deletes the open profile (or `learnerId`'s: managers only) and all of its progress, and ends
   * every session of it. The last manager of a PC that has other profiles cannot be deleted.
   */
  'learners.delete': {
    args: LearnerArgs.extend({ learnerId: LearnerIdSchema.optional() }).strict(),
    result: z.object({ deleted: z.boolean() }),
  },
  /** A manager makes another profile a manager, or not (the last manager stays one). */
  'learners.setManager': {
    args: LearnerArgs.extend({ learnerId: LearnerIdSchema, manager: z.boolean() }).strict(),
    result: LearnerSchema,
  },
  'progress.home': { args: LearnerArgs, result: LearnerHomeSchema },
  /**
   * Records reading time and scroll position while a lesson is open. The page sends the seconds
   * it was actually visible since its last report, so the core only ever adds a bounded amount.
   */
  'progress.recordReading': {
    args: LessonArgs.extend({
      activeSeconds: z.number().int().min(0).max(600),
      scrollFraction: z.number().min(0).max(1),
    }).strict(),
    result: z.object({ timeSpentSeconds: z.number().int().nonnegative(), scrollFraction: z.number().min(0).max(1) }),
  },
} as const satisfies Record<string, ChannelSpec>;
