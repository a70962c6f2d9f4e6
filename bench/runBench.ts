import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES } from './cases/index.js';
import type { BenchCase } from './cases/common.js';
import { DEFAULT_SEED } from './generate/dataset.js';
import { machineInfo } from './harness/machine.js';
import { setPlanOverride } from './harness/measure.js';
import { meetsTarget, type BenchReport } from './harness/report.js';
import { localSlopes, logLogSlope, round } from './harness/stats.js';
import type { BenchResult, CaseOutput, RunPlan, ScalingSeries } from './harness/types.js';

/** Options of a benchmark run. */
export interface BenchOptions {
  /** Only cases of these sizes (S, M, L, scaling). */
  readonly sizes?: readonly string[];
  /** Only these case ids. */
  readonly only?: readonly string[];
  /** Run every case in this process (smoke test) instead of a child process per case. */
  readonly inProcess?: boolean;
  /** Override every run plan (smoke test: one run, no warm-up). */
  readonly plan?: Partial<RunPlan>;
  /** Where to write the JSON report (none when undefined). */
  readonly out?: string;
  /** Progress lines (one per case). */
  readonly progress?: (line: string) => void;
  /** Largest wall time of one child process, ms (default 20 minutes: a safety net, not a target). */
  readonly childTimeoutMs?: number;
}

const CHILD = join(import.meta.dirname, 'child.ts');

function runChild(bench: BenchCase, options: BenchOptions): Promise<CaseOutput> {
  return new Promise((resolve) => {
    let output: CaseOutput | undefined;
    let stderr = '';
    const child = fork(CHILD, [bench.id], {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      env: { ...process.env, ...(options.plan ? { BENCH_PLAN: JSON.stringify(options.plan) } : {}) },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-2000);
    });
    child.on('message', (m) => {
      output = m as CaseOutput;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.childTimeoutMs ?? 20 * 60_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (output !== undefined) resolve(output);
      else resolve(crashed(bench, `child exited with ${signal ?? code}: ${stderr.trim().split('\n').slice(-3).join(' / ')}`));
    });
  });
}

function crashed(bench: BenchCase, note: string): CaseOutput {
  return { results: [{ id: bench.id, stage: bench.stage, size: bench.size, label: bench.title, status: 'error', note: note.slice(0, 500) }] };
}

async function runInProcess(bench: BenchCase, options: BenchOptions): Promise<CaseOutput> {
  setPlanOverride(options.plan);
  try {
    return await bench.execute();
  } catch (e) {
    return crashed(bench, e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  } finally {
    setPlanOverride(undefined);
  }
}

/** Add the L ranking (1,000,000 companies) to the ranking series when both were run, and refit. */
function withLargePoint(series: readonly ScalingSeries[], results: readonly BenchResult[]): ScalingSeries[] {
  const rankL = results.find((r) => r.id === 'rank.L' && r.status === 'ok');
  return series.map((s) => {
    if (rankL?.measurement === undefined || !s.stage.startsWith('ranking') || s.points.some((p) => p.n === 1_000_000)) return s;
    const points = [...s.points, { n: 1_000_000, medianMs: rankL.measurement.medianMs, peakRssMb: rankL.measurement.peakRssMb }];
    const xy = points.map((p) => [p.n, p.medianMs] as const);
    return { ...s, points, slope: round(logLogSlope(xy), 3), localSlopes: localSlopes(xy) };
  });
}

function summary(out: CaseOutput): string {
  return out.results
    .map((r) => `${r.id} ${r.status === 'ok' && r.measurement ? `${r.measurement.medianMs} ms` : r.status}`)
    .concat((out.scaling ?? []).map((s) => `${s.stage} slope ${s.slope}`))
    .join(', ');
}

/**
 * Run the benchmark cases (each in a child process unless `inProcess`), check the targets, and build the
 * report (written to `out` as JSON when given).
 *
 * @param options - which cases, how, where to write
 * @returns the report
 */
export async function runBench(options: BenchOptions = {}): Promise<BenchReport> {
  const started = performance.now();
  const machine = machineInfo();
  const selected = CASES.filter((c) => (options.sizes === undefined || options.sizes.includes(c.size)) && (options.only === undefined || options.only.includes(c.id)));
  const results: BenchResult[] = [];
  const scaling: ScalingSeries[] = [];
  const facts: Record<string, unknown> = {};
  for (const [i, bench] of selected.entries()) {
    const t0 = performance.now();
    const out = options.inProcess === true ? await runInProcess(bench, options) : await runChild(bench, options);
    results.push(...out.results);
    scaling.push(...(out.scaling ?? []));
    Object.assign(facts, out.facts ?? {});
    options.progress?.(`[${i + 1}/${selected.length}] ${bench.id} (${round((performance.now() - t0) / 1000, 3)} s): ${summary(out)}`);
  }
  const checked = results.map((r) => {
    const met = meetsTarget(r);
    return met === undefined ? r : { ...r, met };
  });
  const report: BenchReport = {
    version: 1,
    generatedAt: new Date().toISOString(),
    durationS: round((performance.now() - started) / 1000, 3),
    machine,
    seed: DEFAULT_SEED,
    results: checked,
    scaling: withLargePoint(scaling, checked),
    facts,
  };
  if (options.out !== undefined) writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}
