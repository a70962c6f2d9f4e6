import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { analyzeGaps } from '../../src/gaps/analyzeGaps.js';
import type { GapKind, SegmentGap } from '../../src/gaps/types.js';
import type { Dataset } from '../../src/schema/dataset.js';
import { datasetArb } from './arbitraries.js';

const HEALTH: Readonly<Record<GapKind, number>> = { none: 2, strengthen: 1, fill: 0, extend: 0, build: 0 };
/** "No local need" (issue 14) is not a health verdict: it ranks with the gaps, below 强链. */
const health = (g: SegmentGap): number => (g.kind === 'none' && g.basis === 'no-local-need' ? 0 : HEALTH[g.kind]);
const inUnit = (x: number): boolean => x >= 0 && x <= 1;

describe('gap analysis properties on random chains', () => {
  test.prop([datasetArb])('every measure, priority and summary lies in its range', (ds) => {
    const a = analyzeGaps(ds);
    expect(a.segments).toHaveLength(ds.segments.length);
    for (const s of a.segments) {
      const m = s.measures;
      for (const v of [m.presence, m.relatedness, m.demandPull, m.supplyPush, m.pagerank, m.betweenness, s.priority, s.breakdown.importance, s.breakdown.need]) expect(inUnit(v)).toBe(true);
      if (m.localSupplyRate !== null) expect(inUnit(m.localSupplyRate)).toBe(true);
      if (m.hhi !== null) expect(m.hhi > 0 && m.hhi <= 1).toBe(true);
      expect(m.localRevenue).toBeGreaterThanOrEqual(0);
      expect(m.firmCount).toBe(s.localFirms.length);
      if (s.kind === 'none') expect(s.priority).toBe(0);
      expect(s.reasons.length).toBeGreaterThan(0);
    }
    for (const c of [...a.industries, ...a.subDirections, a.city]) {
      expect(inUnit(c.completeness)).toBe(true);
      expect(inUnit(c.localSupplyRate)).toBe(true);
    }
    const total = Object.values(a.city.counts).reduce((t, n) => t + n, 0);
    expect(total).toBe(ds.segments.length);
  });

  test.prop([datasetArb.chain((ds) => fc.tuple(fc.constant(ds), fc.shuffledSubarray([...ds.segments], { minLength: ds.segments.length }), fc.shuffledSubarray([...ds.links], { minLength: ds.links.length }), fc.shuffledSubarray([...ds.enterprises], { minLength: ds.enterprises.length })))])(
    'results do not depend on the order of input records',
    ([ds, segments, links, enterprises]) => {
      const shuffled: Dataset = { ...ds, segments, links, enterprises };
      expect(analyzeGaps(shuffled)).toEqual(analyzeGaps(ds));
    },
  );

  test.prop([datasetArb, fc.nat(), fc.double({ min: 0.01, max: 500, noNaN: true })])(
    'adding presence to a segment (a 补链 one or any other) never raises its priority',
    (ds, pick, revenue) => {
      const before = analyzeGaps(ds);
      const target = ds.segments[pick % ds.segments.length]!.id;
      const plus: Dataset = { ...ds, enterprises: [...ds.enterprises, { id: 'zz-new', name: '新企业', segments: [target], county: '甲县', revenue, source: 't', confidence: 'high', asOf: '2026' }] };
      const after = analyzeGaps(plus);
      const p0 = before.segments.find((s) => s.id === target)!;
      const p1 = after.segments.find((s) => s.id === target)!;
      expect(p1.priority).toBeLessThanOrEqual(p0.priority);
      expect(p1.measures.presence).toBeGreaterThanOrEqual(p0.measures.presence);
    },
  );

  test.prop([datasetArb])('removing the only firm of a segment never makes it healthier', (ds) => {
    const before = analyzeGaps(ds);
    for (const s of before.segments) {
      if (s.localFirms.length !== 1) continue;
      const firm = s.localFirms[0]!;
      const after = analyzeGaps({ ...ds, enterprises: ds.enterprises.filter((e) => e.id !== firm) });
      const t = after.segments.find((x) => x.id === s.id)!;
      expect(health(t)).toBeLessThanOrEqual(health(s));
      expect(t.measures.presence).toBe(0);
      const onlyHere = ds.enterprises.find((e) => e.id === firm)!.segments.length === 1;
      if (onlyHere) expect(t.priority).toBeGreaterThanOrEqual(s.priority);
    }
  });
});
