/**
 * The postMessage protocol between a lesson, running in its sandboxed frame (opaque origin, no
 * network), and the page around it. The lesson can only ask; the page checks every message against
 * these schemas and against the lesson it opened (course, quizzes) before calling the core with
 * the session, which the frame never sees. Zod only, like the rest of the contract.
 */
import { z } from 'zod';
import { SlugSchema } from './common.js';
import { exerciseChannels } from './exercise-channels.js';
import {
  LESSON_FRAME_CHANNELS,
  MAX_LESSON_SECTIONS,
  type FrameMessage,
  type LessonFrameChannel,
} from './lesson-frame-messages.js';
import { quizChannels } from './quiz-channels.js';

export * from './lesson-frame-messages.js';

const frameChannelSpecs = { ...quizChannels, ...exerciseChannels };

/** A channel's arguments as the frame sends them: everything but the session, which the page adds. */
function frameArgs(channel: LessonFrameChannel): z.ZodObject {
  return (frameChannelSpecs[channel].args as z.ZodObject).omit({ session: true });
}

const callSchemas = LESSON_FRAME_CHANNELS.map((channel) =>
  z
    .object({
      kind: z.literal('call'),
      id: z.number().int().nonnegative(),
      channel: z.literal(channel),
      args: frameArgs(channel),
    })
    .strict(),
) as unknown as [z.ZodObject, z.ZodObject, ...z.ZodObject[]];

/** Web addresses a lesson may open, outside Aula (they need internet). */
export const ExternalUrlSchema = z
  .string()
  .max(2000)
  .refine((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'only http and https links open outside Aula');

/** A file of the lesson's own course, as the path under its `assets/` or `data/` folder. */
export const CourseFileSchema = z
  .object({
    folder: z.enum(['assets', 'data']),
    path: z
      .string()
      .min(1)
      .max(300)
      .regex(/^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._ -]+(?:\/[A-Za-z0-9._ -]+)*$/, 'a plain relative path'),
  })
  .strict();

/** Every message a frame may send; anything else is refused. Its data is a `FrameMessage`. */
export const FrameMessageSchema = z.union([
  /** The frame has started and waits for its lesson. */
  z.object({ kind: z.literal('ready') }).strict(),
  /** The frame has put away its previous lesson and starts this one: the page reads its messages from now on. */
  z.object({ kind: z.literal('started'), lessonId: SlugSchema }).strict(),
  /** The lesson has rendered (the page may scroll back to where the learner was). */
  z.object({ kind: z.literal('rendered') }).strict(),
  /** The lesson's height in CSS pixels: the page sizes the frame, and scrolls it with itself. */
  z.object({ kind: z.literal('height'), height: z.number().finite().min(0).max(1_000_000) }).strict(),
  /** The lesson's h2 headings and where each starts, for the outline the page shows. */
  z
    .object({
      kind: z.literal('sections'),
      sections: z
        .array(z.object({ title: z.string().max(300), top: z.number().finite().min(0).max(1_000_000) }).strict())
        .max(MAX_LESSON_SECTIONS),
    })
    .strict(),
  z.object({ kind: z.literal('open-link'), url: ExternalUrlSchema }).strict(),
  z.object({ kind: z.literal('download'), file: CourseFileSchema }).strict(),
  z.object({ kind: z.literal('next-lesson') }).strict(),
  /** The lesson's end has been on screen. No ids: the page records it for the lesson it opened, and no other. */
  z.object({ kind: z.literal('reached-end') }).strict(),
  z.object({ kind: z.literal('render-error'), message: z.string().max(2000) }).strict(),
  ...callSchemas,
]);
/** Checks a message from a frame: the message, or null when it is not one of the protocol's. */
export function parseFrameMessage(data: unknown): FrameMessage | null {
  const parsed = FrameMessageSchema.safeParse(data);
  return parsed.success ? (parsed.data as FrameMessage) : null;
}
