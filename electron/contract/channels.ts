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
import type { ApiResponse, ChannelSpec, UploadSpec } from './common.js';
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

/** The channels that take a file beside their arguments (see UploadSpec). */
export type UploadChannelName = {
  [C in ChannelName]: Channels[C] extends { upload: UploadSpec } ? C : never;
}[ChannelName];

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

/**
 * What the renderer programs against; both shells' clients implement it. A channel that takes a
 * file is called through the client's upload function instead (it needs the file beside its args).
 */
export type LearnApi = {
  [C in Exclude<ChannelName, UploadChannelName>]: (args: ChannelArgs<C>) => Promise<ChannelResult<C>>;
};

/*
 * What the desktop shell's preload gives the page (`window.aulaDesktop`): one function per channel,
 * and one way to send a file to a channel that takes one. The preload implements it and the
 * renderer's client calls it, both checked against this one definition.
 */

/** Reads bytes [start, end) of the file being sent (the page's File, read piece by piece). */
export type ReadFilePiece = (start: number, end: number) => Promise<Uint8Array>;

/**
 * Sends a file to `channel` in pieces over IPC (the whole file never crosses in one message),
 * with the call's other arguments, reporting each piece sent; resolves to the call's envelope.
 */
export type DesktopUpload = (
  channel: ChannelName,
  args: unknown,
  size: number,
  read: ReadFilePiece,
  onProgress: (sent: number, total: number) => void,
) => Promise<ApiResponse<unknown>>;

export type DesktopBridge = Record<ChannelName, (args: unknown) => Promise<ApiResponse<unknown>>> & {
  upload: DesktopUpload;
};
