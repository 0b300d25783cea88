import type Modeler from 'bpmn-js/lib/Modeler';
import type { BpmnServices } from './bpmn-services';

type DiagramCanvas = BpmnServices['canvas'];

/** The diagram's label size at 100 %; at the smallest zoom a fit gives it is still 12 px. */
export const LABEL_FONT_SIZE = 15;
/** A fitted diagram is never drawn smaller than this, so that its labels stay readable. */
const MIN_FIT_SCALE = 0.8;
/** Nor larger than this: a small diagram is not blown up. */
const MAX_FIT_SCALE = 1.25;
/** Room left around a fitted diagram, in screen pixels. */
const MARGIN = 24;

/**
 * Shows the whole diagram with a margin around it, as large as fits between MIN_FIT_SCALE and
 * MAX_FIT_SCALE, centred across and starting a margin below the frame's top: the drawing area is
 * usually taller than a process (which runs left to right), and a diagram centred in it started
 * far down, with the empty half above it, at 150 % zoom. A diagram too wide even at the smallest
 * scale starts from its left edge (where a process begins), and the learner pans or zooms out to
 * see the rest.
 */
export function fitDiagram(canvas: DiagramCanvas): void {
  const { inner, outer } = canvas.viewbox();
  if (inner.width === 0 || inner.height === 0 || outer.width === 0) return;
  const fits = Math.min((outer.width - 2 * MARGIN) / inner.width, (outer.height - 2 * MARGIN) / inner.height);
  const scale = Math.max(MIN_FIT_SCALE, Math.min(MAX_FIT_SCALE, fits));
  const width = outer.width / scale;
  const height = outer.height / scale;
  const x = fits >= MIN_FIT_SCALE ? inner.x - (width - inner.width) / 2 : inner.x - MARGIN / scale;
  const y = inner.y - MARGIN / scale;
  canvas.viewbox({ x, y, width, height });
}

/** Zooms around the centre of the view, within the limits bpmn-js keeps. */
export function zoomBy(canvas: DiagramCanvas, factor: number): void {
  canvas.zoom(Math.max(0.2, Math.min(4, canvas.zoom() * factor)), 'auto');
}

/** The part of diagram-js's palette this file relies on (it is not in its public types). */
interface PaletteInternals {
  _container?: HTMLElement;
  _getParentContainer: () => HTMLElement;
  _update?: () => void;
}

/**
 * Moves bpmn-js's palette of shapes out of the drawing area into `host`, beside it: drawn inside,
 * it covered the start of every diagram. Its clicks and drags are bound to its own element, so
 * they keep working there; its layout (one or two columns) now follows the host's height.
 */
export function movePaletteTo(modeler: Modeler, host: HTMLElement): void {
  const palette = modeler.get('palette') as PaletteInternals;
  const element = palette._container;
  if (!element) return;
  palette._getParentContainer = () => host;
  host.append(element);
  palette._update?.();
}
