/**
 * The lesson frames the page holds besides the one on screen: at most one **kept** frame and at
 * most one **spare**.
 *
 * Booting a frame (its document, scripts, React, styles, fonts and the interface strings) costs
 * far more than rendering a lesson in it. So the frame of the lesson the learner leaves is kept,
 * out of sight, and the next lesson of the same course, for the same learner in the same session
 * and reading language, renders in it. A kept frame serves one owner only (course, learner,
 * session, reading language): a lesson of anything else gets another frame, and the kept one is
 * dropped then, and when the profile closes. Everything in a kept frame came from its own
 * course's lessons, which may do the same things to the same learner's work in any case
 * (docs/architecture.md, "What a frame keeps from one lesson to the next").
 *
 * A spare is booted ahead, in idle time, for a course that has no kept frame (the first lesson
 * the learner opens in it). No lesson has run in a spare; it is handed out once.
 *
 * The frame's address names its course, because the frame's policy lets it read that course's
 * files only; a frame booted for one course is never given a lesson of another.
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

/** Whom a frame that showed a lesson serves: it shows lessons to no one else. */
export interface FrameOwner {
  courseId: string;
  learnerId: string;
  session: string;
  /** The language the course is read in (a translation or its own). */
  readingLanguage: string;
}

function sameOwner(a: FrameOwner, b: FrameOwner): boolean {
  return (
    a.courseId === b.courseId && a.learnerId === b.learnerId && a.session === b.session && a.readingLanguage === b.readingLanguage
  );
}

/** What the frames need from the page: the DOM in the app, plain objects in the unit tests. */
export interface LessonFrameHost<Frame> {
  /** A new sandboxed frame at this address, loading hidden in the page (so a spare boots). */
  createHidden(src: string): Frame;
  /** A new sandboxed frame at this address, not yet in the page (it loads once placed). */
  createDetached(src: string): Frame;
  /** Moves a frame that is in the page out of sight, keeping its document; false if it cannot. */
  park(frame: Frame): boolean;
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
  /**
   * `kept`: it showed the owner's previous lesson of this course; `spare`: booted ahead, no lesson
   * yet; both are in the page already, to be moved (never re-inserted, which would load them
   * again). `new`: not in the page yet.
   */
  from: 'kept' | 'spare' | 'new';
  /** It has said `ready` already, so it waits for its lesson now (no `ready` will follow). */
  ready: boolean;
}

interface Spare<Frame> {
  frame: Frame;
  courseId: string;
  ready: boolean;
}

export class LessonFrames<Frame> {
  private kept: { frame: Frame; owner: FrameOwner } | null = null;
  private spare: Spare<Frame> | null = null;
  private wanted: { courseId: string; language: string } | null = null;

  constructor(private readonly host: LessonFrameHost<Frame>) {}

  /**
   * The frame for a lesson: the kept frame if it is this owner's, else the spare if it was booted
   * for this course, else a new one. A kept frame of another owner is dropped: the owner moved on.
   * (A spare booted in another interface language still serves: the frame takes its lesson's
   * language from `init`.)
   */
  take(owner: FrameOwner, language: string): TakenFrame<Frame> {
    this.wanted = null;
    const kept = this.kept;
    this.kept = null;
    if (kept && sameOwner(kept.owner, owner) && this.host.canMoveFrames()) {
      return { frame: kept.frame, from: 'kept', ready: true };
    }
    if (kept) this.host.discard(kept.frame);
    const spare = this.spare;
    this.spare = null;
    if (spare && spare.courseId === owner.courseId && this.host.canMoveFrames()) {
      return { frame: spare.frame, from: 'spare', ready: spare.ready };
    }
    if (spare) this.host.discard(spare.frame);
    return { frame: this.host.createDetached(lessonFrameSrc(owner.courseId, language)), from: 'new', ready: false };
  }

  /**
   * The lesson in this frame has left the page (and the frame has put it away): the frame is kept
   * for its owner's next lesson of the course, replacing any kept before. A frame that cannot move
   * without loading again is discarded.
   */
  keep(frame: Frame, owner: FrameOwner): void {
    if (this.kept) this.host.discard(this.kept.frame);
    this.kept = null;
    if (!this.host.canMoveFrames() || !this.host.park(frame)) {
      this.host.discard(frame);
      return;
    }
    this.kept = { frame, owner: { ...owner } };
    // The kept frame serves this course now; a spare for it would only take memory.
    if (this.spare?.courseId === owner.courseId) {
      this.host.discard(this.spare.frame);
      this.spare = null;
    }
  }

  /** A frame that will not be kept (its lesson never started in it): out of the page for good. */
  discard(frame: Frame): void {
    this.host.discard(frame);
  }

  /** The profile closed (or the session ended): every frame goes; no lesson was shown in a spare, but nothing is left behind. */
  dropAll(): void {
    this.wanted = null;
    if (this.kept) this.host.discard(this.kept.frame);
    if (this.spare) this.host.discard(this.spare.frame);
    this.kept = null;
    this.spare = null;
  }

  /**
   * Boots a spare for a lesson of this course in idle time, unless there is one already or a kept
   * frame serves the course; a spare for another course is replaced (one spare at most).
   */
  prepare(courseId: string, language: string): void {
    if (!this.host.canMoveFrames()) return;
    if (this.spare?.courseId === courseId || this.kept?.owner.courseId === courseId) return;
    const first = this.wanted === null;
    this.wanted = { courseId, language };
    if (!first) return; // already waiting for idle time: the latest wish counts
    this.host.whenIdle(() => {
      const wanted = this.wanted;
      this.wanted = null;
      if (!wanted) return; // a lesson took a frame in the meantime
      if (this.kept?.owner.courseId === wanted.courseId) return;
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
