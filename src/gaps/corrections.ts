// The 链长 office's corrections (corrections.json), indexed by segment for one gap run (issue 14).
import { bandRevenue } from '../model/revenueBand.js';
import type { Correction, NotPursuedCorrection, PolicyNote, PresentCorrection, PriorityCorrection } from '../schema/correction.js';
import type { Segment } from '../schema/segment.js';

/** The corrections of one segment, by kind, in file order. */
export interface SegmentCorrections {
  readonly present: readonly PresentCorrection[];
  readonly verifiedAbsent: readonly Correction[];
  readonly notPursued: readonly NotPursuedCorrection[];
  /** The last `priority` entry of the segment (a later entry supersedes an earlier one). */
  readonly priority: PriorityCorrection | undefined;
  /** Ids of every entry of the segment, in file order. */
  readonly ids: readonly string[];
}

/**
 * Group correction entries by segment.
 *
 * @param corrections - the dataset's corrections (absent = none)
 * @returns corrections by segment id (segments without an entry are absent from the map)
 * @example
 * indexCorrections(ds.corrections).get('ch-pe-pvc-resin')?.present.length; // 1
 */
export function indexCorrections(corrections: readonly Correction[] | undefined): ReadonlyMap<string, SegmentCorrections> {
  const out = new Map<string, { present: PresentCorrection[]; verifiedAbsent: Correction[]; notPursued: NotPursuedCorrection[]; priority: PriorityCorrection | undefined; ids: string[] }>();
  for (const c of corrections ?? []) {
    let e = out.get(c.segment);
    if (e === undefined) {
      e = { present: [], verifiedAbsent: [], notPursued: [], priority: undefined, ids: [] };
      out.set(c.segment, e);
    }
    e.ids.push(c.id);
    if (c.kind === 'present') e.present.push(c);
    else if (c.kind === 'verified-absent') e.verifiedAbsent.push(c);
    else if (c.kind === 'not-pursued') e.notPursued.push(c);
    else e.priority = c;
  }
  return out;
}

/**
 * The local revenue (亿元) a `present` correction stands for, against the segment's revenue benchmark B:
 * its revenue; else its revenue band's midpoint; and, when it gives a capacity c against a capacity
 * benchmark C (same unit), the revenue equivalent (c / C) · B — so a capacity at its benchmark counts
 * as much as a revenue at B. With several of these, the largest.
 *
 * @param c - the correction
 * @param benchmarkRevenue - the segment's revenue benchmark B (亿元)
 * @returns revenue in 亿元, ≥ 0
 * @example
 * correctedRevenue({ ...c, capacity: { value: 60, unit: '万吨/年' }, benchmarkCapacity: { value: 100, unit: '万吨/年' } }, 50); // 30
 */
export function correctedRevenue(c: PresentCorrection, benchmarkRevenue: number): number {
  let r = 0;
  if (c.revenue !== undefined) r = c.revenue;
  else if (c.revenueBand !== undefined) r = bandRevenue(c.revenueBand, 'midpoint');
  if (c.capacity !== undefined && c.benchmarkCapacity !== undefined && c.capacity.unit === c.benchmarkCapacity.unit) {
    r = Math.max(r, (c.capacity.value / c.benchmarkCapacity.value) * benchmarkRevenue);
  }
  return r;
}

/**
 * The policies that make a segment infeasible here: those on the segment record (`policy`) and those of
 * its `not-pursued` corrections, each with the id of the correction it comes from.
 *
 * @example
 * segmentPolicies(segment, corrections.get(segment.id))[0]?.status; // 'capacity-capped'
 */
export function segmentPolicies(segment: Segment, corrections: SegmentCorrections | undefined): (PolicyNote & { readonly correction?: string })[] {
  const out: (PolicyNote & { readonly correction?: string })[] = [...(segment.policy ?? [])];
  for (const c of corrections?.notPursued ?? []) {
    out.push({ status: c.policy, rule: c.rule, ...(c.ruleEn !== undefined ? { ruleEn: c.ruleEn } : {}), source: c.source, asOf: c.date, correction: c.id });
  }
  return out;
}
