import { z } from 'zod';
import { SlugSchema } from '../contract/channels.js';

/**
 * `assesses: [objective-id, ...]` on a quiz question or an exercise: the lesson objectives it
 * tests. Only `course check` reads it (check-objectives.ts); the app ignores it.
 */
export const AssessesSchema = z.array(SlugSchema).min(1).max(20).optional();
