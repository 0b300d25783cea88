/**
 * What a learner must do to complete a course (course.yaml `completion`), whether they have done
 * it, and the course's `certificate` settings. The certificates feature builds on
 * `evaluateMastery`: a plain function of the database, the learner and the loaded course.
 */
import { z } from 'zod';
import { SlugSchema } from '../contract/channels.js';
import type { Db } from '../db/open-database.js';
import { readLessonRecords } from '../db/progress.js';
import { readFirstPasses } from '../db/quiz-attempts.js';
import type { LoadedCourse } from './load-course.js';

export const COMPLETION_RULES = ['all-quizzes', 'some-quizzes', 'final-assessment'] as const;

export const CompletionRuleSchema = z
  .strictObject({
    rule: z.enum(COMPLETION_RULES),
    /** For final-assessment: the quiz that decides. */
    quiz: SlugSchema.optional(),
    /** For some-quizzes: how many quizzes must be passed. */
    count: z.number().int().positive().optional(),
    /** Also every lesson opened at least once. */
    lessonsVisited: z.boolean().default(true),
  })
  .superRefine((completion, context) => {
    if (completion.rule === 'final-assessment' && !completion.quiz) {
      context.addIssue({ code: 'custom', path: ['quiz'], message: 'final-assessment needs the id of the quiz that decides' });
    }
    if (completion.rule === 'some-quizzes' && completion.count === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['count'],
        message: 'some-quizzes needs a count: how many quizzes must be passed',
      });
    }
    if (completion.rule !== 'final-assessment' && completion.quiz !== undefined) {
      context.addIssue({ code: 'custom', path: ['quiz'], message: 'is only used with rule: final-assessment' });
    }
    if (completion.rule !== 'some-quizzes' && completion.count !== undefined) {
      context.addIssue({ code: 'custom', path: ['count'], message: 'is only used with rule: some-quizzes' });
    }
  })
  // A course without a `completion` block is complete when every quiz is passed and every lesson seen.
  .default({ rule: 'all-quizzes', lessonsVisited: true });
export type CompletionRule = z.infer<typeof CompletionRuleSchema>;

export const CertificateSettingsSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    /** Study time printed on the certificate; absent: from the course's estimatedMinutes. */
    hours: z.number().positive().max(1000).optional(),
  })
  .optional();
export type CertificateSettings = z.infer<typeof CertificateSettingsSchema>;

/**
 * Problems in a completion rule that only show with the course's quizzes at hand: a quiz that
 * does not exist, a count larger than the number of quizzes. Empty when the rule can be met.
 */
export function completionRuleProblems(rule: CompletionRule, quizIds: readonly string[]): string[] {
  if (rule.rule === 'final-assessment' && rule.quiz && !quizIds.includes(rule.quiz)) {
    return [`completion.quiz: there is no quiz "${rule.quiz}" in quizzes/`];
  }
  if (rule.rule === 'some-quizzes' && rule.count !== undefined && rule.count > quizIds.length) {
    return [`completion.count: ${rule.count} quizzes must be passed, but the course has ${quizIds.length}`];
  }
  return [];
}

export interface QuizMastery {
  quizId: string;
  title: string;
  /** Counts towards the rule (all quizzes for all-quizzes and some-quizzes; only the final one otherwise). */
  required: boolean;
  passed: boolean;
  passedAt: string | null;
}

export interface CourseMastery {
  courseId: string;
  rule: CompletionRule;
  mastered: boolean;
  /** When the rule was first met (the last requirement fulfilled), or null. */
  masteredAt: string | null;
  lessonsVisited: number;
  lessonsCompleted: number;
  lessonCount: number;
  quizzes: QuizMastery[];
  /** Quizzes that must be passed, and how many of those are. */
  quizzesRequired: number;
  quizzesPassed: number;
  /** Share of the steps done: lessons completed plus required quizzes passed (100 once mastered). */
  percentComplete: number;
}

function latest(times: (string | null | undefined)[]): string | null {
  let result: string | null = null;
  for (const time of times) if (time && (result === null || time > result)) result = time;
  return result;
}

/** Whether a learner has completed a course by its rule, and how far they are. Reads only. */
export function evaluateMastery(db: Db, learnerId: string, course: LoadedCourse): CourseMastery {
  const rule = course.manifest.completion;
  const courseId = course.manifest.id;
  const lessonRecords = readLessonRecords(db, learnerId, courseId);
  const lessons = course.lessons.map((lesson) => lessonRecords.get(lesson.id));
  const lessonsVisited = lessons.filter((record) => record !== undefined).length;
  const lessonsCompleted = lessons.filter((record) => record?.status === 'completed').length;

  const passes = new Map(readFirstPasses(db, learnerId, courseId).map((pass) => [pass.quizId, pass.passedAt]));
  const quizzes: QuizMastery[] = [...course.quizzes.values()].map((quiz) => ({
    quizId: quiz.id,
    title: quiz.title,
    required: rule.rule === 'final-assessment' ? quiz.id === rule.quiz : true,
    passed: passes.has(quiz.id),
    passedAt: passes.get(quiz.id) ?? null,
  }));
  const required = quizzes.filter((quiz) => quiz.required);
  const quizzesRequired = rule.rule === 'some-quizzes' ? Math.min(rule.count ?? 0, required.length) : required.length;
  const passedTimes = required.flatMap((quiz) => (quiz.passedAt ? [quiz.passedAt] : [])).sort();
  const quizzesPassed = Math.min(passedTimes.length, quizzesRequired);
  // Meeting the rule happened when the last required quiz pass came (the count-th, for some-quizzes)...
  const quizzesMet = quizzesPassed >= quizzesRequired;
  const quizzesMetAt = quizzesRequired === 0 ? null : (passedTimes[quizzesRequired - 1] ?? null);
  // ...or when the last lesson was first opened, if that was later.
  const lessonsMet = !rule.lessonsVisited || lessonsVisited === course.lessons.length;
  const lessonsMetAt = rule.lessonsVisited ? latest(lessons.map((record) => record?.firstOpenedAt)) : null;
  const mastered = quizzesMet && lessonsMet && (quizzesRequired > 0 || rule.lessonsVisited);
  const steps = course.lessons.length + quizzesRequired;
  const done = lessonsCompleted + quizzesPassed;

  return {
    courseId,
    rule,
    mastered,
    masteredAt: mastered ? latest([quizzesMetAt, lessonsMetAt]) : null,
    lessonsVisited,
    lessonsCompleted,
    lessonCount: course.lessons.length,
    quizzes,
    quizzesRequired,
    quizzesPassed,
    percentComplete: mastered ? 100 : Math.min(99, Math.floor((done / Math.max(1, steps)) * 100)),
  };
}
