import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { timeChildRuns } from '../harness/timeChildRuns.js';
import { failed, measured, unavailable, type BenchCase } from './common.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');

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
    let wroteOut = false;
    try {
      const m = timeChildRuns([CLI, 'start'], { timeoutMs: 120_000, onRun: (r) => { wroteOut = existsSync(join(r.dir, 'out')); } });
      return { results: [measured('start.S', stage, 'S', label, m, { target, details: { wroteOut } })] };
    } catch (e) {
      return { results: [failed('start.S', stage, 'S', label, e, target)] };
    }
  },
};
