import type Modeler from 'bpmn-js/lib/Modeler';
import type { BpmnServices } from './bpmn-services';
import { fittedView } from './diagram-fit';

type DiagramCanvas = BpmnServices['canvas'];

/** The diagram's label size at 100 %; at the smallest zoom a fit gives it is still 12 px. */
export const LABEL_FONT_SIZE = 15;

/** Shows the whole diagram, fitted to its drawing area with small margins (see fittedView). */
export function fitDiagram(canvas: DiagramCanvas): void {
  const { inner, outer } = canvas.viewbox();
  const view = fittedView(inner, outer);
  if (view) canvas.viewbox(view);
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
