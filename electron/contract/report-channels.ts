import { z } from 'zod';
import { LanguageSchema, LearnerArgs, LearnerIdSchema, SlugSchema, type ChannelSpec } from './common.js';

/**
 * Reports on this PC and groups of learners: a manager's view of everyone's work. Every channel
 * takes the session of a manager's profile; the core checks the role on each call.
 */

export const GroupIdSchema = z.uuid();

/** A day as YYYY-MM-DD; a range covers whole days in UTC, both ends included. */
const DaySchema = z.iso.date();

export const ReportFiltersSchema = z
  .object({
    courseId: SlugSchema,
    /** Only the learners of this group. */
    groupId: GroupIdSchema.optional(),
    /** Only work started on or after this day. */
    from: DaySchema.optional(),
    /** Only work started on or before this day. */
    to: DaySchema.optional(),
  })
  .strict();
export type ReportFilters = z.infer<typeof ReportFiltersSchema>;

export const ReportColumnSchema = z.object({
  kind: z.enum(['lesson', 'quiz']),
  id: SlugSchema,
  title: z.string(),
});
export type ReportColumn = z.infer<typeof ReportColumnSchema>;

export const ReportCellStatusSchema = z.enum(['not-started', 'in-progress', 'completed', 'passed', 'failed']);
export type ReportCellStatus = z.infer<typeof ReportCellStatusSchema>;

/** One learner's work on one lesson or quiz. */
export const ReportCellSchema = z.object({
  status: ReportCellStatusSchema,
  /** Quizzes: the best finished attempt, in percent of its points (0-100). */
  bestScorePercent: z.number().nullable(),
  /** Quizzes: attempts started (finished or not). Lessons: null. */
  attempts: z.number().int().nullable(),
  /** Lessons: active reading time. Quizzes: from start to finish of the finished attempts. */
  timeSpentSeconds: z.number().int(),
  lastActivityAt: z.string().nullable(),
});
export type ReportCell = z.infer<typeof ReportCellSchema>;

export const ReportRowSchema = z.object({
  learnerId: LearnerIdSchema,
  displayName: z.string(),
  /** The PC's name for a learner imported with a progress file; null for this PC's own profiles. */
  fromPc: z.string().nullable(),
  /** One cell per column, in the order of `columns`. */
  cells: z.array(ReportCellSchema),
  timeSpentSeconds: z.number().int(),
  lastActivityAt: z.string().nullable(),
});
export type ReportRow = z.infer<typeof ReportRowSchema>;

export const CourseReportSchema = z.object({
  courseId: SlugSchema,
  courseTitle: z.string(),
  columns: z.array(ReportColumnSchema),
  rows: z.array(ReportRowSchema),
});
export type CourseReport = z.infer<typeof CourseReportSchema>;

export const WrongAnswerSchema = z.object({ answer: z.string(), count: z.number().int() });

export const QuestionAnalysisSchema = z.object({
  questionId: SlugSchema,
  prompt: z.string(),
  /** Answers counted: the last answer to the question in each finished attempt. */
  answers: z.number().int(),
  /** Share of those answers that were right, 0-1 (null with no answers). */
  shareCorrect: z.number().nullable(),
  /** Learners whose latest answer to this question is wrong, as a share of those who answered, 0-1. */
  learnersFailingShare: z.number().nullable(),
  /** The most common wrong answers, most frequent first (at most three). */
  commonWrongAnswers: z.array(WrongAnswerSchema),
});
export type QuestionAnalysis = z.infer<typeof QuestionAnalysisSchema>;

export const QuizAnalysisSchema = z.object({
  courseId: SlugSchema,
  quizId: SlugSchema,
  quizTitle: z.string(),
  /** Learners with at least one finished attempt. */
  learners: z.number().int(),
  finishedAttempts: z.number().int(),
  /** Finished attempts per learner who finished one (null with none). */
  averageAttempts: z.number().nullable(),
  questions: z.array(QuestionAnalysisSchema),
  /** Questions most learners fail (more than half of those who answered), hardest first. */
  mostFailed: z.array(SlugSchema),
});
export type QuizAnalysis = z.infer<typeof QuizAnalysisSchema>;

export const HistoryEventSchema = z.object({
  at: z.string(),
  courseId: SlugSchema,
  kind: z.enum(['lesson-opened', 'lesson-completed', 'quiz-started', 'quiz-finished', 'exercise-submitted', 'certificate']),
  /** The lesson, quiz or exercise id (the certificate's course id for certificates). */
  itemId: z.string(),
  itemTitle: z.string(),
  scorePercent: z.number().nullable(),
  /** Passed (quizzes), right (exercises); null where it does not apply. */
  success: z.boolean().nullable(),
  timeSpentSeconds: z.number().int().nullable(),
});
export type HistoryEvent = z.infer<typeof HistoryEventSchema>;

