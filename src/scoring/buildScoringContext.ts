import type { DatasetIndex } from '../dataset/indexDataset.js';
import { placeKey } from '../dataset/checkReferences.js';
import type { GapAnalysis, SegmentGap } from '../gaps/types.js';
import { chainModel, type ChainModel } from '../model/chainModel.js';
import { placeNameEn } from '../messages/placeNameEn.js';
import { statedRevenue } from '../model/revenueBand.js';
import type { City, Enterprise, HqLocation, Link, Priorities, Segment } from '../schema/index.js';
import { haversineKm } from '../stats/haversineKm.js';
import { partialDateToDay } from './partialDateToDay.js';
import type { GapKindFactors } from './types.js';
import { own } from '../internal/own.js';
import { FALLBACK_UNKNOWN_SCALE, type UnknownScale } from './unknownScale.js';

/** Default 重点区域 when neither the options nor `dataset.meta.priorities.regions` name any. */
export const DEFAULT_PRIORITY_REGIONS: readonly string[] = Object.freeze(['京津冀', '长三角', '粤港澳', '济南都市圈', '川渝', '高铁沿线']);

/**
 * Share of a segment's policy priority credited to gap fit when the segment shows no gap because the city is already
 * present there (强链: a firm that would expand a local strength). 0.3 keeps it below a real gap of the same priority.
 */
export const STRENGTH_FIT_SHARE = 0.3;

/**
 * Whether a segment's gap verdict earns the 强链 credit: no gap (kind `none`), present in the city (healthy, or present
 * with its size to be verified: basis `size-unverified`), and not restricted. A segment that is "no gap" only because
 * nothing local needs it (basis `no-local-need`) is not a local strength and earns nothing.
 *
 * @example
 * strengthCredited({ kind: 'none' } as SegmentGap); // true
 */
export function strengthCredited(gap: SegmentGap): boolean {
  return gap.kind === 'none' && gap.feasibility === undefined && gap.basis !== 'no-local-need';
}

/** Constants of the proximity feature (see docs/methodology.md). */
export const PROXIMITY = Object.freeze({
  /** Travel time assumed per km when no rail time is known: 200 km/h (fits 聊城–北京 ≈ 2 h, 聊城–上海 ≈ 4 h). */
  kmPerHour: 200,
  /** Nearness = exp(−hours / scale): 1 h → 0.78, 2 h → 0.61, 4 h → 0.37, 8 h → 0.14. */
  hoursScale: 4,
  /** Share of nearness in the feature; the rest is being in a priority region. */
  nearShare: 0.6,
});

/** The strongest supply link of a segment to a present local segment (the 以商招商 path). */
export interface SynergyLink {
  /** `supplies`: the segment supplies the local one; `buys`: it buys from it. */
  readonly direction: 'supplies' | 'buys';
  readonly neighbour: string;
  readonly weight: number;
  readonly presence: number;
  /** Names of the local firms on the neighbour (first ones). */
  readonly firms: readonly string[];
  /**
   * Names of the anchor firms on the neighbour: 链主 (chain leaders) or local firms with revenue ≥ 100亿元, each a
   * single operating firm (never a cluster or park aggregate record).
   */
  readonly anchors: readonly string[];
}

/**
 * An IO-derived link is specific enough to court a firm through (以商招商) when its direct-input coefficient is at
 * least this: the supplying sector makes ≥ 5% of the using sector's total input (a core input, such as aluminium
 * ingot for sheet and foil at 0.45), not a sector-level proxy of a minor flow (such as paper into spinning).
 */
export const SPECIFIC_IO_COEFFICIENT = 0.05;

/**
 * True when a link is specific to its two segments: an expert judgement (`basis` not `io-table`), or an IO-derived
 * link inside one industry whose coefficient marks a core input (≥ `SPECIFIC_IO_COEFFICIENT`). A cross-industry
 * IO-derived link (fertiliser → vegetables, power → smelting) is a sector-level proxy. Only specific links carry 以商招商.
 *
 * @param l - the link
 * @param sameIndustry - whether its two segments lie in one industry
 * @returns whether it is specific
 * @example
 * isSpecificLink({ from: 'a', to: 'b', weight: 1, basis: 'io-table', ioCoefficient: 0.45 }, true); // true
 */
