import { useEffect, useState } from 'react';
import type { TypedTable } from '../../../../electron/contract/data-values';
import { useLessonScope } from '../lesson-context';

export type CsvState = { state: 'loading' } | { state: 'ready'; table: TypedTable } | { state: 'failed'; message: string };

/** `data/parcels.csv`, `../data/parcels.csv` and `parcels.csv` all name the course's data/parcels.csv. */
export function resolveDataUrl(src: string, dataBaseUrl: string): string {
  const relative = src.replace(/^(?:\.\.\/)*(?:\.\/)?(?:data\/)?/, '');
  return `${dataBaseUrl}${relative.split('/').map(encodeURIComponent).join('/')}`;
}

async function fetchCsvTable(src: string, url: string): Promise<TypedTable> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
  const { parseCsv } = await import('./parse-csv');
  return parseCsv(await response.text());
}

/** Fetches and parses a CSV file of the course's data/ folder (from the app's own origin), once per lesson. */
export function useCsvTable(src: string | undefined): CsvState {
  const { dataBaseUrl, csvTables } = useLessonScope();
  const [result, setResult] = useState<{ src: string | undefined; state: CsvState }>({ src, state: { state: 'loading' } });
  useEffect(() => {
    if (!src) return;
    let current = true;
    const url = resolveDataUrl(src, dataBaseUrl);
    let table = csvTables?.get(url);
    if (!table) {
      table = fetchCsvTable(src, url);
      // A failed fetch is not kept: the next component (or a retry) asks again.
      table.catch(() => csvTables?.delete(url));
      csvTables?.set(url, table);
    }
    table.then(
      (table) => current && setResult({ src, state: { state: 'ready', table } }),
      (error: unknown) =>
        current &&
        setResult({ src, state: { state: 'failed', message: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      current = false;
    };
  }, [src, dataBaseUrl, csvTables]);
  return result.src === src ? result.state : { state: 'loading' };
}
