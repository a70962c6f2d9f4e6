/**
 * A seeded pseudo-random number generator (mulberry32 by Tommy Ettinger, public domain): 32-bit state,
 * period 2^32, good enough for weight perturbations and sampling, and the same sequence on every platform.
 * Never `Math.random()` in library code: results must be reproducible from a seed.
 *
 * @param seed - any integer (taken modulo 2^32)
 * @returns a function returning the next number in [0, 1)
 * @example
 * const random = mulberry32(42);
 * random(); // 0.6011037519201636, the same on every run
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