export function isSpecificLink(l: Link, sameIndustry: boolean): boolean {
  return l.basis !== 'io-table' || (sameIndustry && (l.ioCoefficient ?? 0) >= SPECIFIC_IO_COEFFICIENT);
}

/** A local firm counts as an anchor (it can carry 以商招商) when it is a 链主 or has revenue ≥ this (亿元). */
export const ANCHOR_REVENUE = 100;

/** Share of the second-strongest link added to the headroom left by the strongest (as in gap fit). */
export const SYNERGY_SECOND_SHARE = 0.5;

/** Proximity facts of one place, computed once per ranking. */
export interface PlaceFacts {
  readonly place: City;
  /** The place's English name: its `nameEn`, else pinyin (computed once per place, not per reason). */
  readonly nameEn: string;
  readonly km: number;
  readonly hours: number;
  readonly hoursFromRail: boolean;
  readonly near: number;
  readonly regions: readonly string[];
  readonly value: number;
  /**
   * Only the province is known (a 企查查 export with 城市 '-'): the place is the mean position of the province's
   * prefecture-level cities in the places table, its regions those all of them share.
   */
  readonly provinceOnly?: boolean;
}

/**
 * Everything the features read, built once per ranking: per-segment values in typed arrays indexed by a
 * slot number, per-place proximity, the local firms owned by each company. Features look things up here
 * instead of scanning the dataset, so a ranking of a million companies stays linear.
 */
export interface ScoringContext {
  /** The chain model the context reads (its index, segment slots and adjacency). */
  readonly model: ChainModel;
  /** `model.index`. */
  readonly index: DatasetIndex;
  readonly gaps: GapAnalysis;
  readonly gapBySegment: ReadonlyMap<string, SegmentGap>;
  /** Industry filter: only segments of this industry count for gap fit, synergy and policy. */
  readonly industry: string | undefined;
  readonly asOf: string;
  readonly asOfDay: number;
  readonly gapKinds: GapKindFactors;
  readonly priorities: Priorities;
  readonly regions: ReadonlySet<string>;
  /** `model.slotOf`: the slot of each segment id; every per-segment array below is indexed by it. */
  readonly segmentSlot: ReadonlyMap<string, number>;
  /** `model.segments`: segments by slot (sorted by id). */
  readonly segments: readonly Segment[];
  /** 1 when the segment counts for this ranking (industry filter), else 0. */
  readonly inScope: Uint8Array;
  /** Gap priority × gap-kind factor, 0 for healthy segments. */
  readonly gapValue: Float64Array;
  /** Per industry, its in-scope segment with the largest `gapValue`, ties to the smaller id (for companies placed on an industry only). */
  readonly industryBestGap: ReadonlyMap<string, { readonly value: number; readonly slot: number }>;
  /**
   * Policy fit of each in-scope industry, for companies placed on an industry only: 1 − (1 − q) · (1 − 0.5 · strategic)
   * with q the industry's priority and strategic its strategic/future flag (the segment rule at industry level).
   */
  readonly industryPolicy: ReadonlyMap<string, number>;
  readonly synergyValue: Float64Array;
  /** The strongest link of each segment to a present local segment. */
  readonly synergyLink: readonly (SynergyLink | undefined)[];
  /** The strongest specific (`isSpecificLink`) link of each segment to a present local segment with an anchor firm. */
  readonly anchorLink: readonly (SynergyLink | undefined)[];
  readonly policyValue: Float64Array;
  /** Proximity facts by `placeKey`. */
  readonly placeFacts: ReadonlyMap<string, PlaceFacts>;
  /** Proximity facts of an HQ (no string building: country → province → city maps). */
  placeOf(hq: HqLocation): PlaceFacts | undefined;
  /** Day number of a partial date (memoised per ranking: many companies share dates). */
  dayOf(date: string): number | undefined;
  /** Local enterprises by the id of their parent company (`parentCompanyId`). */
  readonly childrenOf: ReadonlyMap<string, readonly Enterprise[]>;
  /**
   * Scale of a candidate of unknown size in this ranking: the lower quartile of the known-size candidates (set by
   * `rankCompanies` once the candidates are known, see `withUnknownScale`), else the fallback `SCALE.unknown`.
   */
  readonly unknownScale: UnknownScale;
}

