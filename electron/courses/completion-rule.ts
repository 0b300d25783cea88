/**
 * What a learner must do to complete a course (course.yaml `completion`) and the course's
 * `certificate` settings: the course format only. Whether a learner has done it is
 * course-mastery.ts, which reads the database; reading a course never needs that.
 */
import { z } from 'zod';
import { SlugSchema } from '../contract/channels.js';

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
