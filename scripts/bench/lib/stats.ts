/**
 * Summaries of timing samples. Percentiles use the nearest-rank method: the figure reported is
 * always one of the samples actually measured, never an interpolated value nobody observed.
 */

function checkedSamples(samples: readonly number[]): number[] {
  if (samples.length === 0) throw new Error('no samples to summarise');
  for (const sample of samples) {
    if (!Number.isFinite(sample)) throw new Error(`not a finite sample: ${sample}`);
  }
  return [...samples].sort((a, b) => a - b);
}

/** The p-th percentile (0-100) by nearest rank: the smallest sample with at least p % of samples at or below it. */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile must be from 0 to 100, not ${p}`);
  const sorted = checkedSamples(samples);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** The middle sample, or the mean of the two middle samples when there is an even number of them. */
export function median(samples: readonly number[]): number {
  const sorted = checkedSamples(samples);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] as number;
  return ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface Summary {
  count: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = checkedSamples(samples);
  return {
    count: sorted.length,
    min: sorted[0] as number,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] as number,
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
  };
}
