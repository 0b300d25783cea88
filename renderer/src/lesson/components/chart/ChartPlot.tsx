import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellValue } from '../../../../../electron/contract/data-values';
import { formatNumber } from '../../../i18n/format';

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

/**
 * Draws the chart with Observable Plot (SVG). Loaded only in lessons that have a chart. Colours
 * and fonts come from the app's stylesheet (see .chart-plot in app.css).
 */
export default function ChartPlot({ type, rows, x, y, xLabel, yLabel, xIsNumber, labelledBy, describedBy }: ChartPlotProps) {
  const container = useRef<HTMLDivElement>(null);
  const { language } = useTranslation().i18n;
  useEffect(() => {
    const target = container.current;
    if (!target) return;
    // Categories (months, districts) keep the order they have in the data, not alphabetical order.
    const categories = [...new Set(rows.map((row) => row[x]))];
    // Axis numbers as the learner's language writes them ("1.500,5" in Catalan), like the table beside.
    const tickFormat = (value: number) => formatNumber(value, language);
    const xScale = xIsNumber
      ? { label: xLabel, tickFormat }
      : { label: xLabel, domain: categories, type: type === 'bar' ? ('band' as const) : ('point' as const) };
    const marks =
      type === 'bar'
        ? [Plot.barY(rows, { x, y }), Plot.ruleY([0])]
        : type === 'line'
          ? [Plot.lineY(rows, { x, y, strokeWidth: 2.5 }), Plot.dot(rows, { x, y, fill: 'currentColor', r: 3.5 })]
          : [Plot.dot(rows, { x, y, r: 4.5, fill: 'currentColor', fillOpacity: 0.75 })];
    const svg = Plot.plot({
      width: 640,
      height: 360,
      marginLeft: 56,
      marginBottom: 44,
      x: xScale,
      y: { label: yLabel, grid: true, zero: type === 'bar', tickFormat },
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
    target.replaceChildren(svg);
    return () => target.replaceChildren();
  }, [type, rows, x, y, xLabel, yLabel, xIsNumber, language]);
  return <div ref={container} className="chart-plot" role="img" aria-labelledby={labelledBy} aria-describedby={describedBy} />;
}
