// Seeded draws for the generators, on top of the library's mulberry32 (src/internal/random.ts), so a
// dataset is the same on every machine for a given seed.
import { mulberry32 } from '../../src/internal/random.js';

/** A seeded source of draws; every generator takes one and nothing else random. */
export interface Rng {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One key of a table of weights, with probability proportional to its weight. */
  weighted<K extends string | number>(table: readonly (readonly [K, number])[]): K;
}

/**
 * A seeded Rng (mulberry32 underneath).
 *
 * @param seed - any integer
 * @returns the draws
 * @example
 * createRng(1).int(1, 6); // the same die roll on every run
 */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick: empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: <K extends string | number>(table: readonly (readonly [K, number])[]): K => {
      let total = 0;
      for (const [, w] of table) total += w;
      let r = next() * total;
      for (const [k, w] of table) {
        r -= w;
        if (r < 0) return k;
      }
      return table[table.length - 1]![0];
    },
  };
  return rng;
}

/**
 * A fast sampler over a large weighted table (binary search on cumulative weights), for tables drawn
 * from a million times (places).
 *
 * @param table - items with their weights
 * @returns a function drawing one item with the given rng
 * @example
 * const draw = weightedSampler([['a', 1], ['b', 3]]); draw(rng); // 'b' three times as often
 */
export function weightedSampler<T>(table: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const cumulative = new Float64Array(table.length);
  let total = 0;
  table.forEach(([, w], i) => {
    total += w;
    cumulative[i] = total;
  });
  return (rng) => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = table.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return table[lo]![0];
  };
}
