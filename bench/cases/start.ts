import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childMeasurement, effectivePlan } from '../harness/measure.js';
import { failed, measured, unavailable, type BenchCase } from './common.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const PRELOAD = join(ROOT, 'bench', 'harness', 'reportPeakRss.cjs');

/**
 * `npm start` without the build step: the built CLI (`node dist/cli/main.js start`) as a child process,
 * in a temporary working directory (it writes the handbook to ./out), wall time from spawn to exit.
 */
export const startS: BenchCase = {
  id: 'start.S',
  size: 'S',
  stage: 'npm start',
  title: 'npm start (built CLI)',
  async execute() {
    const stage = 'npm start' as const;
    const label = 'node dist/cli/main.js start (child process, wall time; build excluded)';
    const target = { maxMs: 10_000 };
    if (!existsSync(CLI)) return { results: [unavailable('start.S', stage, 'S', label, 'dist/cli/main.js is missing: run `npm run build` first (npm run bench does)', target)] };
    const cwd = mkdtempSync(join(tmpdir(), 'chain-targeting-bench-'));
    const peakFile = join(cwd, 'peak.txt');
    const samples: number[] = [];
    const peaks: number[] = [];
    const cpu: number[] = [];
    let outFiles = 0;
    const plan = effectivePlan({ warmup: 1, minRuns: 3, maxRuns: 3 });
    try {
      for (let i = 0; i < plan.warmup + plan.minRuns; i++) {
        const t0 = performance.now();
        const r = spawnSync(process.execPath, ['-r', PRELOAD, CLI, 'start'], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1', BENCH_PEAK_FILE: peakFile } });
        const ms = performance.now() - t0;
        if (r.status !== 0) throw new Error(`exit ${r.status ?? r.signal}: ${(r.stderr || r.stdout).slice(-300)}`);
        if (i < plan.warmup) continue; // warm-up: file-system cache
        samples.push(ms);
        const report = JSON.parse(readFileSync(peakFile, 'utf8')) as { peakKb: number; cpuUs: number };
        if (report.peakKb > 0) peaks.push(report.peakKb / 1024);
        cpu.push(report.cpuUs / 1000);
      }
      outFiles = existsSync(join(cwd, 'out')) ? 1 : 0;
    } catch (e) {
      return { results: [failed('start.S', stage, 'S', label, e, target)] };
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
    const m = childMeasurement(samples, cpu, peaks, plan.warmup);
    return { results: [measured('start.S', stage, 'S', label, m, { target, details: { wroteOut: outFiles === 1 } })] };
  },
};
