import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childMeasurement, effectivePlan } from '../harness/measure.js';
import { failed, measured, unavailable, type BenchCase } from './common.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const PRELOAD = join(ROOT, 'bench', 'harness', 'reportPeakRss.cjs');
const CHROMIUM = process.env.CHAIN_TARGETING_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The full handbook with its PDF (issue 18): `node dist/cli/main.js handbook --pdf` as a child process — build, the
 * four files with the interactive HTML, then Chromium prints the PDF and the TOC gets its page numbers — wall time
 * from spawn to exit. Chromium's own memory is not in the peak (the child's only).
 */
export const handbookPdfS: BenchCase = {
  id: 'handbook-pdf.S',
  size: 'S',
  stage: 'handbook',
  title: 'the full handbook with PDF (built CLI, headless Chromium)',
  async execute() {
    const stage = 'handbook' as const;
    const label = 'node dist/cli/main.js handbook --pdf (child process, wall time; Chromium included)';
    const target = { maxMs: 10_000 };
    if (!existsSync(CLI)) return { results: [unavailable('handbook-pdf.S', stage, 'S', label, 'dist/cli/main.js is missing: run `npm run build` first (npm run bench does)', target)] };
    if (!existsSync(CHROMIUM)) return { results: [unavailable('handbook-pdf.S', stage, 'S', label, `no Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk)`, target)] };
    const cwd = mkdtempSync(join(tmpdir(), 'chain-targeting-bench-'));
    const peakFile = join(cwd, 'peak.txt');
    const samples: number[] = [];
    const peaks: number[] = [];
    const cpu: number[] = [];
    const details: Record<string, number> = {};
    const plan = effectivePlan({ warmup: 1, minRuns: 3, maxRuns: 3 });
    try {
      for (let i = 0; i < plan.warmup + plan.minRuns; i++) {
        const t0 = performance.now();
        const r = spawnSync(process.execPath, ['-r', PRELOAD, CLI, 'handbook', '--pdf', '--chromium', CHROMIUM, '--format', 'json'], {
          cwd,
          encoding: 'utf8',
          timeout: 300_000,
          env: { ...process.env, NO_COLOR: '1', BENCH_PEAK_FILE: peakFile },
        });
        const ms = performance.now() - t0;
        if (r.status !== 0) throw new Error(`exit ${r.status ?? r.signal}: ${(r.stderr || r.stdout).slice(-300)}`);
        const out = JSON.parse(r.stdout) as { pdfPages?: number; files: { html: string; pdf?: string } };
        details.pdfPages = out.pdfPages ?? 0;
        details.htmlKb = Math.round(statSync(out.files.html).size / 1024);
        details.pdfKb = out.files.pdf !== undefined ? Math.round(statSync(out.files.pdf).size / 1024) : 0;
        if (i < plan.warmup) continue; // warm-up: file-system cache
        samples.push(ms);
        const report = JSON.parse(readFileSync(peakFile, 'utf8')) as { peakKb: number; cpuUs: number };
        if (report.peakKb > 0) peaks.push(report.peakKb / 1024);
        cpu.push(report.cpuUs / 1000);
      }
    } catch (e) {
      return { results: [failed('handbook-pdf.S', stage, 'S', label, e, target)] };
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
    const m = childMeasurement(samples, cpu, peaks, plan.warmup);
    return { results: [measured('handbook-pdf.S', stage, 'S', label, m, { target, details })] };
  },
};
