import { lazy, Suspense, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellValue, TypedTable } from '../../../../electron/contract/data-values';
import { useCsvTable } from '../data/use-csv-table';
import type { ChartType } from './chart/ChartPlot';
import { TableView, type ColumnLabels } from './DataTable';

const ChartPlot = lazy(() => import('./chart/ChartPlot'));

interface ChartProps {
  type?: ChartType;
  /** A CSV file in the course's data/ folder... */
  src?: string;
  /** ...or the data itself: `data={[{ month: 'Jan', parcels: 380 }]}`. */
  data?: Record<string, CellValue>[];
  x: string;
  y: string;
  title: string;
  /** What the chart shows, in words: for everyone who cannot see it, and a summary for the rest. */
  description?: string;
  xLabel?: string;
  yLabel?: string;
  /** Headings of the data's columns, by name; also the axis titles when xLabel/yLabel are not given. */
  labels?: ColumnLabels;
}

/** Inline data as a typed table: a column is a number column when every value in it is a number. */
function tableFromRows(rows: Record<string, CellValue>[]): TypedTable {
  const names = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return {
    columns: names.map((name) => ({
      name,
      type: rows.every((row) => row[name] === null || row[name] === undefined || typeof row[name] === 'number')
        ? 'number'
        : 'text',
    })),
    rows: rows.map((row) => names.map((name) => row[name] ?? null)),
  };
}

/** The data table's headings: the axis titles name their columns unless labels say otherwise. */
function chartLabels(props: ChartProps): ColumnLabels {
  return {
    ...(props.xLabel ? { [props.x]: props.xLabel } : {}),
    ...(props.yLabel ? { [props.y]: props.yLabel } : {}),
    ...props.labels,
  };
}

function ChartBody({ table, props }: { table: TypedTable; props: ChartProps }) {
  const { t } = useTranslation();
  const titleId = useId();
  const descriptionId = useId();
  const type: ChartType = props.type === 'line' || props.type === 'scatter' ? props.type : 'bar';
  const xColumn = table.columns.find((column) => column.name === props.x);
  const yColumn = table.columns.find((column) => column.name === props.y);
  const rows = useMemo(
    () => table.rows.map((row) => Object.fromEntries(table.columns.map((column, index) => [column.name, row[index] ?? null]))),
    [table],
  );
  const missing = [props.x, props.y].filter((name) => !table.columns.some((column) => column.name === name));
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <p id={titleId} className="chart-title">
        {props.title}
      </p>
      {missing.length > 0 || !yColumn || yColumn.type !== 'number' ? (
        <p role="alert" className="component-problem">
          {missing.length > 0
            ? t('chart.missingColumn', { columns: missing.join(', '), available: table.columns.map((c) => c.name).join(', ') })
            : t('chart.notNumbers', { column: props.y })}
        </p>
      ) : (
        <Suspense fallback={<p aria-busy="true">{t('chart.loading')}</p>}>
          <ChartPlot
            type={type}
            rows={rows}
            x={props.x}
            y={props.y}
            xLabel={props.xLabel ?? props.labels?.[props.x] ?? props.x}
            yLabel={props.yLabel ?? props.labels?.[props.y] ?? props.y}
            xIsNumber={xColumn?.type === 'number'}
            labelledBy={titleId}
            describedBy={props.description ? descriptionId : undefined}
          />
        </Suspense>
      )}
      {props.description && (
        <figcaption id={descriptionId} className="chart-description">
          {props.description}
        </figcaption>
      )}
      <details className="chart-data">
        <summary>{t('chart.showData')}</summary>
        <TableView table={table} caption={props.title} labels={chartLabels(props)} />
      </details>
    </figure>
  );
}

/**
 * `<Chart type="bar" src="parcels.csv" x="month" y="parcels" title="..." description="..." />`:
 * a bar, line or scatter chart with a visible title, a description and the data as a table.
 */
export function Chart(props: ChartProps) {
  const { t } = useTranslation();
  const csv = useCsvTable(props.src);
  const inline = useMemo(() => (props.data ? tableFromRows(props.data) : null), [props.data]);
  if (inline) return <ChartBody table={inline} props={props} />;
  if (!props.src)
    return (
      <p role="alert" className="component-problem">
        {t('chart.noData')}
      </p>
    );
  if (csv.state === 'loading') return <p aria-busy="true">{t('chart.loading')}</p>;
  if (csv.state === 'failed') return <p role="alert">{t('dataTable.loadError', { file: props.src, message: csv.message })}</p>;
  return <ChartBody table={csv.table} props={props} />;
}
