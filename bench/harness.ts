/** A row the bench prints: a name, the median of the samples, and context. */
export interface BenchRow {
  name: string;
  unit: 'ms' | 'decks/s' | 'MB' | 'x' | 'count';
  value: number;
  /** Samples behind a median, with min and max shown. */
  samples?: number[];
  note?: string;
}

export type Report = (row: BenchRow) => void;

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Time `fn` `runs` times after `warmup` runs; returns the samples in ms. */
export async function sample(fn: () => Promise<unknown> | unknown, runs = 10, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export function timed(name: string, samples: number[], note?: string): BenchRow {
  return { name, unit: 'ms', value: median(samples), samples, note };
}
