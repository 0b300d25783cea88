import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  detectCsvDelimiter,
  parseCsvNumber,
  parseWrittenNumber,
  typeCsvRecords,
} from '../../../electron/contract/data-values.js';
import { CsvReadError, parseCsvText, readCsvFile } from '../../../electron/exercises/read-csv-table.js';
import { parseCsv as parseCsvInRenderer } from '../../../renderer/src/lesson/data/parse-csv.js';
import { REPO_ROOT } from '../../helpers/temp-dir.js';

const TOUR_DATA = path.join(REPO_ROOT, 'docs', 'examples', 'components-tour', 'data');

// The core (SQL tables) and the renderer (DataTable, Chart) must read every file the same way.
describe.each([
  ['the core', parseCsvText],
  ['the renderer', parseCsvInRenderer],
])('CSV parsing in %s', (_where, parse) => {
  it('reads `;` separators and decimal commas as numbers', () => {
    const table = parse('month;parcels;kg\nJanuary;380;7,5\nFebruary;395;7,25\n');
    expect(table.columns).toEqual([
      { name: 'month', type: 'text' },
      { name: 'parcels', type: 'number' },
      { name: 'kg', type: 'number' },
    ]);
    expect(table.rows).toEqual([
      ['January', 380, 7.5],
      ['February', 395, 7.25],
    ]);
  });

  it('reads quoted fields with commas and quotes inside, and a quoted decimal comma', () => {
    const table = parse('name,note,income\n"Garcia, Maria","said ""hello""","1210,50"\nJoan,,890\n');
    expect(table.rows).toEqual([
      ['Garcia, Maria', 'said "hello"', 1210.5],
      ['Joan', null, 890],
    ]);
    expect(table.columns.map((column) => column.type)).toEqual(['text', 'text', 'number']);
  });

  it('keeps a column as text when one value is not a number, and keeps leading zeros', () => {
    const table = parse('postcode,amount\n08001,10\n08002,n/a\n');
    expect(table.rows).toEqual([
      ['08001', '10'],
      ['08002', 'n/a'],
    ]);
    expect(table.columns.map((column) => column.type)).toEqual(['text', 'text']);
  });

  it('strips a byte-order mark, skips blank lines and reads Windows line ends', () => {
    const table = parse('\uFEFFa;b\r\n1;2\r\n\r\n3;4\r\n');
    expect(table.columns.map((column) => column.name)).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('names empty or repeated headers so every column can be addressed', () => {
    const table = parse('a,,a\n1,2,3\n');
    expect(table.columns.map((column) => column.name)).toEqual(['a', 'column_2', 'a_3']);
  });

  it('refuses a quote that is never closed', () => {
    expect(() => parse('a,b\n"open,1\n')).toThrow(/line/);
  });
});

describe('reading CSV files of a course', () => {
  it('reads the fixture files', () => {
    const parcels = readCsvFile(path.join(TOUR_DATA, 'parcels.csv'));
    expect(parcels.rows[1]).toEqual(['February', 395, 126, 7.25]);
    const households = readCsvFile(path.join(TOUR_DATA, 'households.csv'));
    expect(households.rows[0]).toEqual([1, 'Garcia, Maria', 'Centre', 3, 1210.5]);
    expect(households.rows[3]).toEqual([4, 'Lina Ozola', 'North', 2, null]);
  });

  it('says when a file is missing or empty', () => {
    expect(() => readCsvFile(path.join(TOUR_DATA, 'nope.csv'))).toThrow(CsvReadError);
    expect(() => parseCsvText('')).toThrow(/empty/);
  });
});

describe('the rules for numbers people write', () => {
  it('detects the separator from the header line', () => {
    expect(detectCsvDelimiter('a;b\n1,5;2')).toBe(';');
    expect(detectCsvDelimiter('a,b\n"1,5",2')).toBe(',');
    expect(detectCsvDelimiter('"x;y",b\n1,2')).toBe(',');
    expect(detectCsvDelimiter('a\tb\n1\t2')).toBe('\t');
  });

  it.each([
    ['10,5', 10.5],
    ['-3.25', -3.25],
    ['1e3', 1000],
    ['0,5', 0.5],
    ['0', 0],
    ['08001', null],
    ['1.234,5', null],
    ['abc', null],
    ['', null],
  ])('reads the CSV cell %j as %j', (cell, expected) => {
    expect(parseCsvNumber(cell)).toBe(expected);
  });

  it.each([
    ['395.67', 395.67],
    ['395,67', 395.67],
    [' 395,67 ', 395.67],
    ['1,234.5', 1234.5],
    ['1.234,5', 1234.5],
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5],
    ['1.234.567', 1234567],
    ['\u22123', -3],
    ['8.42 %', 8.42],
    ['8,42%', 8.42],
    ['.5', 0.5],
    ['12.34.5', null],
    ['1,23,4', null],
    ['395.67.1,2', null],
    ['about 400', null],
    ['--3', null],
    ['', null],
  ])('reads the typed answer %j as %j', (typed, expected) => {
    expect(parseWrittenNumber(typed)).toBe(expected);
  });

  it('accepts the exercise unit after the number, and only that unit', () => {
    expect(parseWrittenNumber('395,67 parcels', 'parcels')).toBe(395.67);
    expect(parseWrittenNumber('395,67 Parcels', 'parcels')).toBe(395.67);
    expect(parseWrittenNumber('395,67 kg', 'parcels')).toBeNull();
  });

  it('types columns from records without a header row as an empty table', () => {
    expect(typeCsvRecords([])).toEqual({ columns: [], rows: [] });
  });
});
