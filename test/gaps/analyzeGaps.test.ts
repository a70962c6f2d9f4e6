import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { analyzeGaps } from '../../src/gaps/analyzeGaps.js';
import { DEFAULT_GAP_OPTIONS } from '../../src/gaps/options.js';
import type { GapAnalysis, SegmentGap } from '../../src/gaps/types.js';
import { complete, frontier, greenfield, hole, thin } from '../fixtures/chains/index.js';
import { makeChain } from '../fixtures/chains/makeChain.js';

const seg = (a: GapAnalysis, id: string): SegmentGap => {
  const s = a.segments.find((x) => x.id === id);
  if (!s) throw new Error(`no segment ${id}`);
  return s;
};

describe('analyzeGaps: options', () => {
  it('rejects invalid options with a UsageError coded OPTIONS_INVALID', () => {
    const bad = [{ thresholds: { present: 2 } }, { weights: { demandPull: -1 } }, { weights: { demandPull: 0, supplyPush: 0, relatedness: 0, centrality: 0, strategic: 0, cityPriority: 0 } }, { centrality: { betweenness: 'fast' } }];
    for (const options of bad) {
      let caught: unknown;
      try {
        analyzeGaps(hole, options as never);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(UsageError);
      expect((caught as UsageError).code).toBe('OPTIONS_INVALID');
    }
  });

  it('has the defaults stated in docs/methodology.md (change both together)', () => {
    expect(DEFAULT_GAP_OPTIONS).toEqual({
      presence: { benchmarkRevenue: 50, underConstructionWeight: 0.5 },
      thresholds: { present: 0.25, strong: 0.6, demandHigh: 0.4, singleFirmHhi: 0.9, lowLocalSupply: 0.15, minInputWeight: 0.5, buildUnit: 0.15, strategicExtendPush: 0.8, minLinkWeight: 0 },
      weights: { demandPull: 0.25, supplyPush: 0.15, relatedness: 0.15, centrality: 0.15, strategic: 0.1, cityPriority: 0.2 },
      priority: { strengthenMinNeed: 0.25, primarySectors: ['001', '002', '003', '004', '005', '006', '007', '008', '009', '010', '011'], primarySectorFactor: 0.3, unverifiedNeedCap: 0.8 },
      centrality: { betweenness: 'auto', exactMaxNodes: 1000, samples: 64, seed: 20240220, alpha: 0.85 },
      topGaps: 5,
      applyCorrections: true,
      includeRestricted: false,
    });
    expect(Object.isFrozen(DEFAULT_GAP_OPTIONS)).toBe(true);
  });

  it('fills in defaults for any subset of nested options', () => {
    expect(DEFAULT_GAP_OPTIONS.thresholds.present).toBe(0.25);
    expect(DEFAULT_GAP_OPTIONS.presence.benchmarkRevenue).toBe(50);
    const a = analyzeGaps(thin, { thresholds: { present: 0.3 } });
    // with present 0.3, S (p 0.2794) becomes absent: its customer D is present → extend upstream
    expect(seg(a, 's').kind).toBe('extend');
  });
});

describe('analyzeGaps: hand-made chains (answers in test/fixtures/chains/index.ts)', () => {
  it('A → B → C with B absent: B is 补链, with the measures computed by hand', () => {
    const a = analyzeGaps(hole);
    const b = seg(a, 'b');
    expect(b.kind).toBe('fill');
    expect(b.measures.presence).toBe(0);
    expect(b.measures.relatedness).toBeCloseTo(1, 4);
    expect(b.measures.demandPull).toBeCloseTo(0.8, 4);
    expect(b.measures.supplyPush).toBeCloseTo(0.8, 4);
    expect(b.measures.betweenness).toBeCloseTo(1, 4);
    expect(b.measures.pagerank).toBeCloseTo(1.85 / 2.5725, 3);
    expect(seg(a, 'a').measures.pagerank).toBeCloseTo(1 / 2.5725, 3);
    expect(seg(a, 'c').measures.pagerank).toBe(1);
    expect(seg(a, 'a').kind).toBe('none');
    // C is strong (p 1) with its only input B absent: not 强链 (issue 14) but healthy with a
    // supply-security finding that points at B's own gap (补链).
    const c = seg(a, 'c');
    expect(c.kind).toBe('none');
    expect(c.supplySecurity).toEqual({ localSupplyRate: 0, inputs: [{ id: 'b', kind: 'fill' }] });
    expect(c.reasons.map((r) => r.code)).toEqual(['healthy', 'supply-security']);
    expect(c.measures.localSupplyRate).toBe(0);
    expect(seg(a, 'a').supplySecurity).toBeUndefined();
    // issue 14: B has no firm on record and nobody verified it, so its reasons say so (待核实)
    expect(b.reasons.map((r) => r.code)).toEqual(['fill', 'absence-unverified', 'priority']);
    expect(b.evidence).toBe('no-record');
    expect(a.toVerify).toEqual(['b']);
    // The rule reason quotes amounts and firm names; the indices stay in the measures and the priority reason.
    expect(b.reasons[0]!.zh).toContain('上游「环节a」（本地约50亿元，企业a-co）');
    expect(b.reasons[0]!.zh).toContain('未见本地企业记录');
    expect(b.reasons[2]!.zh).toContain('0.80');
  });

  it('priority = need × importance with the stated weights (worked by hand)', () => {
    // weights demandPull 1, supplyPush 1, rest 0 → normalised 0.5 each; importance = 0.5·0.8 + 0.5·0.8 = 0.8;
    // need 1 − 0 = 1, capped at 0.8 because B's absence is not verified (issue 14) → priority 0.64.
    const a = analyzeGaps(hole, { weights: { demandPull: 1, supplyPush: 1, relatedness: 0, centrality: 0, strategic: 0, cityPriority: 0 } });
    const b = seg(a, 'b');
    expect(b.priority).toBeCloseTo(0.64, 4);
    expect(b.breakdown.need).toBe(0.8);
    expect(b.breakdown.needCap).toBe(0.8);
    expect(b.breakdown.weights.demandPull).toBe(0.5);
    // C: no gap since issue 14 (strong, only its inputs are imported): need = 1 − 1 = 0, priority 0
    expect(seg(a, 'c').breakdown.need).toBe(0);
    expect(seg(a, 'c').priority).toBe(0);
  });

  it('A present, B absent downstream: B is 延链 downstream; X absent upstream of A: 延链 upstream', () => {
    const a = analyzeGaps(frontier);
    const b = seg(a, 'b');
    const x = seg(a, 'x');
    expect(b.kind).toBe('extend');
    if (b.kind === 'extend') expect(b.direction).toBe('downstream');
    expect(b.measures.supplyPush).toBeCloseTo(0.6, 4);
    expect(b.measures.demandPull).toBe(0);
    expect(x.kind).toBe('extend');
    if (x.kind === 'extend') expect(x.direction).toBe('upstream');
    expect(x.measures.demandPull).toBeCloseTo(0.6, 4);
    expect(b.reasons[0]!.code).toBe('extend-downstream');
    expect(x.reasons[0]!.code).toBe('extend-upstream');
  });

  it('a present segment with one tiny firm under strong demand is 强链 (low presence, single firm)', () => {
    const a = analyzeGaps(thin);
    const s = seg(a, 's');
    expect(s.kind).toBe('strengthen');
    if (s.kind === 'strengthen') expect(s.weakness).toEqual(['low-presence', 'single-firm']);
    expect(s.measures.presence).toBeCloseTo(Math.log(3) / Math.log(51), 4);
    expect(s.measures.presence).toBeCloseTo(0.2794, 4);
    expect(s.measures.demandPull).toBeCloseTo(0.9, 4);
    expect(s.measures.hhi).toBe(1);
    expect(s.breakdown.need).toBeCloseTo(0.7206, 4);
    expect(seg(a, 'd').kind).toBe('none');
    expect(seg(a, 'd').priority).toBe(0);
    expect(seg(a, 'd').measures.localSupplyRate).toBeCloseTo(0.2794, 4);
  });

  it('a strategic industry with nothing local is 建链; an isolated non-strategic segment is no gap (not 建链)', () => {
    const a = analyzeGaps(greenfield);
    for (const id of ['e1', 'e2', 'e3']) {
      const g = seg(a, id);
      expect(g.kind).toBe('build');
      if (g.kind === 'build') {
        expect(g.basis).toBe('strategic-unit');
        expect(g.unit).toBe('energy');
      }
    }
    // Issue 14: 建链 only for strategic segments; Z and Y have no local supplier or customer.
    for (const id of ['z', 'y']) {
      const g = seg(a, id);
      expect(g.kind).toBe('none');
      if (g.kind === 'none') expect(g.basis).toBe('no-local-need');
      expect(g.priority).toBe(0);
      expect(g.reasons[0]!.code).toBe('no-local-need');
    }
    expect(seg(a, 'm').kind).toBe('none');
  });

  it('the same E1 without the strategic flag is 延链 downstream from the local supplier M', () => {
    const plain = makeChain({ ...specOf(greenfield), industries: [{ id: 'metal' }, { id: 'energy' }] });
    const e1 = seg(analyzeGaps(plain), 'e1');
    expect(e1.kind).toBe('extend');
  });

  it('a complete chain has no gaps; completeness 1 and 本地配套率 computed by hand', () => {
    const a = analyzeGaps(complete);
    expect(a.segments.every((s) => s.kind === 'none' && s.priority === 0)).toBe(true);
    expect(a.city.counts).toEqual({ fill: 0, extend: 0, strengthen: 0, build: 0, none: 3 });
    expect(a.industries[0]!.completeness).toBe(1);
    expect(a.industries[0]!.localSupplyRate).toBeCloseTo(Math.log(21) / Math.log(51), 4);
    expect(seg(a, 'b').measures.hhi).toBe(0.5);
  });
});

describe('analyzeGaps: presence from local firms', () => {
  it('splits a firm over its segments, discounts plants under construction and ignores closed ones', () => {
    const ds = makeChain({
      segments: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      firms: [
        { id: 'two', segments: ['a', 'b'], revenue: 20 }, // 10 each
        { id: 'new', segments: ['c'], revenue: 20, status: 'under-construction' }, // 20 × 0.5 = 10
        { id: 'gone', segments: ['c'], revenue: 1000, status: 'closed' },
      ],
    });
    const a = analyzeGaps(ds);
    expect(seg(a, 'a').measures.localRevenue).toBe(10);
    expect(seg(a, 'b').measures.localRevenue).toBe(10);
    expect(seg(a, 'c').measures.localRevenue).toBe(10);
    expect(seg(a, 'c').localFirms).toEqual(['new']);
    expect(seg(a, 'c').measures.firmCount).toBe(1);
  });

  it('uses band midpoints, the segment benchmark when given, and a log map', () => {
    const ds = makeChain({
      segments: [{ id: 'a' }, { id: 'b', benchmarkRevenue: 5.5 }],
      firms: [{ id: 'f', segments: ['a'], revenueBand: '1-10' }, { id: 'g', segments: ['b'], revenueBand: '1-10' }],
    });
    const a = analyzeGaps(ds);
    // midpoint 5.5 → p = ln 6.5 / ln 51 = 1.871802 / 3.931826 = 0.4761
    expect(seg(a, 'a').measures.presence).toBeCloseTo(0.4761, 4);
    expect(seg(a, 'b').measures.presence).toBe(1);
  });

  it('reads the city priorities from the dataset, so changing them changes the priority', () => {
    const low = analyzeGaps(makeChain({ ...specOf(hole), priorities: { industries: { main: 0 } } }));
    const high = analyzeGaps(makeChain({ ...specOf(hole), priorities: { segments: { b: 1 } } }));
    expect(seg(high, 'b').breakdown.factors.cityPriority).toBe(1);
    expect(seg(low, 'b').breakdown.factors.cityPriority).toBe(0);
    expect(seg(high, 'b').priority).toBeGreaterThan(seg(low, 'b').priority);
  });

  it('lowers the priority of primary-sector (resource) segments by the stated factor', () => {
    const plain = seg(analyzeGaps(hole), 'b');
    const resource = seg(analyzeGaps(makeChain({ ...specOf(hole), segments: [{ id: 'a' }, { id: 'b', ioSector: '009' }, { id: 'c' }] })), 'b');
    expect(resource.kind).toBe('fill');
    expect(resource.breakdown.sectorFactor).toBe(0.3);
    expect(resource.priority).toBeCloseTo(plain.priority * 0.3, 3);
  });
});

describe('analyzeGaps: summaries and order', () => {
  it('sorts segments by priority desc, then id asc, and counts kinds per industry', () => {
    const a = analyzeGaps(greenfield);
    for (let i = 1; i < a.segments.length; i++) {
      const p = a.segments[i - 1]!;
      const q = a.segments[i]!;
      expect(p.priority > q.priority || (p.priority === q.priority && p.id < q.id)).toBe(true);
    }
    const energy = a.industries.find((i) => i.id === 'energy')!;
    expect(energy.counts.build).toBe(3);
    expect(energy.completeness).toBe(0);
    expect(energy.topGaps).toHaveLength(3);
    expect(a.city.counts.build).toBe(3); // E1–E3; Z and Y are no gap since issue 14
  });
});

/** The spec a fixture was made from, recovered for variations. */
function specOf(ds: ReturnType<typeof makeChain>): Parameters<typeof makeChain>[0] {
  return {
    industries: ds.industries.map((i) => ({ id: i.id, ...(i.strategic !== undefined ? { strategic: i.strategic } : {}), subDirections: i.subDirections.map((d) => d.id) })),
    segments: ds.segments.map((s) => ({ id: s.id, industry: s.industry, stage: s.stage, ...(s.strategic !== undefined ? { strategic: s.strategic } : {}) })),
    links: ds.links.map((l) => [l.from, l.to, l.weight] as const),
    firms: ds.enterprises.map((e) => ({ id: e.id, segments: e.segments, ...(e.revenue !== undefined ? { revenue: e.revenue } : {}) })),
  };
}
