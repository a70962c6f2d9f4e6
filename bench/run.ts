// `npm run bench`: node --expose-gc --import tsx bench/run.ts [--sizes S,M,L,scaling] [--only id,id] [--quick] [--out file] [--readme]
// Writes bench/results.json and prints the table. See bench/README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatReport } from './harness/report.js';
import { runBench } from './runBench.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'in-process': { type: 'boolean', default: false },
    out: { type: 'string' },
    readme: { type: 'boolean', default: false },
  },
});

const list = (s: string | undefined): string[] | undefined => (s === undefined ? undefined : s.split(',').map((x) => x.trim()).filter(Boolean));
const sizes = list(values.sizes);
const only = list(values.only);
const out = values.out ?? join(import.meta.dirname, 'results.json');
if ((globalThis as { gc?: unknown }).gc === undefined) process.stderr.write('bench: run with node --expose-gc for stable memory figures\n');

const report = await runBench({
  ...(sizes ? { sizes } : {}),
  ...(only ? { only } : {}),
  ...(values.quick ? { plan: { warmup: 0, minRuns: 1, maxRuns: 1 } } : {}),
  inProcess: values['in-process'],
  out,
  progress: (line) => process.stderr.write(`${line}\n`),
});
const text = formatReport(report);
process.stdout.write(`${text}\n\nwritten: ${out}\n`);
if (values.readme) {
  // Replace the table between the markers of bench/README.md with this run's.
  const readme = join(import.meta.dirname, 'README.md');
  const start = '<!-- bench:table:start -->';
  const end = '<!-- bench:table:end -->';
  const old = readFileSync(readme, 'utf8');
  const a = old.indexOf(start);
  const b = old.indexOf(end);
  if (a >= 0 && b > a) writeFileSync(readme, `${old.slice(0, a + start.length)}\n${text}\n${old.slice(b)}`);
}
