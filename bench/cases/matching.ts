import { liaocheng } from '../../src/dataset/liaocheng.js';
import { generateNames, type GeneratedName } from '../generate/companies.js';
import { DEFAULT_SEED, generateTaxonomyFor, SIZES } from '../generate/dataset.js';
import { nameQueries, type NameQuery } from '../generate/nameQueries.js';
import { createRng } from '../generate/rng.js';
import { round } from '../harness/stats.js';
import type { BenchResult, RunPlan } from '../harness/types.js';
import { measureRow, optionalExport, timeOnce, unavailable, type BenchCase } from './common.js';

type Hit = { readonly id: string; readonly score: number };
interface NameIndexLike {
  keyOf(index: number): string;
  byKey(key: string): readonly number[];
  match(name: string, options?: { limit?: number; minScore?: number }): readonly Hit[];
  search(query: string, options?: { limit?: number; minScore?: number }): readonly Hit[];
}
type CreateNameIndex = (records: readonly { id: string; name: string; aliases?: readonly string[] }[], options?: Record<string, unknown>) => NameIndexLike;
type NamedRecord = { id: string; name: string; aliases: readonly string[] };
type Api = 'match' | 'search';

const STAGE = 'name matching' as const;

function label(api: Api, records: number, queries: number): string {
  return api === 'match'
    ? `bulk: createNameIndex over ${records.toLocaleString('en')} names (places, default options) + ${queries.toLocaleString('en')} NameIndex.match calls (limit 5, Dice ≥ 0.8)`
    : `people-facing search: createNameIndex over ${records.toLocaleString('en')} names + ${queries.toLocaleString('en')} NameIndex.search calls (fuse.js, limit 5)`;
}

interface Run {
  readonly index: NameIndexLike;
  readonly hits: readonly (readonly Hit[])[];
}

/** Build the index, run the queries through one API; keep the split of the time. */
function runMatching(createNameIndex: CreateNameIndex, api: Api, records: readonly NamedRecord[], qs: readonly NameQuery[], places: readonly string[], split: { buildMs: number; queryMs: number }): Run {
  const t0 = performance.now();
  const index = createNameIndex(records, { places });
  const t1 = performance.now();
  const hits = api === 'match' ? qs.map((q) => index.match(q.query, { limit: 5 })) : qs.map((q) => index.search(q.query, { limit: 5 }));
  split.queryMs = performance.now() - t1;
  split.buildMs = t1 - t0;
  return { index, hits };
}

/**
 * Quality of the hits: top-1 accuracy and top-5 recall over the queries naming a listed firm, the share of
 * those whose firm shares its key with another record (ambiguous: a key drops place and legal form, so
 * 鑫泰铝业 of two cities is one key), the share of absent firms whose top hit scores ≥ 0.8; and per variant.
 */
function quality(qs: readonly NameQuery[], run: Run, position: ReadonlyMap<string, number>): Record<string, number> {
  type Tally = { n: number; top1: number; top5: number; ambiguous: number };
  const all: Tally = { n: 0, top1: 0, top5: 0, ambiguous: 0 };
  const byVariant = new Map<string, Tally>();
  let absent = 0;
  let falseHits = 0;
  qs.forEach((q, i) => {
    const hits = run.hits[i]!;
    if (q.expected === undefined) {
      absent++;
      if (hits[0] !== undefined && hits[0].score >= 0.8) falseHits++;
      return;
    }
    const at = position.get(q.expected)!;
    const ambiguous = run.index.byKey(run.index.keyOf(at)).length > 1 ? 1 : 0;
    const top1 = hits[0]?.id === q.expected ? 1 : 0;
    const top5 = hits.some((h) => h.id === q.expected) ? 1 : 0;
    let v = byVariant.get(q.variant);
    if (v === undefined) byVariant.set(q.variant, (v = { n: 0, top1: 0, top5: 0, ambiguous: 0 }));
    for (const t of [all, v]) {
      t.n++;
      t.top1 += top1;
      t.top5 += top5;
      t.ambiguous += ambiguous;
    }
  });
  const out: Record<string, number> = {
    top1Accuracy: round(all.top1 / Math.max(1, all.n)),
    top5Recall: round(all.top5 / Math.max(1, all.n)),
    ambiguousShare: round(all.ambiguous / Math.max(1, all.n)),
    absentWithScore08: round(falseHits / Math.max(1, absent)),
  };
  for (const [name, t] of [...byVariant].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    out[`${name}.top1`] = round(t.top1 / t.n);
    out[`${name}.top5`] = round(t.top5 / t.n);
    out[`${name}.ambiguous`] = round(t.ambiguous / t.n);
  }
  return out;
}

