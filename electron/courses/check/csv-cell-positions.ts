import { detectCsvDelimiter } from '../../contract/data-values.js';

export interface CellPosition {
  line: number;
  column: number;
}

/**
 * Where each cell of a CSV file starts (line and column, from 1), record by record, the header
 * first. Records whose cells are all blank are left out, as the CSV reader leaves them out, so
 * record `i + 1` here is row `i` of the typed table. Quoted fields may hold separators, quotes
 * ("") and line breaks.
 */
export function csvCellPositions(text: string): CellPosition[][] {
  const source = text.replace(/^\uFEFF/, '');
  const delimiter = detectCsvDelimiter(source);
  const records: { positions: CellPosition[]; blank: boolean }[] = [];
  let line = 1;
  let column = 1;
  let current: CellPosition[] = [{ line, column }];
  let blank = true;
  let inQuotes = false;
  const endRecord = () => {
    records.push({ positions: current, blank });
    current = [];
    blank = true;
  };
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (current.length === 0) current.push({ line, column });
    if (inQuotes) {
      if (char === '"' && source[index + 1] === '"') {
        index += 1;
        column += 2;
        continue;
      }
      if (char === '"') inQuotes = false;
      else blank = false;
    } else if (char === '"') {
      inQuotes = true;
    } else if (char === delimiter) {
      current.push({ line, column: column + 1 });
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && source[index + 1] === '\n') index += 1;
      endRecord();
      line += 1;
      column = 1;
      continue;
    } else if (char !== ' ' && char !== '\t') {
      blank = false;
    }
    if (char === '\n') {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
  }
  if (current.length > 0) endRecord();
  return records.filter((record, index) => index === 0 || !record.blank).map((record) => record.positions);
}
