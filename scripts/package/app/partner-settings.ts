import { z } from 'zod';
import type { Branding } from '../../../electron/contract/app-channels.js';
import { LanguageSchema } from '../../../electron/contract/common.js';
import { PackSignerSchema } from '../../../electron/courses/pack/pack-format.js';

/** Where a branded package keeps its partner's settings and files, inside `app/`. */
export const PARTNER_FOLDER = 'partner';
export const PARTNER_SETTINGS_FILE = 'partner.json';

/**
 * What a branded package carries about its partner, written when the package is built from the
 * checked partner file (scripts/package/partner-file.ts). File names are relative to the partner
 * folder. `id` changes whenever any of it does, so a data folder applies each version once.
 */
export const PartnerSettingsSchema = z.object({
  id: z.string(),
  organisation: z.object({ name: z.string(), logo: z.string().nullable() }),
  accentColour: z.string().nullable(),
  windowTitle: z.string().nullable(),
  defaultLanguage: LanguageSchema.nullable(),
  coursePacks: z.array(z.string()),
  trustedSigners: z.array(PackSignerSchema),
  certificateIssuer: z.object({ name: z.string(), url: z.string().nullable(), keyFile: z.string().nullable() }).nullable(),
  lrs: z
    .object({ endpoint: z.string(), key: z.string(), secret: z.string(), iriBase: z.string().optional() })
    .nullable()
    .default(null),
});
export type PartnerSettings = z.infer<typeof PartnerSettingsSchema>;

/** What the interface shows of a partner: from a packaged Aula's settings or a partner file itself. */
export function partnerBranding(partner: { accentColour?: string | null; windowTitle?: string | null }): Branding {
  return {
    windowTitle: partner.windowTitle ?? null,
    accentColour: partner.accentColour ?? null,
  };
}
