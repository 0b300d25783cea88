import { z } from 'zod';
import { LanguageSchema, NoArgs, type ChannelSpec } from './common.js';

export const appChannels = {
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
} as const satisfies Record<string, ChannelSpec>;
