import { describe, expect, it } from 'vitest';
import { fittedView, type DiagramBox } from '../../../renderer/src/lesson/components/process/diagram-fit.js';

/** Where a diagram spanning `inner` lands in an area of `outer` pixels, with the view the fit picks. */
function fitted(outer: { width: number; height: number }, inner: DiagramBox) {
  const view = fittedView(inner, outer);
  if (!view) throw new Error('nothing fitted');
  const scale = outer.width / view.width;
  return {
    scale,
    top: (inner.y - view.y) * scale,
    left: (inner.x - view.x) * scale,
    right: outer.width - (inner.x + inner.width - view.x) * scale,
  };
}

describe('fitting the process diagram to its drawing area', () => {
  it('starts a diagram that runs left to right near the top of a taller area, centred across', () => {
    // The repairs process at 150 % zoom: a long row of shapes in a 480 px high area.
    const shown = fitted({ width: 700, height: 480 }, { x: 150, y: 80, width: 620, height: 120 });
    expect(shown.scale).toBeGreaterThanOrEqual(0.8);
    expect(shown.top).toBeCloseTo(24);
    expect(shown.left).toBeCloseTo(shown.right);
    expect(shown.left).toBeGreaterThanOrEqual(24);
  });

  it('starts a diagram too wide for the area at its left edge, where the process begins', () => {
    const shown = fitted({ width: 600, height: 480 }, { x: 150, y: 80, width: 1400, height: 200 });
    expect(shown.scale).toBeCloseTo(0.8);
    expect(shown.left).toBeCloseTo(24);
    expect(shown.top).toBeCloseTo(24);
  });

  it('does not blow a small diagram up, and still starts it near the top', () => {
    const shown = fitted({ width: 1100, height: 480 }, { x: 0, y: 0, width: 200, height: 100 });
    expect(shown.scale).toBeCloseTo(1.25);
    expect(shown.top).toBeCloseTo(24);
    expect(shown.left).toBeCloseTo(shown.right);
  });

  it('fits nothing when there is no diagram', () => {
    expect(fittedView({ x: 0, y: 0, width: 0, height: 0 }, { width: 700, height: 480 })).toBeNull();
  });
});