/** Settings of a scoring context (resolved options of `rankCompanies`). */
export interface ScoringSettings {
  readonly industry?: string | undefined;
  readonly asOf: string;
  readonly gapKinds: GapKindFactors;
  readonly priorities: Priorities;
  readonly regions: readonly string[];
  /** Scale of a candidate of unknown size (default: the fallback `SCALE.unknown`; `rankCompanies` sets the pool's). */
  readonly unknownScale?: UnknownScale | undefined;
}

function isAnchor(e: Enterprise): boolean {
  if (e.chainLeader === true) return true;
  const revenue = statedRevenue(e, 'floor') ?? 0;
  return revenue >= ANCHOR_REVENUE;
}

function firmsOf(index: DatasetIndex, gap: SegmentGap | undefined): { firms: string[]; anchors: string[] } {
  const all = (gap?.localFirms ?? []).flatMap((id) => {
    const e = index.enterpriseById.get(id);
    return e === undefined ? [] : [e];
  });
  return { firms: all.slice(0, 3).map((e) => e.name), anchors: all.filter((e) => isAnchor(e) && (e.firms ?? 1) === 1 && e.status !== 'closed').slice(0, 3).map((e) => e.name) };
}

/** The local firms and anchor firms of a neighbour segment. */
interface Firms {
  readonly firms: readonly string[];
  readonly anchors: readonly string[];
}

/** Per-segment synergy (value, strongest link, strongest anchored link), indexed by the model's slots. */
interface SynergyTable {
  readonly value: Float64Array;
  readonly best: (SynergyLink | undefined)[];
  readonly anchored: (SynergyLink | undefined)[];
}

/**
 * The running best link of each slot, as parallel arrays: its link (position in the out-lists, −1 for none), whether
 * it is an out-link, its strength and its neighbour's slot.
 */
interface LinkHolder {
  readonly link: Int32Array;
  readonly out: Uint8Array;
  readonly strength: Float64Array;
  readonly nb: Int32Array;
}

function linkHolder(k: number): LinkHolder {
  return { link: new Int32Array(k).fill(-1), out: new Uint8Array(k), strength: new Float64Array(k), nb: new Int32Array(k) };
}

/** Slot c's holder takes the candidate when empty or when it ranks above: stronger, ties to the smaller neighbour slot (slots are in id order). */
function offerLink(h: LinkHolder, c: number, e: number, out: boolean, st: number, nb: number): void {
  if (h.link[c]! >= 0 && !(st > h.strength[c]! || (st === h.strength[c]! && nb < h.nb[c]!))) return;
  h.link[c] = e;
  h.out[c] = out ? 1 : 0;
  h.strength[c] = st;
  h.nb[c] = nb;
}

/**
 * Synergy of every segment in one pass over the chain model's adjacency (each segment's out-links, then its
 * in-links), with per-slot running maxima instead of a sorted list of link objects per segment. A segment's
 * candidate links are kept only when weight × presence > 0; `best` is the strongest, ties to the smaller
 * neighbour id, then to the out-link (a segment can both supply and buy from one neighbour); `anchored` the
 * strongest, so ordered, with an anchor firm on a specific link (`isSpecificLink`); l1, l2 the two largest
 * strengths. A validated dataset has no self-link and no repeated link, so the model's links are the dataset's.
 */
