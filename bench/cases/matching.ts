import { liaocheng } from '../../src/dataset/liaocheng.js';
import { generateNames, type GeneratedName } from '../generate/companies.js';
import { DEFAULT_SEED, generateTaxonomyFor, SIZES } from '../generate/dataset.js';
import { nameQueries, type NameQuery } from '../generate/nameQueries.js';
import { createRng } from '../generate/rng.js';
import { effectivePlan } from '../harness/measure.js';
import { round } from '../harness/stats.js';
import type { BenchResult, RunPlan } from '../harness/types.js';
import { measureRow, optionalExport, timeOnce, unavailable, type BenchCase } from './common.js';

interface NameIndexLike {
  search(query: string, options?: { limit?: number; minScore?: number }): readonly { readonly id: string; readonly score: number }[];
}
type CreateNameIndex = (records: readonly { id: string; name: string; aliases?: readonly string[] }[], options?: Record<string, unknown>) => NameIndexLike;
type NamedRecord = { id: string; name: string; aliases: readonly string[] };

const STAGE = 'name matching' as const;
/** Largest projected wall time of the full-size run; above it only the probe is reported (keeps `npm run bench` under 10 minutes). */
export const MATCH_FULL_RUN_LIMIT_MS = 120_000;

function label(records: number, queries: number): string {
  return `createNameIndex over ${records.toLocaleString('en')} names (default options: pinyin on) + ${queries.toLocaleString('en')} searches (limit 5)`;
}

/** Build the index, run the queries; keep the split of the time. */
function runMatching(createNameIndex: CreateNameIndex, records: readonly NamedRecord[], qs: readonly NameQuery[], places: readonly string[], split: { buildMs: number; queryMs: number }) {
  const t0 = performance.now();
  const index = createNameIndex(records, { places });
  const t1 = performance.now();
  const hits = qs.map((q) => index.search(q.query, { limit: 5 })[0]);
  split.queryMs = performance.now() - t1;
  split.buildMs = t1 - t0;
  return hits;
}

function quality(qs: readonly NameQuery[], hits: readonly ({ readonly id: string; readonly score: number } | undefined)[]): Record<string, number> {
  let present = 0;
  let found = 0;
  let absent = 0;
  let falseHits = 0;
  hits.forEach((h, i) => {
    const q = qs[i]!;
    if (q.expected !== undefined) {
      present++;
      if (h?.id === q.expected) found++;
    } else {
      absent++;
      if (h !== undefined && h.score >= 0.8) falseHits++;
    }
  });
  return { top1Accuracy: round(found / Math.max(1, present)), absentWithScore08: round(falseHits / Math.max(1, absent)) };
}

function matchingCase(size: 'S' | 'L', records: number, queries: number): BenchCase {
  const id = `match.${size}`;
  const target = records >= 1_000_000 ? { maxMs: 10_000 } : undefined;
  const sizeLabel = `${queries.toLocaleString('en')} × ${records.toLocaleString('en')}`;
  return {
    id,
    size,
    stage: STAGE,
    title: `matching ${queries} names against ${records}`,
    async execute() {
      const createNameIndex = await optionalExport<CreateNameIndex>('../../src/match/createNameIndex.js', 'createNameIndex');
      if (typeof createNameIndex === 'string') return { results: [unavailable(id, STAGE, sizeLabel, label(records, queries), createNameIndex, target)] };
      const [prepared, prepareMs] = timeOnce(() => {
        const tax = generateTaxonomyFor(records >= 1_000_000 ? SIZES.L : SIZES.M);
        const names: GeneratedName[] = generateNames(tax, liaocheng(), records, createRng(DEFAULT_SEED * 23 + records));
        const qs: NameQuery[] = nameQueries(names, queries, createRng(DEFAULT_SEED * 29 + queries));
        return { generated: names, names: names.map((n) => ({ id: n.id, name: n.name, aliases: n.aliases })), qs, places: tax.cities.map((c) => c.name) };
      });
      const { generated, names, qs, places } = prepared;
      const results: BenchResult[] = [];
      const plan: Partial<RunPlan> = size === 'S' ? { warmup: 1, minRuns: 3, maxRuns: 5, budgetMs: 5_000 } : { warmup: 0, minRuns: 1, maxRuns: 2, budgetMs: 20_000 };
      if (size === 'L' && effectivePlan(plan).minRuns > 0) {
        // Probe at 1/10 of the names and 1/100 of the queries; project the full run (a lower bound: it
        // assumes index build linear in names and query cost independent of index size).
        const pNames = names.slice(0, records / 10);
        const pQueries = nameQueries(generated.slice(0, records / 10), queries / 100, createRng(DEFAULT_SEED * 31));
        const split = { buildMs: 0, queryMs: 0 };
        const probe = await measureRow(
          { id: `match-probe.${size}`, stage: STAGE, size: `${pQueries.length.toLocaleString('en')} × ${pNames.length.toLocaleString('en')}`, label: `probe: ${label(pNames.length, pQueries.length)}` },
          () => runMatching(createNameIndex, pNames, pQueries, places, split),
          { warmup: 0, minRuns: 1, maxRuns: 1, budgetMs: 0 },
          (hits) => ({ lastBuildMs: round(split.buildMs), lastQueriesMs: round(split.queryMs), usPerQuery: round((split.queryMs * 1000) / pQueries.length), ...quality(pQueries, hits) }),
        );
        results.push(probe.result);
        const projected = split.buildMs * (records / pNames.length) + split.queryMs * (queries / pQueries.length);
        if (probe.output === undefined || projected > MATCH_FULL_RUN_LIMIT_MS) {
          results.push({
            id,
            stage: STAGE,
            size: sizeLabel,
            label: label(records, queries),
            status: 'skipped',
            ...(target ? { target } : {}),
            ...(probe.output !== undefined ? { met: projected <= (target?.maxMs ?? Infinity) } : {}),
            note: `not run at full size: the probe projects ≥ ${round(projected / 1000, 3)} s (index build × 10, queries × 100), over the bench's ${MATCH_FULL_RUN_LIMIT_MS / 1000} s limit`,
            details: { projectedMsLowerBound: round(projected), prepareMs: round(prepareMs) },
          });
          return { results };
        }
      }
      const split = { buildMs: 0, queryMs: 0 };
      const { result } = await measureRow(
        { id, stage: STAGE, size: sizeLabel, label: label(records, queries), ...(target ? { target } : {}) },
        () => runMatching(createNameIndex, names, qs, places, split),
        plan,
        (hits) => ({ lastBuildMs: round(split.buildMs), lastQueriesMs: round(split.queryMs), usPerQuery: round((split.queryMs * 1000) / qs.length), ...quality(qs, hits), prepareMs: round(prepareMs) }),
      );
      results.push(result);
      return { results };
    },
  };
}

/** 100,000 queries against 1,000,000 names (after a probe at 1,000 × 100,000). */
export const matchL = matchingCase('L', 1_000_000, 100_000);
/** Small size: 200 queries against 5,000 names. */
export const matchS = matchingCase('S', 5_000, 200);
