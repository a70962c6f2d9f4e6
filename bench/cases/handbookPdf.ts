import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { timeChildRuns } from '../harness/timeChildRuns.js';
import { failed, measured, unavailable, type BenchCase } from './common.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
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
    const details: Record<string, number> = {};
    try {
      const m = timeChildRuns([CLI, 'handbook', '--pdf', '--chromium', CHROMIUM, '--format', 'json'], {
        timeoutMs: 300_000,
        onRun: (r) => {
          const out = JSON.parse(r.stdout) as { pdfPages?: number; files: { html: string; pdf?: string } };
          details.pdfPages = out.pdfPages ?? 0;
          details.htmlKb = Math.round(statSync(out.files.html).size / 1024);
          details.pdfKb = out.files.pdf !== undefined ? Math.round(statSync(out.files.pdf).size / 1024) : 0;
        },
      });
      return { results: [measured('handbook-pdf.S', stage, 'S', label, m, { target, details })] };
    } catch (e) {
      return { results: [failed('handbook-pdf.S', stage, 'S', label, e, target)] };
    }
  },
};
