import type { DatasetIndex } from '../dataset/indexDataset.js';
import { placeKey } from '../dataset/checkReferences.js';
import type { GapAnalysis, SegmentGap } from '../gaps/types.js';
import { REVENUE_BANDS, type City, type Enterprise, type HqLocation, type Priorities, type Segment } from '../schema/index.js';
import { haversineKm } from '../stats/haversineKm.js';
import { partialDateToDay } from './partialDateToDay.js';
import type { GapKindFactors } from './types.js';

/** Default 重点区域 when neither the options nor `dataset.meta.priorities.regions` name any. */
export const DEFAULT_PRIORITY_REGIONS: readonly string[] = Object.freeze(['京津冀', '长三角', '粤港澳', '济南都市圈', '川渝', '高铁沿线']);

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
  /** Names of the anchor firms on the neighbour: 链主 (chain leaders) or local firms with revenue ≥ 100亿元. */
  readonly anchors: readonly string[];
}

/** A local firm counts as an anchor (it can carry 以商招商) when it is a 链主 or has revenue ≥ this (亿元). */
export const ANCHOR_REVENUE = 100;

/** Share of the second-strongest link added to the headroom left by the strongest (as in gap fit). */
export const SYNERGY_SECOND_SHARE = 0.5;

/** Proximity facts of one place, computed once per ranking. */
export interface PlaceFacts {
  readonly place: City;
  readonly km: number;
  readonly hours: number;
  readonly hoursFromRail: boolean;
  readonly near: number;
  readonly regions: readonly string[];
  readonly value: number;
}

/**
 * Everything the features read, built once per ranking: per-segment values in typed arrays indexed by a
 * slot number, per-place proximity, the local firms owned by each company. Features look things up here
 * instead of scanning the dataset, so a ranking of a million companies stays linear.
 */
export interface ScoringContext {
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
  readonly segmentSlot: ReadonlyMap<string, number>;
  readonly segments: readonly Segment[];
  /** 1 when the segment counts for this ranking (industry filter), else 0. */
  readonly inScope: Uint8Array;
  /** Gap priority × gap-kind factor, 0 for healthy segments. */
  readonly gapValue: Float64Array;
  readonly synergyValue: Float64Array;
  /** The strongest link of each segment to a present local segment. */
  readonly synergyLink: readonly (SynergyLink | undefined)[];
  /** The strongest link of each segment to a present local segment with an anchor firm. */
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
}

/** Settings of a scoring context (resolved options of `rankCompanies`). */
export interface ScoringSettings {
  readonly industry?: string | undefined;
  readonly asOf: string;
  readonly gapKinds: GapKindFactors;
  readonly priorities: Priorities;
  readonly regions: readonly string[];
}

function isAnchor(e: Enterprise): boolean {
  if (e.chainLeader === true) return true;
  const revenue = e.revenue ?? (e.revenueBand !== undefined ? REVENUE_BANDS[e.revenueBand].min : 0);
  return revenue >= ANCHOR_REVENUE;
}

function firmsOf(index: DatasetIndex, gap: SegmentGap | undefined): { firms: string[]; anchors: string[] } {
  const all = (gap?.localFirms ?? []).flatMap((id) => {
    const e = index.enterpriseById.get(id);
    return e === undefined ? [] : [e];
  });
  return { firms: all.slice(0, 3).map((e) => e.name), anchors: all.filter(isAnchor).slice(0, 3).map((e) => e.name) };
}

interface SegmentLinks {
  readonly value: number;
  readonly best: SynergyLink | undefined;
  readonly anchored: SynergyLink | undefined;
}

/** The local firms of a neighbour segment, memoised per context build: many segments link to the same neighbour. */
type FirmsMemo = Map<string, { readonly firms: readonly string[]; readonly anchors: readonly string[] }>;

function linksOf(index: DatasetIndex, gapBySegment: ReadonlyMap<string, SegmentGap>, id: string, memo: FirmsMemo): SegmentLinks {
  const links: SynergyLink[] = [];
  const consider = (direction: SynergyLink['direction'], neighbour: string, weight: number): void => {
    const gap = gapBySegment.get(neighbour);
    const presence = gap?.measures.presence ?? 0;
    if (!(weight * presence > 0)) return;
    let firms = memo.get(neighbour);
    if (firms === undefined) memo.set(neighbour, (firms = firmsOf(index, gap)));
    links.push({ direction, neighbour, weight, presence, firms: firms.firms, anchors: firms.anchors });
  };
  for (const l of index.outLinks.get(id) ?? []) consider('supplies', l.to, l.weight);
  for (const l of index.inLinks.get(id) ?? []) consider('buys', l.from, l.weight);
  links.sort((a, b) => b.weight * b.presence - a.weight * a.presence || (a.neighbour < b.neighbour ? -1 : a.neighbour > b.neighbour ? 1 : 0));
  const l1 = links[0] !== undefined ? Math.min(1, links[0].weight * links[0].presence) : 0;
  const l2 = links[1] !== undefined ? Math.min(1, links[1].weight * links[1].presence) : 0;
  return { value: l1 + SYNERGY_SECOND_SHARE * l2 * (1 - l1), best: links[0], anchored: links.find((l) => l.anchors.length > 0) };
}

