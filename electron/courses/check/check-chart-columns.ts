import path from 'node:path';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { TypedColumn } from '../../contract/data-values.js';
import { CsvReadError, readCsvFile } from '../../exercises/read-csv-table.js';
import type { CheckReport } from './check-report.js';

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** Props of `<Chart>` that name a column of its data, and whether the column must hold numbers. */
const CHART_COLUMN_PROPS = [
  { prop: 'x', numbers: false },
  { prop: 'y', numbers: true },
] as const;

interface EstreeNode {
  type: string;
  elements?: (EstreeNode | null)[];
  properties?: EstreeNode[];
  key?: EstreeNode;
  value?: unknown;
  name?: string;
  computed?: boolean;
  argument?: EstreeNode;
  operator?: string;
}

function attributeOf(element: JsxElement, name: string): MdxJsxAttribute | undefined {
  return element.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);
}

function isNumberLiteral(node: EstreeNode | undefined): boolean {
  if (node?.type === 'UnaryExpression' && (node.operator === '-' || node.operator === '+')) return isNumberLiteral(node.argument);
  return node?.type === 'Literal' && typeof node.value === 'number';
}

/**
 * The columns of inline `data={[{ week: 1, volunteers: 12 }, …]}`, when it is written out as
 * literal rows; null for anything computed, which only running the lesson can tell.
 */
function inlineColumns(attribute: MdxJsxAttribute): TypedColumn[] | null {
  const value = attribute.value;
  if (!value || typeof value === 'string') return null;
  const program = value.data?.estree as { body?: { type: string; expression?: EstreeNode }[] } | undefined;
  const array = program?.body?.[0]?.expression;
  if (array?.type !== 'ArrayExpression' || !array.elements) return null;
  const columns = new Map<string, boolean>();
  for (const row of array.elements) {
    if (row?.type !== 'ObjectExpression' || !row.properties) return null;
    for (const property of row.properties) {
      if (property.type !== 'Property' || property.computed) return null;
      const key = property.key?.type === 'Identifier' ? property.key.name : property.key?.value;
      if (typeof key !== 'string') return null;
      const cell = property.value as EstreeNode | undefined;
      // An empty cell (null) fits a number column, as in a CSV file.
      const isNumber = isNumberLiteral(cell) || (cell?.type === 'Literal' && cell.value === null);
      columns.set(key, (columns.get(key) ?? true) && isNumber);
    }
  }
  return [...columns].map(([name, numbers]) => ({ name, type: numbers ? 'number' : 'text' }));
}

/**
 * Checks that the columns a `<Chart>` names exist in its data (a CSV in data/ or inline rows),
 * and that its `y` column holds numbers: otherwise the learner would see "The chart needs the
 * column(s) …" instead of the chart. A data file that does not exist is reported elsewhere.
 */
export function checkChartColumns(element: JsxElement, courseDir: string, file: string, report: CheckReport): void {
  if (element.name !== 'Chart') return;
  const at = element.position?.start ?? { line: 1, column: 1 };
  const src = attributeOf(element, 'src');
  const data = attributeOf(element, 'data');
  let columns: TypedColumn[] | null;
  let source: string;
  if (typeof src?.value === 'string') {
    source = `data/${src.value.replace(/^(\.\.\/)*(data\/)?/, '')}`;
    const csv = path.join(courseDir, source);
    try {
      columns = readCsvFile(csv).columns;
    } catch (error) {
      // A missing file is already reported with the component; anything else is news.
      if (error instanceof CsvReadError && error.message !== 'does not exist')
        report.error(file, at.line, at.column, `<Chart src="${src.value}">: ${source} ${error.message}`);
      return;
    }
  } else if (data) {
    source = 'its data';
    columns = inlineColumns(data);
  } else {
    report.error(file, at.line, at.column, '<Chart> needs its data: src="<file in data/>" or data={[...]}');
    return;
  }
  if (!columns) return;
  const available = columns.map((column) => column.name).join(', ');
  for (const { prop, numbers } of CHART_COLUMN_PROPS) {
    const attribute = attributeOf(element, prop);
    const where = attribute?.position?.start ?? at;
    if (!attribute) {
      report.error(file, at.line, at.column, `<Chart> needs ${prop}="<column>"; the columns of ${source} are: ${available}`);
      continue;
    }
    if (typeof attribute.value !== 'string') continue; // an expression; only the lesson can tell
    const column = columns.find((candidate) => candidate.name === attribute.value);
    if (!column) {
      report.error(
        file,
        where.line,
        where.column,
        `<Chart ${prop}="${attribute.value}">: ${source} has no column "${attribute.value}"; its columns are: ${available}`,
      );
    } else if (numbers && column.type !== 'number') {
      report.error(
        file,
        where.line,
        where.column,
        `<Chart ${prop}="${attribute.value}">: the column "${attribute.value}" of ${source} does not hold only numbers, and a chart's ${prop} must`,
      );
    }
  }
}
