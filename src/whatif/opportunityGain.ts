import * as z from 'zod';
import { buildGapContext } from '../gaps/buildGapContext.js';
import type { GapContext } from '../gaps/context.js';
import { contextMatches } from '../gaps/contextMatches.js';
import { presence } from '../gaps/measures/presence.js';
import type { GapOptionsInput } from '../gaps/options.js';
import { resolveGapOptions } from '../gaps/resolveGapOptions.js';
import { chainState } from '../gaps/chainState.js';
import { indexCorrections } from '../gaps/corrections.js';
import { deriveChainModel } from '../model/chainModel.js';
import { enterpriseRevenue } from '../model/enterpriseRevenue.js';
import type { SegmentFirms } from '../model/localFirmsBySegment.js';
import type { Company } from '../schema/company.js';
import type { Dataset } from '../schema/dataset.js';
import { cityTotals, type CityTotals } from './internal/cityTotals.js';
import { segmentBenchmark } from '../gaps/measures/benchmark.js';
import { landedEnterprise, landedEnterpriseId } from './internal/landedEnterprise.js';
import { LandingSize } from './scenario.js';
import { parseOptions as parseOptionsOrThrow } from '../schema/parseOptions.js';

/** What landing one company would add to the city's chain (its marginal value, after the Atlas of Economic Complexity's "opportunity gain"). */
export interface OpportunityGain {
  readonly id: string;
  readonly name: string;
  /** Segments it would land on (its known segments); empty when it cannot be placed on the chain. */
  readonly segments: readonly string[];
  /** Local revenue assumed for the landing, 亿元. */
  readonly revenue: number;
  /** Rise in city chain completeness (share in [0, 1]). */
  readonly completeness: number;
  /** Rise in the city's 本地配套率 (may be negative: a new segment with inputs from afar dilutes it). */
  readonly localSupplyRate: number;
  /** Segments that would turn from absent to present. */
  readonly becomesPresent: readonly string[];
  /** Rise in completeness of each industry that changes, by industry id (sorted). */
  readonly industries: readonly { readonly id: string; readonly completeness: number }[];
}

const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null;

/** Options of `opportunityGain`: landing size (default as in `land`), gap options, a prebuilt gap context. */
export const OpportunityGainOptions = z.strictObject({
  size: LandingSize.optional(),
  gaps: z.custom<GapOptionsInput>(isObject, 'gaps must be gap options').optional(),
  context: z.custom<GapContext>((v) => isObject(v) && 'adjacency' in (v as object), 'context must come from buildGapContext').optional(),
});
export type OpportunityGainOptions = z.input<typeof OpportunityGainOptions>;

const r6 = (x: number): number => Math.round(x * 1e6) / 1e6 + 0;

function sortedSum(list: readonly { id: string; revenue: number }[]): number {
  return [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).reduce((t, f) => t + f.revenue, 0);
}

/**
 * For each candidate company, how much landing it (on its own segments, with the landing size of
 * `land`) would raise the city's chain completeness and 本地配套率: its marginal value, like the "opportunity
 * gain" of the Atlas of Economic Complexity (Hausmann, Hidalgo et al. 2014), per company instead of per
 * product. Computed incrementally: only the segments it lands on and their downstream neighbours (whose
 * local supply changes) are recomputed, so all candidates cost about one analysis. Equal (to rounding) to
 * the difference of two full `analyzeGaps` runs, which a test checks for every embedded candidate.
 *
 * @param dataset - a validated dataset
 * @param companies - candidates (default: `dataset.companies`); unknown segments are ignored
 * @param options - landing size, gap options, a gap context of this dataset to reuse
 * @returns one record per candidate, by completeness gain desc, then 本地配套率 gain desc, then id asc
 * @throws {UsageError} code `OPTIONS_INVALID` for bad options
 * @example
 * const gains = opportunityGain(liaocheng());
 * gains[0]; // { id, name, completeness: 0.0101, localSupplyRate: 0.0042, becomesPresent: ['br-robot-bearing', …], … }
 */
