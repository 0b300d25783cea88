import { z } from 'zod';
import { SlugSchema } from '../contract/channels.js';
import { CertificateSettingsSchema, CompletionRuleSchema } from './completion-rule.js';
import { CourseLanguageSchema } from './translations/translation-schemas.js';

/** `course.yaml`: what a trainer writes at the top of a course folder (docs/course-format.md). */
export const CourseManifestSchema = z
  .object({
    id: SlugSchema,
    version: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, 'must be a semantic version such as 1.0.0'),
    title: z.string().min(1),
    summary: z.string().default(''),
    language: z.string().min(2).max(10),
    authors: z.array(z.object({ name: z.string().min(1), organisation: z.string().optional() })).default([]),
    organisation: z.string().optional(),
    license: z.string().optional(),
    level: z.enum(['beginner', 'intermediate', 'advanced']).optional(),
    tags: z.array(z.string()).default([]),
    estimatedMinutes: z.number().int().nonnegative().default(0),
    /** An image in assets/ shown on the course's card and page (SVG, PNG, JPEG or WebP). */
    cover: z
      .string()
      .regex(/^assets\/[^/\\]+\.(?:svg|png|jpe?g|webp)$/i, 'must be an image file in assets/, such as assets/cover.svg')
      .optional(),
    /** The course a new learner is invited to start with ("Start here"). */
    introductory: z.boolean().default(false),
    lessons: z
      .array(
        z.object({
          id: SlugSchema,
          file: z.string().regex(/^lessons\/[^/\\]+\.mdx$/, 'must be a file in lessons/, ending in .mdx'),
        }),
      )
      .min(1),
    completion: CompletionRuleSchema,
    certificate: CertificateSettingsSchema,
    /** The languages the course is translated into, each in `translations/<lang>/` (docs/course-format.md). */
    translations: z
      .array(CourseLanguageSchema)
      .default([])
      .refine((languages) => new Set(languages).size === languages.length, { message: 'lists a language twice' }),
  })
  .refine((manifest) => !manifest.translations.includes(manifest.language), {
    message: 'must not list the main language (language:) as a translation',
    path: ['translations'],
  });
export type CourseManifest = z.infer<typeof CourseManifestSchema>;

/**
 * A learning objective: plain text, or text with an id that quiz questions and exercises name in
 * their `assesses:` list (docs/course-format.md, "Linking questions to objectives").
 */
export const LessonObjectiveSchema = z.union([z.string(), z.strictObject({ id: SlugSchema, text: z.string().min(1) })]);
export type LessonObjective = z.infer<typeof LessonObjectiveSchema>;

export function objectiveText(objective: LessonObjective): string {
  return typeof objective === 'string' ? objective : objective.text;
}

/** Frontmatter at the top of each lesson's MDX file. */
export const LessonFrontmatterSchema = z.object({
  title: z.string().min(1),
  minutes: z.number().int().nonnegative().default(0),
  // The app shows only the text; ids matter to `course check` alone (check-objectives.ts).
  objectives: z
    .array(LessonObjectiveSchema)
    .default([])
    .transform((objectives) => objectives.map(objectiveText)),
});
export type LessonFrontmatter = z.infer<typeof LessonFrontmatterSchema>;
