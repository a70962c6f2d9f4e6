// Reasons a 局长 can read (issue 14): amounts and firm names first, indices kept in the structured output.
import { describe, expect, it } from 'vitest';
import { analyzeGaps } from '../../../src/gaps/analyzeGaps.js';
import { amount, pct } from '../../../src/gaps/reasons/format.js';
import type { GapAnalysis, SegmentGap } from '../../../src/gaps/types.js';
import { hole } from '../../fixtures/chains/index.js';
import { makeChain } from '../../fixtures/chains/makeChain.js';

const seg = (a: GapAnalysis, id: string): SegmentGap => a.segments.find((x) => x.id === id)!;

describe('amount and pct', () => {
  it('reads 亿元 as a reader says it', () => {
    expect(amount(750).zh).toBe('750亿元');
    expect(amount(30.4).zh).toBe('30亿元');
    expect(amount(5.5).zh).toBe('5.5亿元');
    expect(amount(0.25).zh).toBe('2500万元');
    expect(amount(750).en).toBe('CNY 75bn');
    expect(amount(5.5).en).toBe('CNY 550m');
  });

  it('percentages: one decimal below 10%, whole above, 0% for nothing', () => {
    expect(pct(0.025)).toBe('2.5%');
    expect(pct(0.3)).toBe('30%');
    expect(pct(0)).toBe('0%');
  });
});

describe('reasons quote amounts and firms', () => {
  // Three firms on S (20 + 8 + 2 = 30亿), S → D (0.9), D one firm of 50亿; X → D absent.
  const a = analyzeGaps(
    makeChain({
      segments: [{ id: 's' }, { id: 'd', stage: 'downstream' }, { id: 'x', stage: 'upstream' }],
      links: [['s', 'd', 0.9], ['x', 'd', 0.5]],
      firms: [
        { id: 'big', segments: ['s'], revenue: 20 },
        { id: 'mid', segments: ['s'], revenue: 8 },
        { id: 'tiny', segments: ['s'], revenue: 2 },
        { id: 'buyer', segments: ['d'], revenue: 50 },
      ],
    }),
  );

  it('a healthy segment: 本地约30亿元营收、3家企业, largest first', () => {
    const s = seg(a, 's');
    expect(s.kind).toBe('none');
    expect(s.reasons[0]!.zh).toMatch(/^本地约30亿元营收、3家企业（企业big、企业mid、企业tiny）/);
    expect(s.reasons[0]!.en).toMatch(/^About CNY 3bn of local revenue from 3 firms \(企业big, 企业mid, 企业tiny\)/);
  });

  it('an upstream gap names the local customer with its amount and firm, and keeps the indices in measures', () => {
    const x = seg(a, 'x');
    expect(x.kind).toBe('extend');
    expect(x.reasons[0]!.zh).toContain('下游「环节d」（本地约50亿元，企业buyer）在本地');
    expect(x.reasons[0]!.zh).toContain('未见本地企业记录');
    expect(x.reasons[0]!.zh).not.toMatch(/存在度|需求拉动|关联密度/);
    expect(x.measures.demandPull).toBeCloseTo(0.5, 4);
    expect(x.breakdown.factors.demandPull).toBeCloseTo(0.5, 4);
    expect(x.reasons.at(-1)!.code).toBe('priority');
    expect(x.reasons.at(-1)!.zh).toContain('需求拉动 0.50');
  });

  it('never states absence as a fact: "未见本地企业记录", not "本地空白" or "本地缺失"', () => {
    for (const g of analyzeGaps(hole).segments) for (const r of g.reasons) expect(r.zh).not.toMatch(/本地空白|本地缺失/);
  });

  it('English and Chinese reasons come in pairs with the same codes', () => {
    for (const g of a.segments) for (const r of g.reasons) expect(r.en.length).toBeGreaterThan(0);
  });
});