function synergyTable(model: ChainModel, gapOfSlot: readonly (SegmentGap | undefined)[]): SynergyTable {
  const index = model.index;
  const adj = model.adjacency;
  const links = model.links;
  const chain = model.segments;
  const k = chain.length;
  const presence = new Float64Array(k);
  for (let c = 0; c < k; c++) presence[c] = gapOfSlot[c]?.measures.presence ?? 0;
  // Firms per neighbour slot, computed on first use (many segments link to the same neighbour).
  const firmsBySlot: (Firms | undefined)[] = new Array<Firms | undefined>(k);
  const firmsAt = (c: number): Firms => (firmsBySlot[c] ??= firmsOf(index, gapOfSlot[c]));
  const m1 = new Float64Array(k);
  const m2 = new Float64Array(k);
  const best = linkHolder(k);
  const anch = linkHolder(k);
  for (let c = 0; c < k; c++) {
    for (let pass = 0; pass < 2; pass++) {
      const out = pass === 0;
      const from = out ? adj.outStart[c]! : adj.inStart[c]!;
      const to = out ? adj.outStart[c + 1]! : adj.inStart[c + 1]!;
      for (let x = from; x < to; x++) {
        const e = out ? x : adj.inEdge[x]!;
        const nb = out ? adj.outTo[x]! : adj.inFrom[x]!;
        const st = adj.outW[e]! * presence[nb]!;
        if (!(st > 0)) continue;
        if (st > m1[c]!) {
          m2[c] = m1[c]!;
          m1[c] = st;
        } else if (st > m2[c]!) m2[c] = st;
        offerLink(best, c, e, out, st, nb);
        // The 以商招商 path needs a specific link (expert judgement on these segments), not a sector-level IO proxy.
        if (isSpecificLink(links[e]!, chain[c]!.industry === chain[nb]!.industry) && firmsAt(nb).anchors.length > 0) offerLink(anch, c, e, out, st, nb);
      }
    }
  }
  const linkAt = (e: number, out: boolean, nb: number): SynergyLink => {
    const f = firmsAt(nb);
    return { direction: out ? 'supplies' : 'buys', neighbour: chain[nb]!.id, weight: links[e]!.weight, presence: presence[nb]!, firms: f.firms, anchors: f.anchors };
  };
  const value = new Float64Array(k);
  const bestLinks: (SynergyLink | undefined)[] = new Array<SynergyLink | undefined>(k);
  const anchored: (SynergyLink | undefined)[] = new Array<SynergyLink | undefined>(k);
  for (let c = 0; c < k; c++) {
    const l1 = Math.min(1, m1[c]!);
    const l2 = Math.min(1, m2[c]!);
    value[c] = l1 + SYNERGY_SECOND_SHARE * l2 * (1 - l1);
    const b = best.link[c]!;
    const a = anch.link[c]!;
    const bestLinkObj = b >= 0 ? linkAt(b, best.out[c] === 1, best.nb[c]!) : undefined;
    bestLinks[c] = bestLinkObj;
    anchored[c] = a < 0 ? undefined : a === b && anch.out[c] === best.out[c] ? bestLinkObj : linkAt(a, anch.out[c] === 1, anch.nb[c]!);
  }
  return { value, best: bestLinks, anchored };
}

function placeFactsOf(place: City, home: { lon: number; lat: number }, regions: ReadonlySet<string>): PlaceFacts {
  const km = haversineKm(place.lon, place.lat, home.lon, home.lat);
  const hoursFromRail = place.railHours !== undefined;
  const hours = place.railHours ?? km / PROXIMITY.kmPerHour;
  const near = Math.exp(-hours / PROXIMITY.hoursScale);
  const matched = place.regions.filter((r) => regions.has(r));
  const value = PROXIMITY.nearShare * near + (1 - PROXIMITY.nearShare) * (matched.length > 0 ? 1 : 0);
  return { place, nameEn: place.nameEn ?? placeNameEn(place.name), km, hours, hoursFromRail, near, regions: matched, value: Math.min(1, Math.max(0, value)) };
}

/**
 * One place per Chinese province of the places table, for HQs known only at province level: the mean position of
 * its prefecture-level cities (level `city`; municipalities are cities already), the regions all of them share,
 * no rail time. Provinces are taken in name order, so the result does not depend on the table's order.
 */
function provincePlaces(cities: readonly City[]): [string, City][] {
  const byProvince = new Map<string, City[]>();
  for (const c of cities) {
    if ((c.country ?? '中国') !== '中国' || (c.level ?? 'city') !== 'city' || c.province === c.name) continue;
    const list = byProvince.get(c.province);
    if (list) list.push(c);
    else byProvince.set(c.province, [c]);
  }
  return [...byProvince.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([province, list]) => {
      const lon = list.reduce((t, c) => t + c.lon, 0) / list.length;
      const lat = list.reduce((t, c) => t + c.lat, 0) / list.length;
      const regions = list[0]!.regions.filter((r) => list.every((c) => c.regions.includes(r)));
      const place: City = { name: province, province, country: '中国', level: 'province', lon, lat, regions, source: 'mean of the province\'s cities in the places table', confidence: 'low', asOf: list[0]!.asOf };
      return [province, place];
    });
}

