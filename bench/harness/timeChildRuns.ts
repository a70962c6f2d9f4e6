import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childMeasurement, effectivePlan } from './measure.js';
import type { Measurement, RunPlan } from './types.js';

const PRELOAD = join(import.meta.dirname, 'reportPeakRss.cjs');

/** One finished child run: its stdout and the scratch directory (the child's working directory unless `cwd` is given). */
export interface ChildRun {
  readonly stdout: string;
  readonly dir: string;
  readonly warmup: boolean;
}

/** Options of `timeChildRuns`. */
export interface ChildRunOptions {
  /** Working directory of the child; default: a fresh scratch directory, removed afterwards. */
  readonly cwd?: string;
  readonly timeoutMs: number;
  readonly maxBuffer?: number;
  readonly plan?: Partial<RunPlan>;
  /** Called after every run (warm-up included), before the scratch directory is removed; may throw to fail the case. */
  readonly onRun?: (run: ChildRun) => void;
}

/**
 * Run `node -r reportPeakRss.cjs ...args` as a child process, warm-up runs first, and measure wall time from spawn to
 * exit, with the CPU time and peak RSS the child reports on exit. Throws on a non-zero exit (the caller turns it into
 * a failed row). The cases that time the built CLI or a script share this loop.
 *
 * @example
 * timeChildRuns([CLI, 'start'], { timeoutMs: 120_000, plan: { warmup: 1, minRuns: 3, maxRuns: 3 } }).medianMs;
 */
export function timeChildRuns(args: readonly string[], options: ChildRunOptions): Measurement {
  const dir = mkdtempSync(join(tmpdir(), 'chain-targeting-bench-'));
  const peakFile = join(dir, 'peak.txt');
  const samples: number[] = [];
  const peaks: number[] = [];
  const cpu: number[] = [];
  const plan = effectivePlan(options.plan ?? { warmup: 1, minRuns: 3, maxRuns: 3 });
  try {
    for (let i = 0; i < plan.warmup + plan.minRuns; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['-r', PRELOAD, ...args], {
        cwd: options.cwd ?? dir,
        encoding: 'utf8',
        timeout: options.timeoutMs,
        maxBuffer: options.maxBuffer ?? 64 << 20,
        env: { ...process.env, NO_COLOR: '1', BENCH_PEAK_FILE: peakFile },
      });
      const ms = performance.now() - t0;
      if (r.status !== 0) throw new Error(`exit ${r.status ?? r.signal}: ${(r.stderr || r.stdout).slice(-300)}`);
      const warmup = i < plan.warmup; // warm-up: file-system cache
      options.onRun?.({ stdout: r.stdout, dir, warmup });
      if (warmup) continue;
      samples.push(ms);
      const report = JSON.parse(readFileSync(peakFile, 'utf8')) as { peakKb: number; cpuUs: number };
      if (report.peakKb > 0) peaks.push(report.peakKb / 1024);
      cpu.push(report.cpuUs / 1000);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return childMeasurement(samples, cpu, peaks, plan.warmup);
}
