import type { FrameMessage } from '../../../../electron/contract/lesson-frame-messages.js';
import { parseFrameMessage } from '../../../../electron/contract/lesson-frame-protocol.js';

/** What the page knows about the lesson in its frame: messages are checked against this. */
export interface BridgeScope {
  /** The frame's window now (null before it exists): only its messages are read. */
  frameWindow(): unknown;
  courseId: string;
  /** The lesson the page shows now. */
  lessonId: string;
  /**
   * Whether the frame has said it started this lesson. A frame kept from the learner's previous
   * lesson may still have that lesson's messages on their way: until `started` comes for this
   * lesson, everything but `ready` and `started` is refused.
   */
  lessonStarted(): boolean;
  /** The quizzes this lesson shows (from the compiler, via `lesson.open`). */
  quizIds: ReadonlySet<string>;
  /** The exercises and canvases this lesson shows (from the compiler, via `lesson.open`). */
  exerciseIds: ReadonlySet<string>;
  canvasIds: ReadonlySet<string>;
}

/** Which of the lesson's own activities a channel is about, and the argument that names it. */
function activityOf(channel: string, scope: BridgeScope): { kind: string; ids: ReadonlySet<string>; arg: string } {
  if (channel.startsWith('quiz.')) return { kind: 'quiz', ids: scope.quizIds, arg: 'quizId' };
  if (channel.startsWith('exercise.')) return { kind: 'exercise', ids: scope.exerciseIds, arg: 'exerciseId' };
  return { kind: 'canvas', ids: scope.canvasIds, arg: 'canvasId' };
}

export type CheckedMessage =
  | { ok: true; message: FrameMessage }
  /** `callId`: the refused message was a call, answered with a refusal so the lesson does not wait. */
  | { ok: false; reason: string; callId?: number };

function callIdOf(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { kind, id } = data as { kind?: unknown; id?: unknown };
  return kind === 'call' && typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : undefined;
}

/** The parts of a MessageEvent the checks read. */
export interface ReceivedMessage {
  source: unknown;
  origin: string;
  data: unknown;
}

/**
 * The page's checks on every message, before anything reaches the core: it must come from the
 * lesson's own frame, whose origin is opaque (sandboxed); it must be one of the protocol's
 * messages, exactly; a call must be about the lesson's own course and one of the quizzes,
 * exercises or canvases this lesson shows; and it must come after the frame started this lesson
 * (`started` with its id), not from a lesson shown before it in the same frame. A lesson cannot
 * name a learner (the page adds the session) or another course.
 */
export function checkFrameMessage(event: ReceivedMessage, scope: BridgeScope): CheckedMessage {
  const frame = scope.frameWindow();
  if (frame === null || frame === undefined || event.source !== frame) return { ok: false, reason: 'not from the lesson frame' };
  if (event.origin !== 'null') return { ok: false, reason: `the lesson frame is not sandboxed (origin ${event.origin})` };
  const callId = callIdOf(event.data);
  const message = parseFrameMessage(event.data);
  if (!message) return { ok: false, reason: 'not a message of the lesson protocol', callId };
  if (message.kind === 'ready') return { ok: true, message };
  if (message.kind === 'started') {
    if (message.lessonId !== scope.lessonId) return { ok: false, reason: `started another lesson (${message.lessonId})` };
    return { ok: true, message };
  }
  if (!scope.lessonStarted()) {
    return {
      ok: false,
      reason: `${message.kind === 'call' ? message.channel : message.kind} before this lesson started in the frame`,
      callId,
    };
  }
  if (message.kind !== 'call') return { ok: true, message };
  const args = message.args;
  if (args.courseId !== scope.courseId) {
    return { ok: false, reason: `${message.channel} on another course (${String(args.courseId)})`, callId };
  }
  const activity = activityOf(message.channel, scope);
  const activityId = String(args[activity.arg]);
  if (!activity.ids.has(activityId)) {
    return { ok: false, reason: `${message.channel} on a ${activity.kind} this lesson does not show (${activityId})`, callId };
  }
  return { ok: true, message };
}
