/**
 * Chart values for keyboard users: the chart's bars or points take the focus one at a time (one
 * Tab stop, arrow keys, Home and End move between them), each named by its values, and the
 * focused one shows the same tip as the pointer does (Plot's own tip, moved and pinned there
 * as a pointer would). Everything else in the drawing (axes, written values) is left to the title,
 * the description and the table, so a screen reader does not read tick labels one by one.
 */

/** The drawing's data marks (bars, and points of line and scatter charts) in data order. */
function dataMarks(svg: Element): SVGElement[] {
  return [...svg.querySelectorAll<SVGElement>('.plot-bar > rect, .plot-dot > circle')];
}

/**
 * Moves Plot's tip to the middle of `mark` as a pointer would, and pins it there as a click
 * does: the browser's own pointer events (a mouse resting on the page while the focus scrolls it)
 * would otherwise take it away again. Without a mark, unpins and hides it.
 */
function tipPinner(svg: Element): (mark: SVGElement | null) => void {
  let pinned = false;
  const send = (type: string, x = 0, y = 0) =>
    svg.dispatchEvent(new PointerEvent(type, { pointerType: 'mouse', clientX: x, clientY: y }));
  return (mark) => {
    // A press away from a pinned tip unpins it (Plot's sticky tips).
    if (pinned) send('pointerdown');
    pinned = false;
    if (!mark) return;
    const box = mark.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    send('pointermove', x, y);
    send('pointerdown', x, y);
    pinned = true;
  };
}

const MOVES: Record<string, (index: number, last: number) => number> = {
  ArrowRight: (index, last) => Math.min(last, index + 1),
  ArrowDown: (index, last) => Math.min(last, index + 1),
  ArrowLeft: (index) => Math.max(0, index - 1),
  ArrowUp: (index) => Math.max(0, index - 1),
  Home: () => 0,
  End: (_index, last) => last,
};

/**
 * Makes a drawn chart's data marks reachable by keyboard. `nameOf(i)` is the accessible name of
 * the i-th row's mark ("January: 380"); Plot binds each mark to its row's index.
 */
export function makeChartKeyboardReachable(svg: SVGSVGElement | HTMLElement, nameOf: (rowIndex: number) => string): void {
  const marks = dataMarks(svg);
  if (marks.length === 0) return;
  const markGroups = new Set<Element | null>(marks.map((mark) => mark.parentElement));
  for (const child of svg.children) {
    if (!markGroups.has(child)) child.setAttribute('aria-hidden', 'true');
  }
  marks.forEach((mark, position) => {
    const rowIndex = (mark as SVGElement & { __data__?: unknown }).__data__;
    mark.setAttribute('role', 'img');
    mark.setAttribute('aria-label', nameOf(typeof rowIndex === 'number' ? rowIndex : position));
    mark.setAttribute('tabindex', position === 0 ? '0' : '-1');
    mark.classList.add('chart-mark');
  });
  const pointAt = tipPinner(svg);
  // Focus and blur do not bubble: listened to on the way down, for every mark at once.
  svg.addEventListener('focus', (event: Event) => pointAt(event.target as SVGElement), true);
  svg.addEventListener(
    'blur',
    (event: Event) => {
      if (!svg.contains((event as FocusEvent).relatedTarget as Node | null)) pointAt(null);
    },
    true,
  );
  svg.addEventListener('keydown', (event: Event) => {
    const move = MOVES[(event as KeyboardEvent).key];
    const index = marks.indexOf(event.target as SVGElement);
    if (!move || index < 0) return;
    event.preventDefault();
    const next = marks[move(index, marks.length - 1)];
    if (!next || next === event.target) return;
    // Roving focus: the chart stays one Tab stop, at the mark last visited.
    for (const mark of marks) mark.setAttribute('tabindex', mark === next ? '0' : '-1');
    next.focus();
  });
}
