// Hand-made cases for every gap-label rule of issue 14 (docs/methodology.md §1.8). Each chain is small
// enough to check by hand; presence p = min(1, ln(1 + r) / ln(1 + 50)) with the default benchmark.
import { describe, expect, it } from 'vitest';
import { analyzeGaps } from '../../../src/gaps/analyzeGaps.js';
import type { GapAnalysis, SegmentGap } from '../../../src/gaps/types.js';
import { frontier, thin } from '../../fixtures/chains/index.js';
import { makeChain, type ChainSpec } from '../../fixtures/chains/makeChain.js';

const seg = (a: GapAnalysis, id: string): SegmentGap => {
  const s = a.segments.find((x) => x.id === id);
  if (!s) throw new Error(`no segment ${id}`);
  return s;
};
const zh = (g: SegmentGap): string => g.reasons.map((r) => r.zh).join('\n');

describe('强链: a present segment that is weak in itself', () => {
  it('one small firm under strong local demand: low presence and single firm', () => {
    // S: 2亿 → p 0.2794 (present, < 0.6), demand pull 0.9 ≥ 0.4, one firm (HHI 1).
    const s = seg(analyzeGaps(thin), 's');
    expect(s.kind).toBe('strengthen');
    if (s.kind === 'strengthen') expect(s.weakness).toEqual(['low-presence', 'single-firm']);
    expect(s.reasons.map((r) => r.code)).toEqual(['strengthen-low-presence', 'strengthen-single-firm', 'priority']);
    expect(s.reasons[0]!.zh).toContain('本地约2.0亿元营收、1家企业（企业s-co）');
    expect(s.reasons[0]!.zh).toContain('下游「环节d」（本地约50亿元，企业d-co）需要它');
  });

  it('a single large firm (p ≥ 0.6) is a 链主, not 强链', () => {
    const a = analyzeGaps(makeChain({ segments: [{ id: 's' }, { id: 'd' }], links: [['s', 'd', 0.9]], firms: [{ id: 'big', segments: ['s'], revenue: 40 }, { id: 'd-co', segments: ['d'], revenue: 50 }] }));
    expect(seg(a, 's').kind).toBe('none');
    expect(seg(a, 's').reasons[0]!.code).toBe('healthy');
  });

  it('weak but needed by nobody local (not strategic, no local neighbour): no gap, not 强链', () => {
    const a = analyzeGaps(makeChain({ segments: [{ id: 's' }, { id: 'd' }], links: [['s', 'd', 0.9]], firms: [{ id: 'small', segments: ['s'], revenue: 2 }] }));
    const s = seg(a, 's');
    expect(s.kind).toBe('none');
    if (s.kind === 'none') expect(s.basis).toBe('no-local-need');
    expect(s.priority).toBe(0);
  });
});

describe('supply security: a strong segment whose inputs are imported', () => {
  // ore → metal (0.9) → product (0.8); metal 600亿 (p 1), product 50亿 (p 1), ore has no firm.
  const spec: ChainSpec = {
    segments: [{ id: 'ore', stage: 'upstream' }, { id: 'metal' }, { id: 'product', stage: 'downstream' }],
    links: [['ore', 'metal', 0.9], ['metal', 'product', 0.8]],
    firms: [{ id: 'smelter', segments: ['metal'], revenue: 600 }, { id: 'maker', segments: ['product'], revenue: 50 }],
  };
  const a = analyzeGaps(makeChain(spec));

  it('is no gap, with a supply-security finding that points at the supplier segment and its own label', () => {
    const m = seg(a, 'metal');
    expect(m.kind).toBe('none');
    expect(m.priority).toBe(0);
    expect(m.measures.localSupplyRate).toBe(0);
    expect(m.supplySecurity).toEqual({ localSupplyRate: 0, inputs: [{ id: 'ore', kind: 'extend' }] });
    expect(m.reasons.map((r) => r.code)).toEqual(['healthy', 'supply-security']);
    expect(m.reasons[1]!.zh).toContain('「环节ore」（延链）');
    expect(m.reasons[1]!.zh).toContain('不是本环节自身的短板');
  });

  it('the supplier carries the gap: ore is 延链 upstream', () => {
    const o = seg(a, 'ore');
    expect(o.kind).toBe('extend');
    if (o.kind === 'extend') expect(o.direction).toBe('upstream');
  });

  it('no finding when the input is local', () => {
    const b = analyzeGaps(makeChain({ ...spec, firms: [...spec.firms!, { id: 'mine', segments: ['ore'], revenue: 50 }] }));
    expect(seg(b, 'metal').supplySecurity).toBeUndefined();
    expect(seg(b, 'metal').reasons.map((r) => r.code)).toEqual(['healthy']);
  });
});

