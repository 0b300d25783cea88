/**
 * The contract between the renderer and the core: every channel, with runtime schemas for its
 * arguments and its result. The Electron main process, the preload, the loopback server and the
 * renderer all import this one registry, so no side keeps a hand-written copy in sync.
 *
 * Channels are grouped by domain in the neighbouring files; this module joins them. The whole
 * contract stays free of Node and DOM imports: it is bundled into the renderer and the sandboxed
 * preload as well as the Node side.
 */
import type { z } from 'zod';
import { appChannels } from './app-channels.js';
import { certificateChannels } from './certificate-channels.js';
import type { ChannelSpec } from './common.js';
import { courseChannels } from './course-channels.js';
import { exerciseChannels } from './exercise-channels.js';
import { learnerChannels } from './learner-channels.js';
import { lrsChannels } from './lrs-channels.js';
import { packChannels } from './pack-channels.js';
import { progressFileChannels } from './progress-file-channels.js';
import { quizChannels } from './quiz-channels.js';
import { reportChannels } from './report-channels.js';

export * from './app-channels.js';
export * from './certificate-channels.js';
export * from './common.js';
export * from './course-channels.js';
export * from './error-reasons.js';
export * from './exercise-channels.js';
export * from './learner-channels.js';
export * from './lesson-components.js';
export * from './lrs-channels.js';
export * from './pack-channels.js';
export * from './progress-file-channels.js';
export * from './quiz-channels.js';
export * from './report-channels.js';

/** The registry: one entry per channel. Add a channel to its group and every shell gets it. */
export const channels = {
  ...appChannels,
  ...learnerChannels,
  ...courseChannels,
  ...packChannels,
  ...quizChannels,
  ...exerciseChannels,
  ...certificateChannels,
  ...reportChannels,
  ...progressFileChannels,
  ...lrsChannels,
} as const satisfies Record<string, ChannelSpec>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelArgs<C extends ChannelName> = z.infer<Channels[C]['args']>;
export type ChannelResult<C extends ChannelName> = z.infer<Channels[C]['result']>;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

/** What the renderer programs against; both shells' clients implement it. */
export type LearnApi = {
  [C in ChannelName]: (args: ChannelArgs<C>) => Promise<ChannelResult<C>>;
};
