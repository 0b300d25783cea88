import { LessonFrames, type LessonFrameHost } from './lesson-frames';

/** How long a spare may wait for idle time on a page that never has any. */
const IDLE_TIMEOUT_MS = 2000;

function newLessonFrame(src: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  // The sandbox is set before the address, so the frame never loads without it.
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.src = src;
  return frame;
}

/**
 * Where frames wait (a spare booting, a kept frame between lessons): out of sight, out of the
 * accessibility tree and of the tab order, but laid out at the size of a lesson (not
 * `display: none`), so that a spare's rehearsal styles text and loads fonts as a lesson would.
 */
function waitingRoom(): HTMLElement {
  const existing = document.getElementById('waiting-lesson-frames');
  if (existing) return existing;
  const holder = document.createElement('div');
  holder.id = 'waiting-lesson-frames';
  holder.className = 'waiting-lesson-frames';
  holder.inert = true;
  holder.setAttribute('aria-hidden', 'true');
  document.body.append(holder);
  return holder;
}

const domHost: LessonFrameHost<HTMLIFrameElement> = {
  createHidden(src) {
    const frame = newLessonFrame(src);
    frame.tabIndex = -1;
    waitingRoom().append(frame);
    return frame;
  },
  createDetached: newLessonFrame,
  park(frame) {
    // A frame already out of the page has lost its document: nothing to keep.
    if (!frame.isConnected) return false;
    frame.removeAttribute('class');
    frame.removeAttribute('title');
    frame.removeAttribute('lang');
    frame.style.height = '';
    frame.tabIndex = -1;
    waitingRoom().moveBefore(frame, null);
    return true;
  },
  discard: (frame) => frame.remove(),
  windowOf: (frame) => frame.contentWindow,
  // Only an atomic move (`moveBefore`) keeps a frame's document: removing and inserting reloads it.
  canMoveFrames: () => typeof Element.prototype.moveBefore === 'function',
  whenIdle(task) {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(task, 0);
  },
};

let pool: LessonFrames<HTMLIFrameElement> | null = null;

/** The page's lesson frames besides the one on screen (made on first use, with its listener for the spare's `ready`). */
export function lessonFramePool(): LessonFrames<HTMLIFrameElement> {
  if (pool) return pool;
  const created = new LessonFrames(domHost);
  window.addEventListener('message', (event) => created.noteMessage(event.source, event.origin, event.data));
  pool = created;
  return created;
}

/** The profile closed: no frame that showed its lessons, or was booted while it was open, stays. */
export function dropLessonFrames(): void {
  pool?.dropAll();
}

/** Puts a frame from the pool in its place on the page: a kept frame or the spare is moved (it keeps its document). */
export function placeLessonFrame(slot: HTMLElement, frame: HTMLIFrameElement, alreadyInPage: boolean): void {
  if (alreadyInPage) slot.moveBefore(frame, null);
  else slot.append(frame);
}
