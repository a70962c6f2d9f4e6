import { findPlace, type DatasetIndex } from '../../dataset/indexDataset.js';
import { placeKey } from '../../dataset/checkReferences.js';
import type { City } from '../../schema/city.js';
import type { RankedItem, Ranking } from '../../scoring/types.js';
import type { PlannedGap } from '../types.js';

/** A candidate of the visit plan: its ranked item, gap indices, HQ place. */
export interface PlanCandidate {
  readonly item: RankedItem;
  readonly gaps: readonly number[];
  readonly place: City;
  readonly placeKey: string;
  readonly hq: { readonly province: string; readonly city: string; readonly country?: string };
}

/** Candidates (ranking order, excluded ones removed), the gap table they match, and those without a known HQ. */
export interface PlanPool {
  readonly candidates: readonly PlanCandidate[];
  readonly gaps: readonly PlannedGap[];
  readonly unlocated: readonly string[];
}

/** Build the candidate pool of a visit plan from a ranking. */
export function planCandidates(ranking: Ranking, index: DatasetIndex, exclude: ReadonlySet<string>): PlanPool {
  const gapAt = new Map<string, number>();
  const gaps: PlannedGap[] = [];
  const candidates: PlanCandidate[] = [];
  const unlocated: string[] = [];
  for (const item of ranking.items) {
    if (exclude.has(item.id)) continue;
    const company = index.companyById.get(item.id);
    const place = company !== undefined ? findPlace(index, company.hq) : undefined;
    if (company === undefined || place === undefined) {
      unlocated.push(item.id);
      continue;
    }
    const own: number[] = [];
    for (const g of item.matchedGaps) {
      if (!(g.priority > 0)) continue;
      let k = gapAt.get(g.segment);
      if (k === undefined) {
        k = gaps.length;
        gapAt.set(g.segment, k);
        const s = index.segmentById.get(g.segment);
        gaps.push({ segment: g.segment, name: s?.name ?? g.segment, nameEn: s?.nameEn ?? g.segment, kind: g.kind, priority: g.priority });
      }
      own.push(k);
    }
    const hq = { province: company.hq.province, city: company.hq.city, ...(company.hq.country !== undefined ? { country: company.hq.country } : {}) };
    candidates.push({ item, gaps: own, place, placeKey: placeKey(place.province, place.name, place.country), hq });
  }
  return { candidates, gaps, unlocated: unlocated.sort() };
}
