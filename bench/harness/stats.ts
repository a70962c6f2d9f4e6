/**
 * Median of a non-empty list (mean of the two middle values for an even count).
 *
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Percentile by nearest rank (p90 of 3 runs is the slowest run): conservative for few samples.
 *
 * @example
 * percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9); // 9
 */
export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
}

/**
 * Least-squares slope of log(y) on log(x): the exponent k in y ≈ c · x^k (1 = linear, 2 = quadratic).
 *
 * @example
 * logLogSlope([[10, 1], [100, 10], [1000, 100]]); // 1
 */
export function logLogSlope(points: readonly (readonly [number, number])[]): number {
  const xs = points.map(([x]) => Math.log(x));
  const ys = points.map(([, y]) => Math.log(y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i]! - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? Number.NaN : num / den;
}

/** Round to a number of significant digits for display and JSON (timings are not more precise than that). */
export function round(x: number, digits = 4): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const p = 10 ** (digits - 1 - Math.floor(Math.log10(Math.abs(x))));
  return Math.round(x * p) / p;
}

/**
 * Slopes of log(y) on log(x) between consecutive points (n − 1 values for n points).
 *
 * @example
 * localSlopes([[10, 1], [100, 10], [1000, 1000]]); // [1, 2]
 */
export function localSlopes(points: readonly (readonly [number, number])[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < points.length; i++) out.push(round(logLogSlope([points[i - 1]!, points[i]!]), 3));
  return out;
}
