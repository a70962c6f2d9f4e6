/**
 * Local presence p in [0, 1] of a segment: p = min(1, ln(1 + r) / ln(1 + B)), r = local revenue
 * (亿元), B = benchmark (the segment's `benchmarkRevenue`, else the default option, 50亿元). The log
 * map is concave, so one mid-size firm already counts: with B = 50, a 5.5亿 firm gives 0.48, a
 * 30亿 firm 0.87, a 0.5亿 workshop 0.10; only B or more gives 1.
 *
 * @param revenue - local revenue attributed to the segment, 亿元, ≥ 0
 * @param benchmark - revenue at which presence is full, 亿元, > 0
 * @returns presence in [0, 1]
 * @example
 * presence(5.5, 50); // ≈ 0.476
 */
export function presence(revenue: number, benchmark: number): number {
  if (!(revenue > 0)) return 0;
  return Math.min(1, Math.log1p(revenue) / Math.log1p(benchmark));
}
