// Issue 14 leftovers: a 强链 label must rest on real figures (estimated sizes are 规模待核实, not weak segments),
// and reasons quote what local customers buy (IO coefficient × the customer's revenue), not only indices.
// Presence p = min(1, ln(1 + r) / ln(1 + 50)) with the default benchmark.
import { describe, expect, it } from 'vitest';
import { analyzeGaps } from '../../../src/gaps/analyzeGaps.js';
import { customerDemand } from '../../../src/gaps/reasons/segmentReasons.js';
import type { GapAnalysis, SegmentGap } from '../../../src/gaps/types.js';
import type { Dataset } from '../../../src/schema/dataset.js';
import { makeChain, type ChainSpec } from '../../fixtures/chains/makeChain.js';

const seg = (a: GapAnalysis, id: string): SegmentGap => {
  const s = a.segments.find((x) => x.id === id);
  if (!s) throw new Error(`no segment ${id}`);
  return s;
};

/** makeChain, then mark the named enterprises `revenueEstimated` and give links IO coefficients. */
function chain(spec: ChainSpec, estimated: readonly string[] = [], coefficients: Readonly<Record<string, number>> = {}, sectors: Readonly<Record<string, string>> = {}): Dataset {
  const ds = makeChain(spec);
  return {
    ...ds,
    segments: ds.segments.map((s) => (sectors[s.id] !== undefined ? { ...s, ioSector: sectors[s.id] } : s)),
    // An estimated record gives only a guessed band (as the 聊城 aggregates and parks do): 2亿 → band 1-10 (5.5亿).
    enterprises: ds.enterprises.map((e) => {
      if (!estimated.includes(e.id)) return e;
      const { revenue, ...rest } = e;
      return { ...rest, revenueBand: revenue !== undefined && revenue >= 10 ? ('10-50' as const) : ('1-10' as const), revenueEstimated: true };
    }),
    links: ds.links.map((l) => {
      const a = coefficients[`${l.from}>${l.to}`];
      return a !== undefined ? { ...l, basis: 'io-table' as const, ioCoefficient: a } : l;
    }),
  };
}

// s (2亿, p 0.2794) supplies d (50亿, p 1) with weight 0.9: 强链 low-presence + single-firm on real figures.
const weak: ChainSpec = {
  segments: [{ id: 's' }, { id: 'd' }],
  links: [['s', 'd', 0.9]],
  firms: [{ id: 's-co', segments: ['s'], revenue: 2 }, { id: 'd-co', segments: ['d'], revenue: 50 }],
};

describe('强链 only on real figures (issue 14: 冷链物流, 蔬菜交易中心, 棉花, 木材, 秸秆)', () => {
  it('control: the same weak segment with a reported revenue is 强链', () => {
    const s = seg(analyzeGaps(chain(weak)), 's');
    expect(s.kind).toBe('strengthen');
    expect(s.priority).toBeGreaterThan(0);
  });

  it('every figure on it estimated: no 强链, basis size-unverified, listed as 规模待核实, priority 0', () => {
    const a = analyzeGaps(chain(weak, ['s-co']));
    const s = seg(a, 's');
    expect(s.kind).toBe('none');
    if (s.kind === 'none') {
      expect(s.basis).toBe('size-unverified');
      expect(s.unverifiedWeakness).toEqual(['low-presence', 'single-firm']);
    }
    expect(s.priority).toBe(0);
    expect(a.sizeToVerify).toEqual(['s']);
    expect(a.industries.flatMap((i) => i.topGaps)).not.toContain('s');
    expect(s.reasons.map((r) => r.code)).toEqual(['size-unverified']);
    expect(s.reasons[0]!.zh).toContain('本地约5.5亿元（估计）营收');
    expect(s.reasons[0]!.zh).toContain('暂不列为强链，规模待核实');
    expect(s.reasons[0]!.en).toContain('not labelled strengthen');
  });

  it('one firm with a reported revenue beside an estimated one: the label rests on a real figure, 强链 stays', () => {
    const spec: ChainSpec = { ...weak, firms: [...weak.firms!, { id: 's-real', segments: ['s'], revenue: 1 }] };
    expect(seg(analyzeGaps(chain(spec, ['s-co'])), 's').kind).toBe('strengthen');
  });

  it('a present correction with a revenue above the estimate replaces it: no longer size-unverified', () => {
    const ds = chain(weak, ['s-co']);
    const corrected: Dataset = {
      ...ds,
      corrections: [{ id: 'c1', segment: 's', kind: 'present', revenue: 6, author: '链长办', date: '2026-12', source: '实地核实' }],
    };
    const s = seg(analyzeGaps(corrected), 's');
    expect(s.kind).toBe('strengthen');
    expect(analyzeGaps(corrected).sizeToVerify).toEqual([]);
  });

  it('an estimated healthy segment stays healthy and says its amount is an estimate', () => {
    const spec: ChainSpec = { ...weak, firms: [{ id: 's-co', segments: ['s'], revenue: 40 }, { id: 'd-co', segments: ['d'], revenue: 50 }] };
    const s = seg(analyzeGaps(chain(spec, ['s-co'])), 's');
    expect(s.kind).toBe('none');
    expect(s.reasons[0]!.code).toBe('healthy');
    expect(s.reasons[0]!.zh).toContain('本地约30亿元（估计）营收');
  });

  it('an estimated figure (not a guessed band) is judged on: a what-if landing of assumed size stays 强链 when weak', () => {
    const ds = chain(weak);
    const figure: Dataset = { ...ds, enterprises: ds.enterprises.map((e) => (e.id === 's-co' ? { ...e, revenueEstimated: true } : e)) };
    expect(seg(analyzeGaps(figure), 's').kind).toBe('strengthen');
  });
});

