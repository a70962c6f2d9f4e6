// Relative benchmarks (就地转化率) and per-segment revenue shares (issue 14, item 5), by hand.
import { describe, expect, it } from 'vitest';
import { analyzeGaps } from '../../../src/gaps/analyzeGaps.js';
import { segmentBenchmark } from '../../../src/gaps/measures/benchmark.js';
import { localFirmsBySegment } from '../../../src/model/localFirmsBySegment.js';
import type { Dataset } from '../../../src/schema/dataset.js';
import { Enterprise } from '../../../src/schema/enterprise.js';
import { Segment } from '../../../src/schema/segment.js';
import type { GapAnalysis, SegmentGap } from '../../../src/gaps/types.js';
import { makeChain } from '../../fixtures/chains/makeChain.js';

const seg = (a: GapAnalysis, id: string): SegmentGap => a.segments.find((x) => x.id === id)!;
const foil = Segment.parse({ id: 'foil', name: '铝板带箔', nameEn: 'Al sheet and foil', industry: 'nf', stage: 'midstream', keywords: ['铝箔'] });

describe('segmentBenchmark', () => {
  it('share × the reference segment’s local revenue when it has any', () => {
    const b = segmentBenchmark({ ...foil, benchmarkRelative: { segment: 'ingot', share: 0.3 } }, (id) => (id === 'ingot' ? 600 : 0), 50);
    expect(b).toEqual({ value: 180, kind: 'relative', relative: { segment: 'ingot', share: 0.3, referenceRevenue: 600 } });
  });

  it('falls back to benchmarkRevenue, then to the default, when the reference has no revenue', () => {
    expect(segmentBenchmark({ ...foil, benchmarkRelative: { segment: 'ingot', share: 0.3 }, benchmarkRevenue: 20 }, () => 0, 50)).toEqual({ value: 20, kind: 'segment' });
    expect(segmentBenchmark({ ...foil, benchmarkRelative: { segment: 'ingot', share: 0.3 } }, () => 0, 50)).toEqual({ value: 50, kind: 'default' });
  });

  it('ignores a segment that names itself', () => {
    expect(segmentBenchmark({ ...foil, benchmarkRelative: { segment: 'foil', share: 2 } }, () => 10, 50).kind).toBe('default');
  });

  it('rejects a non-positive share in the schema', () => {
    expect(Segment.safeParse({ ...foil, benchmarkRelative: { segment: 'ingot', share: 0 } }).success).toBe(false);
  });
});

describe('a relative benchmark in the gap analysis: 铝板带箔 next to 600亿 of ingot', () => {
  // ingot (600亿, p 1) → foil (one 15亿 plant) → packaging (50亿, p 1)
  const base = makeChain({
    segments: [{ id: 'ingot' }, { id: 'foil' }, { id: 'pack' }],
    links: [['ingot', 'foil', 1], ['foil', 'pack', 0.7]],
    firms: [{ id: 'smelter', segments: ['ingot'], revenue: 600 }, { id: 'foil-co', segments: ['foil'], revenue: 15 }, { id: 'pack-1', segments: ['pack'], revenue: 25 }, { id: 'pack-2', segments: ['pack'], revenue: 25 }],
  });
  const relative: Dataset = { ...base, segments: base.segments.map((s) => (s.id === 'foil' ? { ...s, benchmarkRelative: { segment: 'ingot', share: 0.3, note: '判断：铝水就地转化率目标 30%' } } : s)) };

  it('with the fixed 50亿 benchmark one 15亿 plant closes the segment (p = ln 16 / ln 51 = 0.7051)', () => {
    const f = seg(analyzeGaps(base), 'foil');
    expect(f.measures.presence).toBeCloseTo(Math.log(16) / Math.log(51), 4);
    expect(f.kind).toBe('none');
  });

  it('against 30% of the ingot revenue (180亿) it is 强链: p = ln 16 / ln 181 = 0.5334, conversion 2.5% of 30%', () => {
    const f = seg(analyzeGaps(relative), 'foil');
    expect(f.measures.presence).toBeCloseTo(Math.log(16) / Math.log(181), 4);
    expect(f.kind).toBe('strengthen');
    if (f.kind === 'strengthen') expect(f.weakness).toContain('low-presence');
    const r = f.reasons.find((x) => x.code === 'strengthen-low-conversion')!;
    expect(r.zh).toContain('相当于本地「环节ingot」（约600亿元）的 2.5%');
    expect(r.zh).toContain('就地转化目标 30%');
    expect(r.zh).toContain('铝水就地转化率目标 30%');
  });

  it('the benchmark follows the reference: with 20亿 of ingot the target is 6亿 and 15亿 is full', () => {
    const small: Dataset = { ...relative, enterprises: relative.enterprises.map((e) => (e.id === 'smelter' ? { ...e, revenue: 20 } : e)) };
    const f = seg(analyzeGaps(small), 'foil');
    expect(f.measures.presence).toBe(1);
    expect(f.kind).toBe('none');
  });
});