/**
 * Build the scoring context once per ranking. It reads the chain model it is given (its index, its one
 * segment order and its adjacency): every per-segment array is indexed by the model's slots. Given a dataset
 * index instead, it builds the model of that index (sharing the index).
 *
 * @param source - the chain model of the dataset (`chainModel(ds)`), or the dataset's index
 * @param gaps - its gap analysis
 * @param settings - industry filter, reference date, gap-kind factors, priorities, priority regions
 * @returns the context the features read
 * @throws {NotFoundError} when a link names an unknown segment (a dataset that was not validated)
 * @example
 * const model = chainModel(ds);
 * const ctx = buildScoringContext(model, analyzeGaps(model), { asOf: ds.meta.asOf, gapKinds, priorities: {}, regions: [] });
 * ctx.segments === model.segments; // true
 */
export function buildScoringContext(source: ChainModel | DatasetIndex, gaps: GapAnalysis, settings: ScoringSettings): ScoringContext {
  const model = chainModel(source);
  const index = model.index;
  const segments = model.segments;
  const segmentSlot = model.slotOf;
  // Gaps by segment id, built on first read (the items' reasons read it; the per-segment values below
  // read the gaps through the slots).
  let gapMap: ReadonlyMap<string, SegmentGap> | undefined;
  const gapBySegment = (): ReadonlyMap<string, SegmentGap> => (gapMap ??= new Map(gaps.segments.map((g) => [g.id, g])));
  const n = segments.length;
  const inScope = new Uint8Array(n);
  const gapValue = new Float64Array(n);
  const policyValue = new Float64Array(n);
  // One pass over the gaps through the slots, the later of two gaps with one id winning, as in the id map.
  const gapOfSlot: (SegmentGap | undefined)[] = new Array<SegmentGap | undefined>(n).fill(undefined);
  for (const g of gaps.segments) {
    const slot = segmentSlot.get(g.id);
    if (slot !== undefined) gapOfSlot[slot] = g;
  }
  const synergy = synergyTable(model, gapOfSlot);
  const synergyValue = synergy.value;
  const synergyLink = synergy.best;
  const anchorLink = synergy.anchored;
  // Policy parts by industry, computed once per industry rather than once per segment.
  const segmentPriorities = settings.priorities.segments;
  const industryPriorities = settings.priorities.industries;
  const byIndustry = new Map<string, { readonly priority: number | undefined; readonly strategic: boolean }>();
  const industryBestGap = new Map<string, { value: number; slot: number }>();
  for (let i = 0; i < n; i++) {
    const s = segments[i]!;
    inScope[i] = settings.industry === undefined || s.industry === settings.industry ? 1 : 0;
    const gap = gapOfSlot[i];
    let ind = byIndustry.get(s.industry);
    if (ind === undefined) {
      const industry = index.industryById.get(s.industry);
      ind = { priority: own(industryPriorities, s.industry), strategic: industry?.strategic === true || industry?.future === true };
      byIndustry.set(s.industry, ind);
    }
    const priority = own(segmentPriorities, s.id) ?? ind.priority ?? 0;
    const strategic = s.strategic === true || ind.strategic ? 1 : 0;
    policyValue[i] = 1 - (1 - priority) * (1 - 0.5 * strategic);
    // A segment with no gap where the city is present (healthy, or present with its size to be verified) still fits
    // a 强链 project (a firm expanding a local strength): STRENGTH_FIT_SHARE × the segment's policy priority; never on
    // a restricted segment (受限) and never on one that is no gap only because nothing local needs it
    // (`no-local-need`: often absent). Industry-only gap fit keeps reading real gaps only.
    gapValue[i] = gap === undefined ? 0 : gap.kind === 'none' ? (strengthCredited(gap) ? STRENGTH_FIT_SHARE * priority : 0) : Math.min(1, Math.max(0, gap.priority * settings.gapKinds[gap.kind]));
    if (inScope[i] === 1 && gap?.kind !== 'none' && gapValue[i]! > (industryBestGap.get(s.industry)?.value ?? 0)) industryBestGap.set(s.industry, { value: gapValue[i]!, slot: i });
  }
  const industryPolicy = new Map<string, number>();
  for (const industry of index.dataset.industries) {
    if (settings.industry !== undefined && industry.id !== settings.industry) continue;
    const q = own(industryPriorities, industry.id) ?? 0;
    const strategic = industry.strategic === true || industry.future === true ? 1 : 0;
    industryPolicy.set(industry.id, 1 - (1 - q) * (1 - 0.5 * strategic));
  }
  const regions = new Set(settings.regions);
  const home = index.dataset.meta.home;
  const placeFacts = new Map(index.dataset.cities.map((c) => [placeKey(c.province, c.name, c.country), placeFactsOf(c, home, regions)]));
  const byCountry = new Map<string, Map<string, Map<string, PlaceFacts>>>();
  for (const c of index.dataset.cities) {
    const country = c.country ?? '中国';
    const provinces = byCountry.get(country) ?? byCountry.set(country, new Map()).get(country)!;
    const cities = provinces.get(c.province) ?? provinces.set(c.province, new Map()).get(c.province)!;
    cities.set(c.name, placeFacts.get(placeKey(c.province, c.name, c.country))!);
  }
  // A province-only HQ (city = province, as the importer writes it) is placed at the province's cities' mean position.
  for (const [province, place] of provincePlaces(index.dataset.cities)) {
    const cities = byCountry.get('中国')?.get(province);
    if (cities !== undefined && !cities.has(province)) cities.set(province, { ...placeFactsOf(place, home, regions), provinceOnly: true });
  }
  // A per-ranking memo (local state, dropped with the context): parsing the same date strings once.
  // One lookup per call: an unparseable date is stored as NaN and read back as undefined.
  const days = new Map<string, number>();
  const dayOf = (date: string): number | undefined => {
    let d = days.get(date);
    if (d === undefined) days.set(date, (d = partialDateToDay(date) ?? Number.NaN));
    return Number.isNaN(d) ? undefined : d;
  };
  const childrenOf = new Map<string, Enterprise[]>();
  for (const e of index.dataset.enterprises) {
    if (e.parentCompanyId === undefined || e.status === 'closed') continue;
    const list = childrenOf.get(e.parentCompanyId);
    if (list) list.push(e);
    else childrenOf.set(e.parentCompanyId, [e]);
  }
  return {
    model,
    index,
    gaps,
    get gapBySegment(): ReadonlyMap<string, SegmentGap> {
      return gapBySegment();
    },
    industry: settings.industry,
    asOf: settings.asOf,
    asOfDay: partialDateToDay(settings.asOf) ?? 0,
    gapKinds: settings.gapKinds,
    priorities: settings.priorities,
    regions,
    segmentSlot,
    segments,
    inScope,
    gapValue,
    industryBestGap,
    industryPolicy,
    synergyValue,
    synergyLink,
    anchorLink,
    policyValue,
    placeFacts,
    placeOf: (hq) => byCountry.get(hq.country ?? '中国')?.get(hq.province)?.get(hq.city),
    dayOf,
    childrenOf,
    unknownScale: settings.unknownScale ?? FALLBACK_UNKNOWN_SCALE,
  };
}

/**
 * The same scoring context with another unknown-size scale (every other part shared, lazy parts included): what
 * `rankCompanies` scores with once it knows its candidates, whose known-size scales give the quartile. Pure: the
 * context given is not changed.
 *
 * @param ctx - a scoring context
 * @param unknownScale - the unknown-size scale of the ranking (`unknownScaleOf`)
 * @returns a new context
 * @example
 * withUnknownScale(ctx, unknownScaleOf(knownScales)).unknownScale.basis; // 'pool' with ≥ 20 known-size candidates
 */
export function withUnknownScale(ctx: ScoringContext, unknownScale: UnknownScale): ScoringContext {
  // Property descriptors, not a spread: the context's lazy getter (gapBySegment) stays a getter.
  return Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(ctx), unknownScale: { value: unknownScale, enumerable: true, writable: false, configurable: true } }) as ScoringContext;
}
