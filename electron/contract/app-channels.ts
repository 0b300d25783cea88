import { z } from 'zod';
import { LanguageSchema, NoArgs, type ChannelSpec } from './common.js';

export const appChannels = {
  'app.info': {
    args: NoArgs,
    result: z.object({
      version: z.string(),
      language: LanguageSchema,
      languages: z.array(LanguageSchema),
      /** Pages reload when course files change (`course preview`): listen on /events. */
      liveReload: z.boolean(),
    }),
  },
  'settings.setLanguage': {
    args: z.object({ language: LanguageSchema }).strict(),
    result: z.object({ language: LanguageSchema }),
  },
} as const satisfies Record<string, ChannelSpec>;