describe('revenue shares of a multi-segment firm', () => {
  const ids = new Set(['a', 'b', 'c']);
  const firm = (shares?: Record<string, number>): Enterprise => ({
    id: 'group',
    name: '集团',
    segments: ['a', 'b', 'c'],
    county: '甲县',
    revenue: 100,
    ...(shares ? { segmentShares: shares } : {}),
    source: 't',
    confidence: 'high',
    asOf: '2026',
  });

  it('splits equally without shares, marked as assumed', () => {
    const m = localFirmsBySegment([firm()], ids, 0.5);
    expect(m.get('a')!.revenue).toBeCloseTo(100 / 3, 10);
    expect(m.get('a')!.firms[0]!.shareAssumed).toBe(true);
  });

  it('uses the given shares; unlisted segments split the rest equally and stay marked', () => {
    const m = localFirmsBySegment([firm({ a: 0.6 })], ids, 0.5);
    expect(m.get('a')!.revenue).toBeCloseTo(60, 10);
    expect(m.get('b')!.revenue).toBeCloseTo(20, 10);
    expect(m.get('c')!.revenue).toBeCloseTo(20, 10);
    expect(m.get('a')!.firms[0]!.shareAssumed).toBeUndefined();
    expect(m.get('b')!.firms[0]!.shareAssumed).toBe(true);
  });

  it('when every segment is listed, the rest is off the chain', () => {
    const m = localFirmsBySegment([firm({ a: 0.5, b: 0.2, c: 0.1 })], ids, 0.5);
    expect([m.get('a')!.revenue, m.get('b')!.revenue, m.get('c')!.revenue].map((x) => Math.round(x * 1e6) / 1e6)).toEqual([50, 20, 10]);
  });

  it('the schema rejects shares of a foreign segment or summing above 1', () => {
    expect(Enterprise.safeParse(firm({ a: 0.5 })).success).toBe(true);
    expect(Enterprise.safeParse(firm({ z: 0.5 })).success).toBe(false);
    expect(Enterprise.safeParse(firm({ a: 0.6, b: 0.6 })).success).toBe(false);
  });

  it('the gap reasons say when a split is assumed, and not when shares are given', () => {
    const ds = makeChain({ segments: [{ id: 'a' }, { id: 'b' }], links: [['a', 'b', 0.8]], firms: [{ id: 'g', segments: ['a', 'b'], revenue: 100 }] });
    const equal = seg(analyzeGaps(ds), 'a');
    expect(equal.reasons[0]!.zh).toContain('平均拆分（假设');
    const given: Dataset = { ...ds, enterprises: ds.enterprises.map((e) => ({ ...e, segmentShares: { a: 0.9, b: 0.1 } })) };
    const a = seg(analyzeGaps(given), 'a');
    expect(a.measures.localRevenue).toBe(90);
    expect(a.reasons[0]!.zh).not.toContain('平均拆分');
    expect(a.reasons[0]!.zh).toContain('本地约90亿元营收');
  });
});
