/**
 * A lesson frame booted ahead of time. Booting a frame (its document, scripts, React and the
 * interface strings) costs far more than rendering a lesson in it, so after a lesson has rendered
 * the page boots the next frame in idle time, hidden, for the same course, and the next lesson of
 * that course starts in it. At most one spare exists, and a frame is handed out once only: a
 * lesson never runs in a frame where another lesson (or anything but Aula's own frame code) ran.
 *
 * The frame's address names its course, because the frame's policy lets it read that course's
 * files only; a spare booted for one course is never given a lesson of another.
 */

/** The lesson frame's page (electron/core/app-files.ts serves it with its own policy). */
export const LESSON_FRAME_URL = '/lesson-frame.html';

/**
 * The frame's address: its course (for its policy) and the interface language, so that it loads
 * its strings while it boots. The frame takes its lesson's language from `init` in any case.
 */
export function lessonFrameSrc(courseId: string, language: string): string {
  return `${LESSON_FRAME_URL}?course=${encodeURIComponent(courseId)}&lang=${encodeURIComponent(language)}`;
}

/** What the pool needs from the page: the DOM in the app, plain objects in the unit tests. */
export interface SpareFrameHost<Frame> {
  /** A new sandboxed frame at this address, loading hidden in the page (so a spare boots). */
  createHidden(src: string): Frame;
  /** A new sandboxed frame at this address, not yet in the page (it loads once placed). */
  createDetached(src: string): Frame;
  /** Takes a frame out of the page for good. */
  discard(frame: Frame): void;
  /** The frame's window, whose messages say the frame has booted. */
  windowOf(frame: Frame): unknown;
  /** Whether a frame in the page can move to another place in it without loading again. */
  canMoveFrames(): boolean;
  /** Runs `task` when the page has nothing else to do. */
  whenIdle(task: () => void): void;
}

/** A frame for one lesson. */
export interface TakenFrame<Frame> {
  frame: Frame;
  /** The spare, already in the page: move it (never re-insert it, which would load it again). */
  spare: boolean;
  /** It has said `ready` already, so it waits for its lesson now (no `ready` will follow). */
  ready: boolean;
}

interface Spare<Frame> {
  frame: Frame;
  courseId: string;
  ready: boolean;
}

export class SpareLessonFrame<Frame> {
  private spare: Spare<Frame> | null = null;
  private wanted: { courseId: string; language: string } | null = null;

  constructor(private readonly host: SpareFrameHost<Frame>) {}

  /**
   * The frame for a lesson of this course: the spare if it was booted for this course, else a new
   * one. The spare is handed out once; the pool forgets it at once. (A spare booted in another
   * language still serves: the frame takes its lesson's language from `init`.)
   */
  take(courseId: string, language: string): TakenFrame<Frame> {
    this.wanted = null;
    const spare = this.spare;
    this.spare = null;
    if (spare && spare.courseId === courseId && this.host.canMoveFrames()) {
      return { frame: spare.frame, spare: true, ready: spare.ready };
    }
    if (spare) this.host.discard(spare.frame);
    return { frame: this.host.createDetached(lessonFrameSrc(courseId, language)), spare: false, ready: false };
  }

  /**
   * Boots a spare for the next lesson of this course in idle time, unless there is one already;
   * a spare for another course is replaced (one spare at most).
   */
  prepare(courseId: string, language: string): void {
    if (!this.host.canMoveFrames()) return;
    if (this.spare && this.spare.courseId === courseId) return;
    const first = this.wanted === null;
    this.wanted = { courseId, language };
    if (!first) return; // already waiting for idle time: the latest wish counts
    this.host.whenIdle(() => {
      const wanted = this.wanted;
      this.wanted = null;
      if (!wanted) return; // a lesson took a frame in the meantime
      if (this.spare) this.host.discard(this.spare.frame);
      const src = lessonFrameSrc(wanted.courseId, wanted.language);
      this.spare = { frame: this.host.createHidden(src), courseId: wanted.courseId, ready: false };
    });
  }

  /** A message in the page: the spare's `ready` means it has booted and waits for a lesson. */
  noteMessage(source: unknown, origin: string, data: unknown): void {
    const spare = this.spare;
    if (!spare || source !== this.host.windowOf(spare.frame) || origin !== 'null') return;
    if (typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'ready') spare.ready = true;
  }
}
