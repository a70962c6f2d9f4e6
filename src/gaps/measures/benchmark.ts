import type { Segment } from '../../schema/segment.js';

/** The benchmark a segment's presence is measured against, and where it came from. */
export interface SegmentBenchmark {
  /** Revenue (亿元) at which presence is 1, > 0. */
  readonly value: number;
  /**
   * `relative` = share × the local revenue of another segment (就地转化率); `segment` = the segment's own
   * `benchmarkRevenue`; `default` = the option's default benchmark.
   */
  readonly kind: 'relative' | 'segment' | 'default';
  /** For `relative`: the reference segment id, the target share and its local revenue (亿元). */
  readonly relative?: { readonly segment: string; readonly share: number; readonly referenceRevenue: number };
}

/**
 * The benchmark of a segment: with `benchmarkRelative` and local revenue on the reference segment,
 * share × that revenue (就地转化率: e.g. 铝板带箔 against 30% of local 电解铝 revenue); otherwise its own
 * `benchmarkRevenue`, otherwise the default. The reference revenue is read as recorded (not via its
 * own benchmark), so relative benchmarks never chain; a segment naming itself is ignored.
 *
 * @param segment - the segment
 * @param revenueOf - local revenue (亿元) of a segment id (0 when none or unknown)
 * @param defaultBenchmark - the default benchmark (亿元), > 0
 * @returns the benchmark and its kind
 * @example
 * segmentBenchmark({ ...foil, benchmarkRelative: { segment: 'ingot', share: 0.3 } }, (id) => (id === 'ingot' ? 600 : 0), 50).value; // 180
 */
export function segmentBenchmark(segment: Segment, revenueOf: (id: string) => number, defaultBenchmark: number): SegmentBenchmark {
  const rel = segment.benchmarkRelative;
  if (rel !== undefined && rel.segment !== segment.id) {
    const referenceRevenue = revenueOf(rel.segment);
    const value = referenceRevenue * rel.share;
    if (value > 0 && Number.isFinite(value)) return { value, kind: 'relative', relative: { segment: rel.segment, share: rel.share, referenceRevenue } };
  }
  if (segment.benchmarkRevenue !== undefined) return { value: segment.benchmarkRevenue, kind: 'segment' };
  return { value: defaultBenchmark, kind: 'default' };
}