describe('reasons quote what local customers buy (issue 14: amounts, not only indices)', () => {
  // x (no firm) supplies d1 (50亿) and d2 (20亿); u (30亿) supplies x: 补链.
  const spec: ChainSpec = {
    segments: [{ id: 'u' }, { id: 'x' }, { id: 'd1' }, { id: 'd2' }, { id: 'y' }],
    links: [['u', 'x', 0.5], ['x', 'd1', 0.6], ['x', 'd2', 0.4], ['y', 'd1', 0.3]],
    firms: [{ id: 'u-co', segments: ['u'], revenue: 30 }, { id: 'd1-co', segments: ['d1'], revenue: 50 }, { id: 'd2-co', segments: ['d2'], revenue: 20 }],
  };

  it('coefficient × customer revenue: 0.2 × 50亿 = 10亿; a judgement link quotes no amount', () => {
    const x = seg(analyzeGaps(chain(spec, [], { 'x>d1': 0.2 })), 'x');
    expect(x.kind).toBe('fill');
    const r = x.reasons[0]!;
    expect(r.zh).toContain('「环节d1」（本地约50亿元，企业d1-co；年需本环节产品约10亿元†）');
    expect(r.zh).toContain('「环节d2」（本地约20亿元，企业d2-co）');
    expect(r.zh).toContain('†年需 = 全国投入产出表直接消耗系数 × 下游本地营收');
    expect(r.en).toContain('buys about CNY 1bn† of it a year');
  });

  it('two suppliers of one IO sector share the sector coefficient: 0.2 × 50亿 / 2 = 5亿', () => {
    const x = seg(analyzeGaps(chain(spec, [], { 'x>d1': 0.2, 'y>d1': 0.2 }, { x: '087', y: '087' })), 'x');
    expect(x.reasons[0]!.zh).toContain('年需本环节产品约5.0亿元†');
  });

  it('suppliers of different sectors do not share: each keeps its own coefficient', () => {
    const x = seg(analyzeGaps(chain(spec, [], { 'x>d1': 0.2, 'y>d1': 0.1 }, { x: '087', y: '060' })), 'x');
    expect(x.reasons[0]!.zh).toContain('年需本环节产品约10亿元†');
  });

  it('a 强链 low-presence reason totals the customers’ demand against the local supply', () => {
    const s2: ChainSpec = { ...spec, firms: [...spec.firms!, { id: 'x-co', segments: ['x'], revenue: 2 }] };
    const x = seg(analyzeGaps(chain(s2, [], { 'x>d1': 0.2, 'x>d2': 0.1 })), 'x');
    expect(x.kind).toBe('strengthen');
    // 0.2 × 50 + 0.1 × 20 = 12亿 a year against 2亿 of local revenue.
    expect(x.reasons[0]!.zh).toContain('本地约2.0亿元营收');
    expect(x.reasons[0]!.zh).toContain('合计年需约12亿元†');
  });

  it('customerDemand: coefficient × revenue / same-sector suppliers; nothing without a coefficient or below 50万元', () => {
    expect(customerDemand({ from: 'a', to: 'b', weight: 1, ioCoefficient: 0.5 }, 30, 3)).toBe(5);
    expect(customerDemand({ from: 'a', to: 'b', weight: 1 }, 30)).toBeUndefined();
    expect(customerDemand({ from: 'a', to: 'b', weight: 1, ioCoefficient: 0.0001 }, 30)).toBeUndefined();
    expect(customerDemand(undefined, 30)).toBeUndefined();
  });
});
