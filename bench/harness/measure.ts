import { collectGarbage, memoryNow, peakRssMb, resetPeakRss } from './memory.js';
import { median, percentile, round } from './stats.js';
import type { Measurement, RunPlan } from './types.js';

/** Default plan: 1 warm-up, 3 to 7 runs within 5 s. */
export const DEFAULT_PLAN: RunPlan = { warmup: 1, minRuns: 3, maxRuns: 7, budgetMs: 5_000 };

/** Optional override of every plan (the smoke test runs everything once, without warm-up). */
let planOverride: Partial<RunPlan> | undefined;

/** Override the run plan of every measurement in this process (smoke test: `{ warmup: 0, minRuns: 1, maxRuns: 1 }`). */
export function setPlanOverride(override: Partial<RunPlan> | undefined): void {
  planOverride = override;
}

/** The plan a measurement will use: the given one, completed by the defaults, with the override applied. */
export function effectivePlan(plan: Partial<RunPlan> = {}): RunPlan {
  return { ...DEFAULT_PLAN, ...plan, ...planOverride };
}

/**
 * Time a function: warm-up runs, then timed runs (each after a full GC, with the peak-RSS mark reset),
 * recording median, p90, min, peak RSS and JS heap. The function's result is kept alive until the end of
 * its run's memory reading, then dropped before the next run.
 *
 * @param fn - the stage (sync or async)
 * @param plan - warm-up and run counts, time budget
 * @returns the measurement and the last run's output
 */
export async function measure<T>(fn: () => T | Promise<T>, plan: Partial<RunPlan> = {}): Promise<{ measurement: Measurement; output: T }> {
  const p = effectivePlan(plan);
  for (let i = 0; i < p.warmup; i++) await fn();
  const samples: number[] = [];
  const cpu: number[] = [];
  let peak = 0;
  let base = Number.POSITIVE_INFINITY;
  let heapUsed = 0;
  let heapTotal = 0;
  let output: T | undefined;
  const started = performance.now();
  while (samples.length < p.minRuns || (samples.length < p.maxRuns && performance.now() - started < p.budgetMs)) {
    output = undefined;
    collectGarbage();
    base = Math.min(base, memoryNow().rssMb);
    resetPeakRss();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    output = await fn();
    samples.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    const m = memoryNow();
    heapUsed = Math.max(heapUsed, m.heapUsedMb);
    heapTotal = Math.max(heapTotal, m.heapTotalMb);
    peak = Math.max(peak, peakRssMb(), m.rssMb);
  }
  const measurement: Measurement = {
    samplesMs: samples.map((s) => round(s)),
    medianMs: round(median(samples)),
    p90Ms: round(percentile(samples, 0.9)),
    minMs: round(Math.min(...samples)),
    cpuMs: round(median(cpu)),
    warmup: p.warmup,
    peakRssMb: round(peak),
    baseRssMb: round(base),
    heapUsedMb: round(heapUsed),
    heapTotalMb: round(heapTotal),
  };
  return { measurement, output: output as T };
}

/**
 * The measurement of runs made in child processes (the built CLI): wall times, CPU times and peak RSS per run as
 * the child reported them; the parent's heap figures do not apply and are 0.
 *
 * @example
 * childMeasurement([1200, 1180], [900, 880], [812, 815], 0).medianMs; // 1190
 */
export function childMeasurement(samples: readonly number[], cpu: readonly number[], peaks: readonly number[], warmup: number): Measurement {
  return {
    samplesMs: samples.map((s) => round(s)),
    medianMs: round(median(samples)),
    p90Ms: round(percentile(samples, 0.9)),
    minMs: round(Math.min(...samples)),
    cpuMs: round(median(cpu)),
    warmup,
    peakRssMb: round(Math.max(0, ...peaks)),
    baseRssMb: 0,
    heapUsedMb: 0,
    heapTotalMb: 0,
  };
}
