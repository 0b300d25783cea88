// Imported by unit tests too (type-checked as Node code there): no DOM and no bpmn-js here.

/** A fitted diagram is never drawn smaller than this, so that its labels stay readable. */
const MIN_FIT_SCALE = 0.8;
/** Nor larger than this: a small diagram is not blown up. */
const MAX_FIT_SCALE = 1.25;
/** Room left around a fitted diagram, in screen pixels. */
const MARGIN = 24;

export interface DiagramBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The view (in diagram units) that shows a diagram spanning `inner` in a drawing area of `outer`
 * screen pixels: the whole diagram with a margin around it, as large as fits between
 * MIN_FIT_SCALE and MAX_FIT_SCALE, centred across and starting a margin below the area's top.
 * The area is usually taller than a process (which runs left to right): a diagram centred in it
 * started far down, with the empty half above it, at 150 % zoom. A diagram too wide even at the
 * smallest scale starts from its left edge (where a process begins), and the learner pans or
 * zooms out to see the rest. Null when there is nothing to fit (or nowhere to show it).
 */
export function fittedView(inner: DiagramBox, outer: { width: number; height: number }): DiagramBox | null {
  if (inner.width === 0 || inner.height === 0 || outer.width === 0) return null;
  const fits = Math.min((outer.width - 2 * MARGIN) / inner.width, (outer.height - 2 * MARGIN) / inner.height);
  const scale = Math.max(MIN_FIT_SCALE, Math.min(MAX_FIT_SCALE, fits));
  const width = outer.width / scale;
  const height = outer.height / scale;
  const x = fits >= MIN_FIT_SCALE ? inner.x - (width - inner.width) / 2 : inner.x - MARGIN / scale;
  const y = inner.y - MARGIN / scale;
  return { x, y, width, height };
}
