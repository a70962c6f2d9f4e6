import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { timeChildRuns } from '../harness/timeChildRuns.js';
import { failed, measured, unavailable, type BenchCase } from './common.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'evalPlacement.ts');
const SHARED = join(ROOT, '..', 'shared', 'data', 'external', 'a_share_companies_merged.csv');

/** The counts of one set and split in `eval:placement --json` (the accuracy figures are not read here). */
interface SplitCounts {
  readonly chain: number;
  readonly offChain: number;
  readonly otherManufacturing: number;
}

/**
 * The held-out placement evaluation (issue 13, "the held-out evaluation runs in the bench"): `tsx
 * scripts/evalPlacement.ts --split holdout --json` as a child process — it imports the held-out listed companies
 * twice (申万三级 label, vendor label) and the held-out products-and-scope set through `importCompanies` with 挂链 —
 * wall time from spawn to exit, tsx start-up included. Only the row counts are recorded: the accuracy figures belong
 * to `npm run eval:placement` and eval/placement/README.md, and a benchmark is no place to tune on them.
 */
export const placementEvalHoldout: BenchCase = {
  id: 'eval-placement.holdout',
  size: 'S',
  stage: 'import + tagging',
  title: 'the held-out placement evaluation (eval:placement --split holdout)',
  async execute() {
    const stage = 'import + tagging' as const;
    const label = 'tsx scripts/evalPlacement.ts --split holdout --json (child process, wall time; 3 sets)';
    if (!existsSync(SHARED)) return { results: [unavailable('eval-placement.holdout', stage, 'S', label, `needs ${SHARED} (the shared reference data)`)] };
    const details: Record<string, number> = {};
    try {
      const m = timeChildRuns(['--import', 'tsx', SCRIPT, '--split', 'holdout', '--json'], {
        cwd: ROOT,
        timeoutMs: 300_000,
        onRun: (r) => {
          const out = JSON.parse(r.stdout) as Record<string, Record<string, SplitCounts>>;
          let rows = 0;
          Object.values(out).forEach((bySplit, k) => {
            const h = bySplit['holdout'];
            if (h === undefined) throw new Error('no holdout split in the output');
            const n = h.chain + h.offChain + h.otherManufacturing;
            details[`set${k + 1}Rows`] = n;
            rows += n;
          });
          details.rowsEvaluated = rows;
        },
      });
      return { results: [measured('eval-placement.holdout', stage, 'S', label, m, { details })] };
    } catch (e) {
      return { results: [failed('eval-placement.holdout', stage, 'S', label, e)] };
    }
  },
};
