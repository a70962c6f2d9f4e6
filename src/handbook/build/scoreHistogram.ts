import type { HistogramBin } from '../types.js';

/** Counts of scores in 10 bins of width 0.1 over [0, 1]; scores outside are clamped into the end bins. */
export function scoreHistogram(scores: readonly number[]): HistogramBin[] {
  const counts = Array.from({ length: 10 }, () => 0);
  for (const s of scores) {
    const i = Math.min(9, Math.max(0, Math.floor(s * 10)));
    counts[i]! += 1;
  }
  return counts.map((count, i) => ({ from: i / 10, to: (i + 1) / 10, count }));
}
