import { expect } from 'vitest';
import { ChainTargetingError } from '../../src/errors.js';

/**
 * Runs per property: `FUZZ_RUNS` when set, a long run under `npm run fuzz` (2,000), else the CI
 * default given (kept small so the whole fuzz suite stays within ~40 s of CI time).
 */
export function fuzzRuns(ciDefault: number): number {
  const env = Number(process.env.FUZZ_RUNS);
  if (Number.isSafeInteger(env) && env > 0) return env;
  return process.env.npm_lifecycle_event === 'fuzz' ? Math.max(2000, ciDefault) : ciDefault;
}

/** Most milliseconds one fuzzed call may take (generous: the machine is shared; a hang is what is caught). */
export const TIME_BOUND_MS = 5_000;

/**
 * Run `fn`; it must return within the time bound, or throw a `ChainTargetingError` carrying one of `codes`
 * (any code when omitted) — never another exception (RangeError, TypeError …).
 */
export async function typedOrResult<T>(fn: () => T | Promise<T>, codes?: readonly string[]): Promise<T | undefined> {
  const t0 = performance.now();
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof ChainTargetingError)) throw error;
    expect(typeof error.code).toBe('string');
    if (codes !== undefined) expect(codes).toContain(error.code);
    return undefined;
  } finally {
    expect(performance.now() - t0).toBeLessThan(TIME_BOUND_MS);
  }
}
