import { GAP_KINDS, type GapAnalysis, type GapCounts, type GapKind } from '../../gaps/types.js';
import type { CityDiff, IndustryDiff } from '../types.js';
import { round4 } from './format.js';

const KINDS: readonly GapKind[] = GAP_KINDS;

function countsDelta(a: GapCounts, b: GapCounts): GapCounts {
  const out = {} as Record<GapKind, number>;
  for (const k of KINDS) out[k] = b[k] - a[k];
  return out;
}

const anyCount = (c: GapCounts): boolean => KINDS.some((k) => c[k] !== 0);

/** The parts of a summary (industry or city) that a diff compares. */
type Summary = GapAnalysis['city'];

/** The deltas of one summary, before `s0` and after `s1`. */
function summaryDiff(s0: Summary, s1: Summary): CityDiff {
  return {
    completenessFrom: s0.completeness,
    completenessTo: s1.completeness,
    completenessDelta: round4(s1.completeness - s0.completeness),
    localSupplyRateFrom: s0.localSupplyRate,
    localSupplyRateTo: s1.localSupplyRate,
    localSupplyRateDelta: round4(s1.localSupplyRate - s0.localSupplyRate),
    countsDelta: countsDelta(s0.counts, s1.counts),
  };
}

/** Industries whose completeness, 本地配套率 or gap counts differ, in the other analysis' industry order. */
export function industryDiffs(base: GapAnalysis, other: GapAnalysis): IndustryDiff[] {
  const before = new Map(base.industries.map((s) => [s.id, s]));
  const out: IndustryDiff[] = [];
  for (const s1 of other.industries) {
    const s0 = before.get(s1.id);
    if (s0 === undefined) continue;
    const d = summaryDiff(s0, s1);
    if (s0.completeness === s1.completeness && s0.localSupplyRate === s1.localSupplyRate && !anyCount(d.countsDelta)) continue;
    out.push({ id: s1.id, name: s1.name, nameEn: s1.nameEn, ...d });
  }
  return out;
}

/** The city-wide deltas. */
export function cityDiff(base: GapAnalysis, other: GapAnalysis): CityDiff {
  return summaryDiff(base.city, other.city);
}

/** True when the city diff shows no change. */
export function cityUnchanged(c: CityDiff): boolean {
  return c.completenessDelta === 0 && c.localSupplyRateDelta === 0 && !anyCount(c.countsDelta);
}
