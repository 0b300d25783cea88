import { useEffect, useState } from 'react';
import type { TypedTable } from '../../../../electron/contract/data-values';
import { useLessonScope } from '../lesson-context';

export type CsvState = { state: 'loading' } | { state: 'ready'; table: TypedTable } | { state: 'failed'; message: string };

/** `data/parcels.csv`, `../data/parcels.csv` and `parcels.csv` all name the course's data/parcels.csv. */
export function resolveDataUrl(src: string, dataBaseUrl: string): string {
  const relative = src.replace(/^(?:\.\.\/)*(?:\.\/)?(?:data\/)?/, '');
  return `${dataBaseUrl}${relative.split('/').map(encodeURIComponent).join('/')}`;
}

/** Fetches and parses a CSV file of the course's data/ folder (from the app's own origin). */
export function useCsvTable(src: string | undefined): CsvState {
  const { dataBaseUrl } = useLessonScope();
  const [result, setResult] = useState<{ src: string | undefined; state: CsvState }>({ src, state: { state: 'loading' } });
  useEffect(() => {
    if (!src) return;
    let current = true;
    (async () => {
      const response = await fetch(resolveDataUrl(src, dataBaseUrl), { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
      const { parseCsv } = await import('./parse-csv');
      return parseCsv(await response.text());
    })().then(
      (table) => current && setResult({ src, state: { state: 'ready', table } }),
      (error: unknown) =>
        current &&
        setResult({ src, state: { state: 'failed', message: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      current = false;
    };
  }, [src, dataBaseUrl]);
  return result.src === src ? result.state : { state: 'loading' };
}
