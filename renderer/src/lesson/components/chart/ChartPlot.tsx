import * as Plot from '@observablehq/plot';
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellValue } from '../../../../../electron/contract/data-values';
import { formatNumber } from '../../../i18n/format';
import { makeChartKeyboardReachable } from './chart-keyboard';

export type ChartType = 'bar' | 'line' | 'scatter';

export interface ChartPlotProps {
  type: ChartType;
  rows: Record<string, CellValue>[];
  x: string;
  y: string;
  xLabel: string;
  yLabel: string;
  xIsNumber: boolean;
  /** Ids of the visible title and description: the chart picture is announced with them. */
  labelledBy: string;
  describedBy?: string;
}

/** The chart's size limits, in CSS pixels: it fills its box between them and keeps its proportions. */
const MIN_WIDTH = 320;
const MAX_WIDTH = 960;
/** About how wide one character of an axis label is at the chart's font size. */
const CHARACTER_WIDTH = 7.5;
/** Bars and points up to this many get their value written beside them. */
const MAX_WRITTEN_VALUES = 24;

/** The width the chart's box offers, followed as the window (or the frame) changes size. */
function useBoxWidth(box: RefObject<HTMLDivElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    // Measured at once too: a frame out of view gets no resize notifications until it is shown.
    // Measuring before paint and keeping the result is what a layout effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setWidth(Math.round(element.getBoundingClientRect().width));
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [box]);
  return width;
}

/**
 * Draws the chart with Observable Plot (SVG), at the width of its box so that its text keeps its
 * size: category labels that would run into each other are turned; each bar or point shows its
 * value (written beside it when there are few, in a tip under the pointer or the keyboard focus for all). Loaded only in lessons that have a chart. Colours
 * and fonts come from the app's stylesheet (see .chart-plot in app.css).
 */
export default function ChartPlot({ type, rows, x, y, xLabel, yLabel, xIsNumber, labelledBy, describedBy }: ChartPlotProps) {
  const container = useRef<HTMLDivElement>(null);
  const { language } = useTranslation().i18n;
  const boxWidth = useBoxWidth(container);
  useEffect(() => {
    const target = container.current;
    if (!target || boxWidth === null) return;
    const width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, boxWidth));
    // Categories (months, districts) keep the order they have in the data, not alphabetical order.
    const categories = [...new Set(rows.map((row) => row[x]))];
    // Axis numbers as the learner's language writes them ("1.500,5" in Catalan), like the table beside.
    const tickFormat = (value: number) => formatNumber(value, language);
    const formatValue = (value: unknown) => (typeof value === 'number' ? formatNumber(value, language) : String(value ?? ''));
    // Category labels turn when they would not fit side by side under their bars or points.
    const longest = Math.max(0, ...categories.map((category) => formatValue(category).length));
    const turnLabels = !xIsNumber && longest * CHARACTER_WIDTH > ((width - 80) / Math.max(1, categories.length)) * 0.9;
    const xScale = xIsNumber
      ? { label: xLabel, tickFormat }
      : {
          label: xLabel,
          domain: categories,
          type: type === 'bar' ? ('band' as const) : ('point' as const),
          tickRotate: turnLabels ? -35 : 0,
        };
    // The tip follows the mouse, and the keyboard focus (chart-keyboard.ts); the focused mark is
    // named by its values, so the tip stays out of the accessibility tree (Plot names its group
    // "tip", which is not allowed on a <g> without a role).
    const tip = {
      tip: {
        ariaHidden: 'true',
        format: { x: (value: unknown) => formatValue(value), y: (value: unknown) => formatValue(value) },
      },
    };
    const written =
      type !== 'scatter' && rows.length <= MAX_WRITTEN_VALUES
        ? [Plot.text(rows, { x, y, text: (row: Record<string, CellValue>) => formatValue(row[y]), dy: -9, fill: 'currentColor' })]
        : [];
    const marks =
      type === 'bar'
        ? [Plot.barY(rows, { x, y, ...tip }), Plot.ruleY([0]), ...written]
        : type === 'line'
          ? [
              Plot.lineY(rows, { x, y, strokeWidth: 2.5 }),
              Plot.dot(rows, { x, y, fill: 'currentColor', r: 3.5, ...tip }),
              ...written,
            ]
          : [Plot.dot(rows, { x, y, r: 4.5, fill: 'currentColor', fillOpacity: 0.75, ...tip })];
    const svg = Plot.plot({
      width,
      height: Math.round(Math.min(420, Math.max(280, width * 0.5))),
      marginTop: 28,
      marginLeft: 64,
      marginRight: 24,
      marginBottom: turnLabels ? 44 + Math.min(longest, 24) * CHARACTER_WIDTH * 0.6 : 48,
      x: xScale,
      y: { label: yLabel, grid: true, zero: type === 'bar', tickFormat, nice: true },
      marks,
    });
    // Plot adds a <style> element of its own: the Content-Security-Policy would refuse it, and
    // app.css styles the chart instead, so it is removed before the chart enters the page.
    svg.querySelectorAll('style').forEach((element) => element.remove());
    // The chart is announced once, as a picture with the lesson's title and description; Plot's
    // own labels on its parts (not allowed on plain SVG groups) become class names for styling.
    for (const element of [svg, ...svg.querySelectorAll('[aria-label], [aria-description]')]) {
      const label = element.getAttribute('aria-label');
      if (label && element !== svg) element.classList.add(`plot-${label.replace(/[^a-z0-9]+/gi, '-')}`);
      element.removeAttribute('aria-label');
      element.removeAttribute('aria-description');
    }
    makeChartKeyboardReachable(
      svg,
      (index) => `${xLabel}: ${formatValue(rows[index]?.[x])}, ${yLabel}: ${formatValue(rows[index]?.[y])}`,
    );
    target.replaceChildren(svg);
    return () => target.replaceChildren();
  }, [type, rows, x, y, xLabel, yLabel, xIsNumber, language, boxWidth]);
  // A group, not an image: its bars or points take the keyboard focus, each named by its values.
  return <div ref={container} className="chart-plot" role="group" aria-labelledby={labelledBy} aria-describedby={describedBy} />;
}
