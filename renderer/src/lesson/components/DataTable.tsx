import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellValue, TypedTable } from '../../../../electron/contract/data-values';
import { formatCell, keepsOnOneLine } from '../data/format-cell';
import { useCsvTable } from '../data/use-csv-table';
import { ScrollArea } from './layout/ScrollArea';

/** Headings for a table's columns, by the column's name in the data: `{ days_to_fix: 'Days to fix' }`. */
export type ColumnLabels = Record<string, string>;

type Sort = { column: number; direction: 'ascending' | 'descending' } | null;

/** Rows shown before the learner asks for all of them: long tables stay quick on slow PCs. */
const FIRST_ROWS = 100;

function compareCells(a: CellValue, b: CellValue, collator: Intl.Collator): number {
  // Empty cells go last whatever the direction, as in spreadsheets.
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * A typed table with sortable columns and a filter. Also used beside number exercises. A column
 * with a label shows it as its heading; its name in the data stays at hand as the heading's tooltip.
 */
export function TableView({ table, caption, labels }: { table: TypedTable; caption?: string; labels?: ColumnLabels }) {
  const { t, i18n } = useTranslation();
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<Sort>(null);
  const [showAll, setShowAll] = useState(false);
  const language = i18n.language;

  const rows = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase(language);
    const filtered = needle
      ? table.rows.filter((row) => row.some((cell) => formatCell(cell, language).toLocaleLowerCase(language).includes(needle)))
      : table.rows;
    if (!sort) return filtered;
    const collator = new Intl.Collator(language, { numeric: true, sensitivity: 'base' });
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...filtered].sort((a, b) => {
      const x = a[sort.column] ?? null;
      const y = b[sort.column] ?? null;
      if (x === null || y === null) return compareCells(x, y, collator);
      return sign * compareCells(x, y, collator);
    });
  }, [table, filter, sort, language]);

  const toggleSort = (column: number) =>
    setSort((current) =>
      current?.column === column && current.direction === 'ascending'
        ? { column, direction: 'descending' }
        : { column, direction: 'ascending' },
    );
  const visible = showAll ? rows : rows.slice(0, FIRST_ROWS);

  return (
    <div className="data-table">
      <div className="data-table-tools">
        <label htmlFor={filterId}>{t('dataTable.filter')}</label>
        <input
          id={filterId}
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          placeholder={t('dataTable.filterPlaceholder')}
        />
        <p className="data-table-count" role="status">
          {t('dataTable.showing', { shown: visible.length, total: table.rows.length })}
        </p>
      </div>
      <ScrollArea className="wide-content" label={caption ?? t('lesson.table')}>
        <table>
          {caption && <caption>{caption}</caption>}
          <thead>
            <tr>
              {table.columns.map((column, index) => {
                const direction = sort?.column === index ? sort.direction : undefined;
                const label = labels?.[column.name];
                return (
                  <th
                    key={column.name}
                    scope="col"
                    aria-sort={direction ?? 'none'}
                    className={column.type === 'number' ? 'cell-number' : undefined}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      title={label ? column.name : undefined}
                      onClick={() => toggleSort(index)}
                    >
                      {label ?? column.name}
                      <span className="sort-mark" aria-hidden="true">
                        {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
                      </span>
                      <span className="visually-hidden">
                        {direction === 'ascending'
                          ? t('dataTable.sortedUp')
                          : direction === 'descending'
                            ? t('dataTable.sortedDown')
                            : t('dataTable.sortable')}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {visible.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {table.columns.map((column, index) => {
                  const text = formatCell(row[index] ?? null, language);
                  const classes = [column.type === 'number' && 'cell-number', keepsOnOneLine(text) && 'cell-token'];
                  return (
                    <td key={column.name} className={classes.filter(Boolean).join(' ') || undefined}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      {rows.length === 0 && <p>{t('dataTable.noMatch')}</p>}
      {!showAll && rows.length > FIRST_ROWS && (
        <button type="button" className="button" onClick={() => setShowAll(true)}>
          {t('dataTable.showAll', { count: rows.length })}
        </button>
      )}
    </div>
  );
}

/**
 * `<DataTable src="parcels.csv" caption="..." labels={{ days_to_fix: 'Days to fix' }} />`: a CSV
 * file of the course's data/ folder, with readable headings for the columns that have a label.
 */
export function DataTable({ src, caption, labels }: { src: string; caption?: string; labels?: ColumnLabels }) {
  const { t } = useTranslation();
  const csv = useCsvTable(src);
  if (csv.state === 'loading') return <p aria-busy="true">{t('dataTable.loading')}</p>;
  if (csv.state === 'failed') return <p role="alert">{t('dataTable.loadError', { file: src, message: csv.message })}</p>;
  return <TableView table={csv.table} caption={caption} labels={labels} />;
}
