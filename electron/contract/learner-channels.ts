import { z } from 'zod';
import { LanguageSchema, LearnerIdSchema, LearnerSessionSchema, NoArgs, type ChannelSpec } from './common.js';

export const LearnerSchema = z.object({
  id: LearnerIdSchema,
  displayName: z.string(),
  language: LanguageSchema,
  createdAt: z.string(),
});
export type Learner = z.infer<typeof LearnerSchema>;

export const learnerChannels = {
  'learners.list': { args: NoArgs, result: z.array(LearnerSchema) },
  /** Opens a profile for this launch; the session it returns is what learner-scoped channels take. */
  'learners.open': {
    args: z.object({ learnerId: LearnerIdSchema }).strict(),
    result: z.object({ session: LearnerSessionSchema, learner: LearnerSchema }),
  },
} as const satisfies Record<string, ChannelSpec>;
