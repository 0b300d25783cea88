import { z } from 'zod';
import { SlugSchema } from '../contract/channels.js';
import { CertificateSettingsSchema, CompletionRuleSchema } from './completion-rule.js';

/** `course.yaml`: what a trainer writes at the top of a course folder (docs/course-format.md). */
export const CourseManifestSchema = z.object({
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
});
export type CourseManifest = z.infer<typeof CourseManifestSchema>;

/** Frontmatter at the top of each lesson's MDX file. */
export const LessonFrontmatterSchema = z.object({
  title: z.string().min(1),
  minutes: z.number().int().nonnegative().default(0),
  objectives: z.array(z.string()).default([]),
});
export type LessonFrontmatter = z.infer<typeof LessonFrontmatterSchema>;
