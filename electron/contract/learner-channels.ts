import { z } from 'zod';
import { LanguageSchema, LearnerIdSchema, NoArgs, type ChannelSpec } from './common.js';

export const LearnerSchema = z.object({
  id: LearnerIdSchema,
  displayName: z.string(),
  language: LanguageSchema,
  createdAt: z.string(),
});
export type Learner = z.infer<typeof LearnerSchema>;

export const learnerChannels = {
  'learners.list': { args: NoArgs, result: z.array(LearnerSchema) },
} as const satisfies Record<string, ChannelSpec>;
