import { SpareLessonFrame, type SpareFrameHost } from './spare-lesson-frame';

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
 * Where the spare boots: out of sight, out of the accessibility tree and of the tab order, but laid
 * out at the size of a lesson (not `display: none`), so that its rehearsal styles text and loads
 * fonts as a lesson would.
 */
function spareHolder(): HTMLElement {
  const existing = document.getElementById('spare-lesson-frame');
  if (existing) return existing;
  const holder = document.createElement('div');
  holder.id = 'spare-lesson-frame';
  holder.className = 'spare-lesson-frame';
  holder.inert = true;
  holder.setAttribute('aria-hidden', 'true');
  document.body.append(holder);
  return holder;
}

const domHost: SpareFrameHost<HTMLIFrameElement> = {
  createHidden(src) {
    const frame = newLessonFrame(src);
    frame.tabIndex = -1;
    spareHolder().append(frame);
    return frame;
  },
  createDetached: newLessonFrame,
  discard: (frame) => frame.remove(),
  windowOf: (frame) => frame.contentWindow,
  // Only an atomic move (`moveBefore`) keeps a frame's document: removing and inserting reloads it.
  canMoveFrames: () => typeof Element.prototype.moveBefore === 'function',
  whenIdle(task) {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(task, 0);
  },
};

let pool: SpareLessonFrame<HTMLIFrameElement> | null = null;

/** The page's one pool of lesson frames (made on first use, with its listener for the spare's `ready`). */
export function lessonFramePool(): SpareLessonFrame<HTMLIFrameElement> {
  if (pool) return pool;
  const created = new SpareLessonFrame(domHost);
  window.addEventListener('message', (event) => created.noteMessage(event.source, event.origin, event.data));
  pool = created;
  return created;
}

/** Puts a frame from the pool in its place on the page: the spare is moved (it keeps its document). */
export function placeLessonFrame(slot: HTMLElement, frame: HTMLIFrameElement, spare: boolean): void {
  if (spare) slot.moveBefore(frame, null);
  else slot.append(frame);
}