function placeFactsOf(place: City, home: { lon: number; lat: number }, regions: ReadonlySet<string>): PlaceFacts {
  const km = haversineKm(place.lon, place.lat, home.lon, home.lat);
  const hoursFromRail = place.railHours !== undefined;
  const hours = place.railHours ?? km / PROXIMITY.kmPerHour;
  const near = Math.exp(-hours / PROXIMITY.hoursScale);
  const matched = place.regions.filter((r) => regions.has(r));
  const value = PROXIMITY.nearShare * near + (1 - PROXIMITY.nearShare) * (matched.length > 0 ? 1 : 0);
  return { place, km, hours, hoursFromRail, near, regions: matched, value: Math.min(1, Math.max(0, value)) };
}

/**
 * Build the scoring context once per ranking.
 *
 * @param index - the indexed dataset
 * @param gaps - its gap analysis
 * @param settings - industry filter, reference date, gap-kind factors, priorities, priority regions
 * @returns the context the features read
 * @example
 * const ctx = buildScoringContext(indexDataset(ds), analyzeGaps(ds), { asOf: ds.meta.asOf, gapKinds, priorities: {}, regions: [] });
 */
export function buildScoringContext(index: DatasetIndex, gaps: GapAnalysis, settings: ScoringSettings): ScoringContext {
  const segments = index.dataset.segments;
  const gapBySegment = new Map(gaps.segments.map((g) => [g.id, g]));
  const segmentSlot = new Map(segments.map((s, i) => [s.id, i]));
  const n = segments.length;
  const inScope = new Uint8Array(n);
  const gapValue = new Float64Array(n);
  const synergyValue = new Float64Array(n);
  const policyValue = new Float64Array(n);
  const synergyLink: (SynergyLink | undefined)[] = [];
  const anchorLink: (SynergyLink | undefined)[] = [];
  const firmsMemo: FirmsMemo = new Map();
  segments.forEach((s, i) => {
    inScope[i] = settings.industry === undefined || s.industry === settings.industry ? 1 : 0;
    const gap = gapBySegment.get(s.id);
    gapValue[i] = gap === undefined || gap.kind === 'none' ? 0 : Math.min(1, Math.max(0, gap.priority * settings.gapKinds[gap.kind]));
    const syn = linksOf(index, gapBySegment, s.id, firmsMemo);
    synergyValue[i] = syn.value;
    synergyLink.push(syn.best);
    anchorLink.push(syn.anchored);
    const industry = index.industryById.get(s.industry);
    const priority = settings.priorities.segments?.[s.id] ?? settings.priorities.industries?.[s.industry] ?? 0;
    const strategic = s.strategic === true || industry?.strategic === true || industry?.future === true ? 1 : 0;
    policyValue[i] = 1 - (1 - priority) * (1 - 0.5 * strategic);
  });
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
  // A per-ranking memo (local state, dropped with the context): parsing the same date strings once.
  const days = new Map<string, number | undefined>();
  const dayOf = (date: string): number | undefined => {
    if (days.has(date)) return days.get(date);
    const d = partialDateToDay(date);
    days.set(date, d);
    return d;
  };
  const childrenOf = new Map<string, Enterprise[]>();
  for (const e of index.dataset.enterprises) {
    if (e.parentCompanyId === undefined || e.status === 'closed') continue;
    const list = childrenOf.get(e.parentCompanyId);
    if (list) list.push(e);
    else childrenOf.set(e.parentCompanyId, [e]);
  }
  return {
    index,
    gaps,
    gapBySegment,
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
    synergyValue,
    synergyLink,
    anchorLink,
    policyValue,
    placeFacts,
    placeOf: (hq) => byCountry.get(hq.country ?? '中国')?.get(hq.province)?.get(hq.city),
    dayOf,
    childrenOf,
  };
}