describe('建链 only for strategic segments; strongly fed strategic segments are 延链', () => {
  // M (metal, 50亿, p 1) → E1 (energy, strategic) → E2 (energy).
  const fed = (w: number): GapAnalysis =>
    analyzeGaps(
      makeChain({
        industries: [{ id: 'metal' }, { id: 'energy', strategic: true }],
        segments: [{ id: 'm', industry: 'metal' }, { id: 'e1', industry: 'energy' }, { id: 'e2', industry: 'energy' }],
        links: [['m', 'e1', w], ['e1', 'e2', 0.7]],
        firms: [{ id: 'm-co', segments: ['m'], revenue: 50 }],
      }),
    );

  it('supply push 0.9 ≥ 0.8 from a strong local supplier: 延链 downstream, strategic flag in the reasons', () => {
    const e1 = seg(fed(0.9), 'e1');
    expect(e1.kind).toBe('extend');
    if (e1.kind === 'extend') {
      expect(e1.direction).toBe('downstream');
      expect(e1.strategicSupply).toBe(true);
    }
    expect(e1.reasons[0]!.code).toBe('extend-downstream-strategic');
    expect(e1.reasons[0]!.zh).toContain('属战略性环节');
    expect(e1.reasons[0]!.zh).toContain('按延链而非建链');
    expect(e1.reasons[0]!.zh).toContain('向下游延链');
  });

  it('supply push 0.5 < 0.8: the near-empty strategic industry makes it 建链', () => {
    const e1 = seg(fed(0.5), 'e1');
    expect(e1.kind).toBe('build');
    if (e1.kind === 'build') expect(e1.basis).toBe('strategic-unit');
  });

  it('the threshold is an option: 0.5 is enough with strategicExtendPush 0.4', () => {
    const e1 = seg(analyzeGaps(makeChain({ industries: [{ id: 'metal' }, { id: 'energy', strategic: true }], segments: [{ id: 'm', industry: 'metal' }, { id: 'e1', industry: 'energy' }], links: [['m', 'e1', 0.5]], firms: [{ id: 'm-co', segments: ['m'], revenue: 50 }] }), { thresholds: { strategicExtendPush: 0.4 } }), 'e1');
    expect(e1.kind).toBe('extend');
  });

  // A (50亿) → B (50亿) in industry main; X isolated. Main's mean presence 2/3 is not near-empty.
  const isolated = (x: { strategic?: boolean; revenue?: number; link?: boolean }): SegmentGap =>
    seg(
      analyzeGaps(
        makeChain({
          segments: [{ id: 'a' }, { id: 'b' }, { id: 'x', ...(x.strategic !== undefined ? { strategic: x.strategic } : {}) }],
          links: [['a', 'b', 0.7], ...(x.link === true ? ([['x', 'b', 0.6]] as const) : [])],
          firms: [{ id: 'a-co', segments: ['a'], revenue: 50 }, { id: 'b-co', segments: ['b'], revenue: 50 }, ...(x.revenue !== undefined ? [{ id: 'seed', segments: ['x'], revenue: x.revenue }] : [])],
        }),
      ),
      'x',
    );

  it('non-strategic with no local base and no local need: no gap (never 建链)', () => {
    const x = isolated({});
    expect(x.kind).toBe('none');
    if (x.kind === 'none') expect(x.basis).toBe('no-local-need');
    expect(zh(x)).toContain('未见本地企业记录');
    expect(zh(x)).not.toContain('建链');
  });

  it('non-strategic with a local customer: 延链 upstream by position (not 建链)', () => {
    const x = isolated({ link: true });
    expect(x.kind).toBe('extend');
    if (x.kind === 'extend') expect(x.direction).toBe('upstream');
  });

  it('strategic with no local base: 建链 from scratch', () => {
    const x = isolated({ strategic: true });
    expect(x.kind).toBe('build');
    if (x.kind === 'build') expect(x.basis).toBe('no-local-base');
    expect(x.reasons[0]!.zh).toContain('从零建链');
  });

  it('a firm below the revenue threshold is a local base: 强链 small-base, never 从零建链', () => {
    // 0.25亿 → p = ln 1.25 / ln 51 = 0.0568 < 0.25
    const x = isolated({ strategic: true, revenue: 0.25 });
    expect(x.measures.presence).toBeCloseTo(0.0568, 4);
    expect(x.kind).toBe('strengthen');
    if (x.kind === 'strengthen') expect(x.weakness).toEqual(['small-base']);
    expect(x.reasons[0]!.code).toBe('strengthen-small-base');
    expect(x.reasons[0]!.zh).toContain('本地约2500万元营收、1家企业（企业seed）');
    expect(x.reasons[0]!.zh).toContain('不是从零建链');
    expect(zh(x)).not.toMatch(/需从零建链/);
  });

  it('a below-threshold firm next to a local customer keeps its position label and is named', () => {
    const x = isolated({ revenue: 0.25, link: true });
    expect(x.kind).toBe('extend');
    expect(x.reasons[0]!.zh).toContain('企业seed');
    expect(x.reasons[0]!.zh).toContain('规模尚小');
  });
});

