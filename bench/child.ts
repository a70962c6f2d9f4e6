// Runs one benchmark case in its own process (so its peak memory is its own) and sends the output to
// the parent over IPC. Usage (by bench/run.ts): fork('bench/child.ts', [caseId]).
import { caseById } from './cases/index.js';
import { setPlanOverride } from './harness/measure.js';

const id = process.argv[2] ?? '';
const bench = caseById(id);
if (bench === undefined || process.send === undefined) {
  process.stderr.write(`bench/child: unknown case "${id}" or no IPC channel\n`);
  process.exit(2);
}
if (process.env.BENCH_PLAN) setPlanOverride(JSON.parse(process.env.BENCH_PLAN) as Record<string, number>);
const output = await bench.execute();
process.send(output, () => process.exit(0));
