/**
 * Whether the learner has had the end of the lesson on screen. The frame is as tall as the lesson
 * and the page scrolls it, so a mark after the last block is watched against the window the
 * learner sees (an IntersectionObserver without a root measures against the top-level viewport,
 * through the frame's own clipping): scrolling, Page Down, End, Tab onto the last control, or a
 * lesson shorter than the window all show it, at any zoom.
 */

/**
 * How long the end must stay on screen. A lesson still laying out (a chart or an image arriving)
 * can show its end for a moment before pushing it down; a learner who got there stays longer.
 */
const END_SHOWN_MS = 600;

/** Calls `onReached` once, when `mark` has stayed on screen for a moment; returns the function that stops watching. */
export function watchLessonEnd(mark: Element, onReached: () => void): () => void {
  let timer: number | undefined;
  const observer = new IntersectionObserver((entries) => {
    window.clearTimeout(timer);
    if (!entries.some((entry) => entry.isIntersecting)) return;
    timer = window.setTimeout(() => {
      observer.disconnect();
      onReached();
    }, END_SHOWN_MS);
  });
  observer.observe(mark);
  return () => {
    window.clearTimeout(timer);
    observer.disconnect();
  };
}