describe('direction words follow the link direction', () => {
  const a = analyzeGaps(frontier); // X → A → B, only A present

  it('B, fed by local A: 向下游延链, never 向上游', () => {
    const b = seg(a, 'b');
    expect(b.reasons[0]!.zh).toContain('向下游延链');
    expect(b.reasons[0]!.zh).not.toContain('向上游');
    expect(b.reasons[0]!.en).toContain('extend downstream');
  });

  it('X, an input of local A: 向上游延链, never 向下游', () => {
    const x = seg(a, 'x');
    expect(x.reasons[0]!.zh).toContain('向上游延链');
    expect(x.reasons[0]!.zh).not.toContain('向下游');
    expect(x.reasons[0]!.en).toContain('extend upstream');
  });

  it('reversing the link reverses the words', () => {
    const r = analyzeGaps(makeChain({ segments: [{ id: 'x', stage: 'downstream' }, { id: 'a' }], links: [['a', 'x', 0.6]], firms: [{ id: 'a-co', segments: ['a'], revenue: 50 }] }));
    expect(seg(r, 'x').reasons[0]!.zh).toContain('向下游延链');
  });
});

describe('补链 is unchanged: both sides local', () => {
  it('a strategic hole next to a strong industry is 补链 (not 建链) when its supply push is below the threshold', () => {
    const a = analyzeGaps(
      makeChain({
        segments: [{ id: 'a' }, { id: 'b', strategic: true }, { id: 'c' }],
        links: [['a', 'b', 0.5], ['b', 'c', 0.5]],
        firms: [{ id: 'a-co', segments: ['a'], revenue: 50 }, { id: 'c-co', segments: ['c'], revenue: 50 }],
      }),
    );
    const b = seg(a, 'b');
    expect(b.kind).toBe('fill');
    expect(b.reasons[0]!.zh).toContain('中间断链');
    expect(b.reasons[0]!.zh).toContain('属战略性环节');
  });
});

describe('strategic units: a sub-direction marked strategic makes its segments 建链 candidates', () => {
  // Industry main (not strategic) with sub-direction `adv`; A (50亿) → B (50亿); X in `adv`, isolated.
  const ds = (strategicSub: boolean | undefined) => {
    const d = makeChain({
      industries: [{ id: 'main', subDirections: ['adv'] }],
      segments: [{ id: 'a' }, { id: 'b' }, { id: 'x', subDirection: 'adv' }],
      links: [['a', 'b', 0.7]],
      firms: [{ id: 'a-co', segments: ['a'], revenue: 50 }, { id: 'b-co', segments: ['b'], revenue: 50 }],
    });
    return { ...d, industries: d.industries.map((i) => ({ ...i, subDirections: i.subDirections.map((s) => (strategicSub === undefined ? s : { ...s, strategic: strategicSub })) })) };
  };

  it('unflagged: no local need, no gap', () => {
    const x = seg(analyzeGaps(ds(undefined)), 'x');
    expect(x.strategic).toBe(false);
    expect(x.kind).toBe('none');
  });

  it('flagged strategic: 建链 (its sub-direction is empty: strategic-unit)', () => {
    const x = seg(analyzeGaps(ds(true)), 'x');
    expect(x.strategic).toBe(true);
    expect(x.kind).toBe('build');
  });
});
