// Properties of the issue-14 label rules on random chains (test/gaps/arbitraries.ts).
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { analyzeGaps } from '../../../src/gaps/analyzeGaps.js';
import type { Dataset } from '../../../src/schema/dataset.js';
import { datasetArb } from '../arbitraries.js';

describe('label rules on random chains', () => {
  test.prop([datasetArb])('建链 only on strategic segments; no local firm ever reads 从零建链; 强链 never for imported inputs alone', (ds) => {
    const a = analyzeGaps(ds);
    for (const g of a.segments) {
      if (g.kind === 'build') {
        expect(g.strategic).toBe(true);
        if (g.basis === 'no-local-base') expect(g.localFirms).toEqual([]);
      }
      for (const r of g.reasons) if (g.localFirms.length > 0) expect(r.zh).not.toContain('需从零建链');
      if (g.kind === 'strengthen') expect(g.weakness).not.toContain('low-local-supply');
      if (g.kind === 'none' && g.basis === 'no-local-need') expect(g.strategic).toBe(false);
      if (g.supplySecurity !== undefined) {
        expect(g.measures.localSupplyRate).not.toBeNull();
        expect(g.measures.localSupplyRate!).toBeLessThan(0.15);
        expect(g.reasons.some((r) => r.code === 'supply-security')).toBe(true);
      }
    }
  });

  test.prop([datasetArb, fc.nat(), fc.double({ min: 0.01, max: 1, noNaN: true })])(
    'a segment with local need and a small firm is never 建链 no-local-base; without the firm it may be',
    (ds, pick, revenue) => {
      const target = ds.segments[pick % ds.segments.length]!.id;
      const plus: Dataset = { ...ds, enterprises: [...ds.enterprises, { id: 'zz-seed', name: '种子企业', segments: [target], county: '甲县', revenue, source: 't', confidence: 'high', asOf: '2026' }] };
      const g = analyzeGaps(plus).segments.find((s) => s.id === target)!;
      if (g.kind === 'build') expect(g.basis).not.toBe('no-local-base');
    },
  );

  test.prop([datasetArb, fc.double({ min: 0.05, max: 1, noNaN: true })])('explicit revenue shares move revenue between a firm’s segments and keep the total', (ds, share) => {
    const multi = ds.enterprises.find((e) => e.segments.length === 2 && e.status !== 'closed');
    fc.pre(multi !== undefined);
    const [s1, s2] = multi!.segments as [string, string];
    const shared: Dataset = { ...ds, enterprises: ds.enterprises.map((e) => (e.id === multi!.id ? { ...e, segmentShares: { [s1]: share } } : e)) };
    const before = analyzeGaps(ds).segments;
    const after = analyzeGaps(shared).segments;
    const rev = (xs: typeof before, id: string): number => xs.find((s) => s.id === id)!.measures.localRevenue;
    expect(rev(after, s1) + rev(after, s2)).toBeCloseTo(rev(before, s1) + rev(before, s2), 3);
  });
});