function matchingCase(size: 'S' | 'L', records: number, queries: number, search: { records: number; queries: number }): BenchCase {
  const id = `match.${size}`;
  const searchId = `match-search.${size}`;
  const target = records >= 1_000_000 ? { maxMs: 10_000 } : undefined;
  const sizeLabel = (q: number, r: number): string => `${q.toLocaleString('en')} × ${r.toLocaleString('en')}`;
  return {
    id,
    size,
    stage: STAGE,
    title: `matching ${queries} names against ${records}`,
    async execute() {
      const createNameIndex = await optionalExport<CreateNameIndex>('../../src/match/createNameIndex.js', 'createNameIndex');
      if (typeof createNameIndex === 'string') return { results: [unavailable(id, STAGE, sizeLabel(queries, records), label('match', records, queries), createNameIndex, target)] };
      // Only what a user would hold stays alive while the stages run: the records and the queries (the
      // generator's parts objects are dropped here, so garbage collection does not mark them in the timed runs).
      const [prepared, prepareMs] = timeOnce(() => {
        const tax = generateTaxonomyFor(records >= 1_000_000 ? SIZES.L : SIZES.M);
        const generated: GeneratedName[] = generateNames(tax, liaocheng(), records, createRng(DEFAULT_SEED * 23 + records));
        const qs: NameQuery[] = nameQueries(generated, queries, createRng(DEFAULT_SEED * 29 + queries));
        const sQueries = search.queries === queries && search.records === records ? qs : nameQueries(generated.slice(0, search.records), search.queries, createRng(DEFAULT_SEED * 31));
        return { names: generated.map((n) => ({ id: n.id, name: n.name, aliases: n.aliases })), qs, sQueries, places: tax.cities.map((c) => c.name) };
      });
      const { names, qs, sQueries, places } = prepared;
      const position = new Map(names.map((r, i) => [r.id, i] as const));
      const results: BenchResult[] = [];
      const details = (split: { buildMs: number; queryMs: number }, sq: readonly NameQuery[]) => (run: Run) => ({
        lastBuildMs: round(split.buildMs),
        lastQueriesMs: round(split.queryMs),
        usPerQuery: round((split.queryMs * 1000) / sq.length),
        ...quality(sq, run, position),
      });

      // The people-facing search (fuse.js over the blocked candidates), at a smaller size: its latency per query.
      const sNames = names.slice(0, search.records);
      const sSplit = { buildMs: 0, queryMs: 0 };
      const searchRow = (await measureRow(
        { id: searchId, stage: STAGE, size: sizeLabel(sQueries.length, sNames.length), label: label('search', sNames.length, sQueries.length) },
        () => runMatching(createNameIndex, 'search', sNames, sQueries, places, sSplit),
        size === 'S' ? { warmup: 1, minRuns: 3, maxRuns: 5, budgetMs: 5_000 } : { warmup: 0, minRuns: 1, maxRuns: 1, budgetMs: 0 },
        details(sSplit, sQueries),
      )).result;
      results.push(searchRow);

      // The bulk matcher, at full size: the target's row.
      const split = { buildMs: 0, queryMs: 0 };
      const plan: Partial<RunPlan> = size === 'S' ? { warmup: 1, minRuns: 3, maxRuns: 5, budgetMs: 5_000 } : { warmup: 0, minRuns: 1, maxRuns: 3, budgetMs: 30_000 };
      const { result } = await measureRow(
        { id, stage: STAGE, size: sizeLabel(queries, records), label: label('match', records, queries), ...(target ? { target } : {}) },
        () => runMatching(createNameIndex, 'match', names, qs, places, split),
        plan,
        (run) => ({ ...details(split, qs)(run), prepareMs: round(prepareMs) }),
      );
      results.push(result);
      return { results };
    },
  };
}

/** 100,000 `match` queries against 1,000,000 names; `search` latency at 1,000 queries × 100,000 names. */
export const matchL = matchingCase('L', 1_000_000, 100_000, { records: 100_000, queries: 1_000 });
/** Small size: 200 queries against 5,000 names, through `match` and through `search`. */
export const matchS = matchingCase('S', 5_000, 200, { records: 5_000, queries: 200 });