export function opportunityGain(dataset: Dataset, companies: readonly Company[] = dataset.companies, options: OpportunityGainOptions = {}): OpportunityGain[] {
  const parsed = parseOptionsOrThrow(OpportunityGainOptions, options, { en: 'opportunityGain', zh: 'opportunityGain' });
  const o = resolveGapOptions(parsed.gaps ?? {});
  const given = parsed.context;
  const ctx = given !== undefined && contextMatches(given, dataset, o.centrality) ? given : buildGapContext(dataset, parsed.gaps ?? {});
  const ucw = o.presence.underConstructionWeight;
  // The gap analysis' own chain state of this dataset, and the city totals over it.
  const state = chainState(ctx, deriveChainModel(ctx.model, dataset), o, o.applyCorrections ? indexCorrections(dataset.corrections) : new Map());
  const totals = cityTotals(ctx, state, o);
  const firms = state.firms;
  const known = new Set(dataset.companies.map((c) => c.id));
  const out = companies.map((company) => gainOf(company, totals, firms, { dataset, ucw, size: parsed.size, inDataset: known.has(company.id) }));
  return out.sort((a, b) => b.completeness - a.completeness || b.localSupplyRate - a.localSupplyRate || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

interface GainSettings {
  readonly dataset: Dataset;
  readonly ucw: number;
  readonly size: LandingSize | undefined;
  readonly inDataset: boolean;
}

function gainOf(company: Company, s: CityTotals, firms: ReadonlyMap<string, SegmentFirms>, g: GainSettings): OpportunityGain {
  const { ctx } = s;
  const { presence: sp, present: sPresent, supplyNum, supplyDen, correctedRevenue: corrected } = s.state;
  const adj = ctx.adjacency;
  const segments = [...new Set(company.segments ?? [])].filter((id) => adj.indexOf.has(id));
  const home = g.dataset.meta.home.city;
  const e = landedEnterprise(company, { segments, county: home, size: g.size, inDataset: g.inDataset, asOf: g.dataset.meta.asOf });
  const revenue = enterpriseRevenue(e, g.ucw);
  if (segments.length === 0) return { id: company.id, name: company.name, segments, revenue, completeness: 0, localSupplyRate: 0, becomesPresent: [], industries: [] };
  const share = revenue / segments.length;
  const newId = landedEnterpriseId(company.id);
  // New presence of the segments it lands on (revenue summed in the analysis' order, for identical floats), and of
  // the segments whose benchmark is relative to one of them (就地转化率: more ingot raises the foil benchmark).
  const landedRevenue = new Map<string, number>();
  for (const id of segments) landedRevenue.set(id, sortedSum([...(firms.get(id)?.firms ?? []), { id: newId, revenue: share }]));
  const revenueAfter = (id: string): number => landedRevenue.get(id) ?? firms.get(id)?.revenue ?? 0;
  const p2 = new Map<number, number>();
  const recompute = (i: number): void => {
    const seg = ctx.segments[i]!;
    const benchmark = segmentBenchmark(seg, revenueAfter, s.benchmark).value;
    p2.set(i, presence(Math.max(revenueAfter(seg.id), corrected[i]!), benchmark));
  };
  for (const id of segments) recompute(adj.indexOf.get(id)!);
  for (const id of segments) for (const j of s.relativeTo.get(id) ?? []) if (!p2.has(j)) recompute(j);
  const pOf = (i: number): number => p2.get(i) ?? sp[i]!;
  // Affected: the landed segments (their presence) and their customers (their local supply).
  const affected = new Set<number>(p2.keys());
  for (const i of p2.keys()) for (let e2 = adj.outStart[i]!; e2 < adj.outStart[i + 1]!; e2++) affected.add(adj.outTo[e2]!);
  let dNum = 0;
  let dDen = 0;
  for (const i of [...affected].sort((a, b) => a - b)) {
    let num = 0;
    for (let e2 = adj.inStart[i]!; e2 < adj.inStart[i + 1]!; e2++) num += adj.inW[e2]! * pOf(adj.inFrom[e2]!);
    const pi = pOf(i);
    if (pi >= s.threshold) {
      dNum += pi * num;
      dDen += pi * supplyDen[i]!;
    }
    if (sPresent[i]) {
      dNum -= sp[i]! * supplyNum[i]!;
      dDen -= sp[i]! * supplyDen[i]!;
    }
  }
  let dPresentWeight = 0;
  const becomesPresent: string[] = [];
  const byIndustry = new Map<number, number>();
  for (const [i, p] of p2) {
    const flip = (p >= s.threshold ? 1 : 0) - sPresent[i]!;
    if (flip === 0) continue;
    const w = ctx.degreeWeight[i]!;
    dPresentWeight += flip * w;
    if (flip > 0) becomesPresent.push(adj.ids[i]!);
    const u = ctx.industryUnit[i]!;
    byIndustry.set(u, (byIndustry.get(u) ?? 0) + (flip * w) / s.unitWeight[u]!);
  }
  const lsr = (num: number, den: number): number => (den > 0 ? num / den : 0);
  return {
    id: company.id,
    name: company.name,
    segments,
    revenue,
    completeness: r6((s.presentWeight + dPresentWeight) / s.totalWeight - s.presentWeight / s.totalWeight),
    localSupplyRate: r6(lsr(s.num + dNum, s.den + dDen) - lsr(s.num, s.den)),
    becomesPresent: becomesPresent.sort(),
    industries: [...byIndustry]
      .map(([u, d]) => ({ id: ctx.units[u]!.id, completeness: r6(d) }))
      .filter((x) => x.completeness !== 0)
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}