export const LearnerHistorySchema = z.object({
  learnerId: LearnerIdSchema,
  displayName: z.string(),
  /** As in the course table: where an imported learner came from. */
  fromPc: z.string().nullable(),
  groups: z.array(z.string()),
  /** Newest first; at most `HISTORY_LIMIT` events. */
  events: z.array(HistoryEventSchema),
});
export type LearnerHistory = z.infer<typeof LearnerHistorySchema>;
export const HISTORY_LIMIT = 1000;

export const REPORT_FORMATS = ['csv', 'xlsx'] as const;
export const ExportedReportSchema = z.object({
  fileName: z.string(),
  mediaType: z.enum(['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']),
  base64: z.string(),
});
export type ExportedReport = z.infer<typeof ExportedReportSchema>;

export const LearnerGroupSchema = z.object({
  id: GroupIdSchema,
  name: z.string(),
  memberIds: z.array(LearnerIdSchema),
});
export type LearnerGroup = z.infer<typeof LearnerGroupSchema>;

/** Someone whose work reports show: a profile of this PC, or a learner imported from another PC. */
export const ReportedLearnerSchema = z.object({
  id: LearnerIdSchema,
  displayName: z.string(),
  /** The PC an imported learner came from; null for this PC's own profiles. */
  fromPc: z.string().nullable(),
});
export type ReportedLearner = z.infer<typeof ReportedLearnerSchema>;

const GroupNameSchema = z.string().trim().min(1).max(120);
const ManagerArgs = LearnerArgs;

/**
 * The language the manager reads the report in (their interface language; their profile's when
 * left out): titles, prompts and answers come from the course's translation into it, when it has one.
 */
const ReaderLanguage = { language: LanguageSchema.optional() };

export const reportChannels = {
  'reports.course': {
    args: ManagerArgs.extend(ReportFiltersSchema.shape).extend(ReaderLanguage).strict(),
    result: CourseReportSchema,
  },
  'reports.quiz': {
    args: ManagerArgs.extend(ReportFiltersSchema.shape)
      .extend({ quizId: SlugSchema, ...ReaderLanguage })
      .strict(),
    result: QuizAnalysisSchema,
  },
  'reports.learner': {
    args: ManagerArgs.extend({ learnerId: LearnerIdSchema, courseId: SlugSchema.optional(), ...ReaderLanguage }).strict(),
    result: LearnerHistorySchema,
  },
  /**
   * The course table as a file, with headers and titles in `language`. `decimalComma` (from the person's
   * locale) writes decimals with a comma and picks `;` as the CSV separator, as spreadsheets there expect.
   */
  'reports.export': {
    args: ManagerArgs.extend(ReportFiltersSchema.shape)
      .extend({ format: z.enum(REPORT_FORMATS), language: LanguageSchema, decimalComma: z.boolean() })
      .strict(),
    result: ExportedReportSchema,
  },
  /**
   * Removes a learner imported from another PC, with all of their records on this PC and their
   * group memberships. This PC's own profiles are refused (`profile.not-found`); they are
   * deleted with `learners.delete`. A later import of a file that holds them brings them back.
   */
  'reports.deleteImportedLearner': {
    args: ManagerArgs.extend({ learnerId: LearnerIdSchema }).strict(),
    result: z.object({ deleted: z.literal(true) }),
  },
  /** Everyone a group can hold: this PC's profiles, then learners imported from other PCs. */
  'reports.learners': { args: ManagerArgs, result: z.array(ReportedLearnerSchema) },
  'groups.list': { args: ManagerArgs, result: z.array(LearnerGroupSchema) },
  'groups.create': { args: ManagerArgs.extend({ name: GroupNameSchema }).strict(), result: LearnerGroupSchema },
  'groups.rename': {
    args: ManagerArgs.extend({ groupId: GroupIdSchema, name: GroupNameSchema }).strict(),
    result: LearnerGroupSchema,
  },
  'groups.delete': { args: ManagerArgs.extend({ groupId: GroupIdSchema }).strict(), result: z.object({ deleted: z.boolean() }) },
  'groups.setMembers': {
    args: ManagerArgs.extend({ groupId: GroupIdSchema, learnerIds: z.array(LearnerIdSchema).max(10_000) }).strict(),
    result: LearnerGroupSchema,
  },
} as const satisfies Record<string, ChannelSpec>;
