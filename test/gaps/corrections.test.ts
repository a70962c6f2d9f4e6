// Issue 14, items 1–3: the corrections layer, feasibility as data (受限) and honest absence (未见本地企业记录).
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { analyzeGaps } from '../../src/gaps/analyzeGaps.js';
import { correctedRevenue } from '../../src/gaps/corrections.js';
import type { GapAnalysis, SegmentGap } from '../../src/gaps/types.js';
import type { Correction } from '../../src/schema/correction.js';
import type { Dataset } from '../../src/schema/dataset.js';
import { rankCompanies } from '../../src/scoring/rankCompanies.js';
import { hole } from '../fixtures/chains/index.js';
import { datasetArb } from './arbitraries.js';

const seg = (a: GapAnalysis, id: string): SegmentGap => {
  const s = a.segments.find((x) => x.id === id);
  if (!s) throw new Error(`no segment ${id}`);
  return s;
};

const by = { author: '测试链长办', date: '2026-12', source: '走访记录' } as const;
const with_ = (ds: Dataset, ...corrections: Correction[]): Dataset => ({ ...ds, corrections });

describe('corrections: presence', () => {
  it('a present correction (revenue) turns the 补链 B of A → B → C into none, and says on whose word', () => {
    // B (benchmark 50) with 30亿 → p = ln 31 / ln 51 = 3.433987 / 3.931826 = 0.8734 ≥ 0.6 → none.
    const a = analyzeGaps(with_(hole, { id: 'b-here', segment: 'b', kind: 'present', firms: ['乙公司'], revenue: 30, ...by }));
    const b = seg(a, 'b');
    expect(b.kind).toBe('none');
    expect(b.priority).toBe(0);
    expect(b.measures.presence).toBeCloseTo(0.8734, 4);
    expect(b.measures.localRevenue).toBe(30);
    expect(b.measures.firmCount).toBe(1);
    expect(b.evidence).toBe('corrected-present');
    expect(b.corrections).toEqual(['b-here']);
    const r = b.reasons.find((x) => x.code === 'correction-present')!;
    expect(r.zh).toContain('「乙公司」');
    expect(r.zh).toContain('测试链长办');
    expect(r.zh).toContain('走访记录');
    // C's input is now local: its 本地配套率 is 0.8734, no longer a 强链 gap
    expect(seg(a, 'c').kind).toBe('none');
  });

  it('presence from a capacity against a capacity benchmark: (c / C) · B as revenue', () => {
    // 60 of 100 万吨/年 against B = 50亿 → 30亿 equivalent → p 0.8734, as the revenue above.
    const c: Correction = { id: 'b-cap', segment: 'b', kind: 'present', capacity: { value: 60, unit: '万吨/年' }, benchmarkCapacity: { value: 100, unit: '万吨/年' }, ...by };
    expect(correctedRevenue(c as Extract<Correction, { kind: 'present' }>, 50)).toBe(30);
    const b = seg(analyzeGaps(with_(hole, c)), 'b');
    expect(b.measures.presence).toBeCloseTo(0.8734, 4);
    expect(b.reasons.find((x) => x.code === 'correction-present')!.zh).toContain('产能 60万吨/年（对标 100万吨/年）');
  });

  it('a band counts at its midpoint, and the larger of recorded and corrected revenue is used (no double count)', () => {
    const c: Correction = { id: 'a-band', segment: 'a', kind: 'present', revenueBand: '1-10', ...by };
    expect(correctedRevenue(c as Extract<Correction, { kind: 'present' }>, 50)).toBe(5.5);
    // A already has a 50亿 firm: the 5.5亿 correction does not add to it
    expect(seg(analyzeGaps(with_(hole, c)), 'a').measures.localRevenue).toBe(50);
  });

  it('applyCorrections: false analyses the data as recorded', () => {
    const ds = with_(hole, { id: 'b-here', segment: 'b', kind: 'present', revenue: 30, ...by });
    expect(analyzeGaps(ds, { applyCorrections: false })).toEqual(analyzeGaps(hole));
  });

  it('a priority correction sets the published priority and keeps the computed one', () => {
    const a = analyzeGaps(with_(hole, { id: 'b-prio', segment: 'b', kind: 'priority', priority: 0.05, reason: '园区无用地', ...by }));
    const b = seg(a, 'b');
    expect(b.kind).toBe('fill');
    expect(b.priority).toBe(0.05);
    expect(b.priorityOverride?.correction).toBe('b-prio');
    expect(b.priorityOverride!.computed).toBeGreaterThan(0.05);
    expect(b.reasons.at(-1)!.code).toBe('correction-priority');
    expect(b.reasons.at(-1)!.zh).toContain('园区无用地');
    expect(b.reasons.at(-1)!.zh).toContain(`原计算 ${b.priorityOverride!.computed.toFixed(2)}`);
  });
});

describe('feasibility: 受限 gaps', () => {
  const capped: Correction = { ...by, id: 'b-cap', segment: 'b', kind: 'not-pursued', policy: 'capacity-capped', rule: '新建须减量置换', source: '工信部原〔2021〕46号' };

  it('a not-pursued segment keeps its kind, is shown as 受限, and leaves the priority list (priority 0, not in topGaps)', () => {
    const base = analyzeGaps(hole);
    expect(base.industries[0]!.topGaps).toContain('b');
    const a = analyzeGaps(with_(hole, capped));
    const b = seg(a, 'b');
    expect(b.kind).toBe('fill');
    expect(b.priority).toBe(0);
    expect(b.feasibility).toEqual({ feasible: false, excluded: true, computedPriority: seg(base, 'b').priority, policies: [{ status: 'capacity-capped', rule: '新建须减量置换', source: '工信部原〔2021〕46号', asOf: '2026-12', correction: 'b-cap' }] });
    expect(b.reasons[0]!.code).toBe('restricted');
    expect(b.reasons[0]!.zh).toMatch(/^受限——产能置换\/总量控制：新建须减量置换（工信部原〔2021〕46号）；不列入优先清单/);
    expect(a.industries[0]!.topGaps).not.toContain('b');
    expect(a.restricted).toEqual(['b']);
    expect(a.toVerify).not.toContain('b');
  });

  it('includeRestricted keeps it with its computed priority, still labelled 受限', () => {
    const a = analyzeGaps(with_(hole, capped), { includeRestricted: true });
    const b = seg(a, 'b');
    expect(b.priority).toBe(seg(analyzeGaps(hole), 'b').priority);
    expect(b.feasibility?.excluded).toBe(false);
    expect(a.industries[0]!.topGaps).toContain('b');
    expect(b.reasons[0]!.code).toBe('restricted');
  });

  it('a policy on the segment record works like a not-pursued correction', () => {
    const ds: Dataset = { ...hole, segments: hole.segments.map((s) => (s.id === 'b' ? { ...s, policy: [{ status: 'needs-port' as const, rule: '须临港', source: '地理' }] } : s)) };
    const b = seg(analyzeGaps(ds), 'b');
    expect(b.priority).toBe(0);
    expect(b.feasibility?.policies).toEqual([{ status: 'needs-port', rule: '须临港', source: '地理' }]);
  });

  it('聊城: every policy-marked gap is out of every top-gap list, and targets whose only fit is one lose their gap fit', () => {
    const ds = liaocheng();
    const a = analyzeGaps(ds);
    const restricted = new Set(a.restricted);
    expect(restricted.has('fe-special-steel')).toBe(true);
    expect(restricted.has('bm-cement')).toBe(true);
    for (const s of [...a.industries, ...a.subDirections]) for (const id of s.topGaps) expect(restricted.has(id)).toBe(false);
    const shown = analyzeGaps(ds, { includeRestricted: true });
    const only = ds.companies.filter((c) => (c.segments ?? []).length > 0 && (c.segments ?? []).every((s) => restricted.has(s)));
    expect(only.length).toBeGreaterThan(0);
    const r0 = rankCompanies(ds, { gaps: a });
    const r1 = rankCompanies(ds, { gaps: shown });
    for (const c of only) {
      const i0 = r0.items.find((x) => x.id === c.id)!;
      const i1 = r1.items.find((x) => x.id === c.id)!;
      expect(i0.features.gapFit).toBe(0);
      expect(i1.features.gapFit).toBeGreaterThan(0);
      expect(i0.matchedGaps).toEqual([]);
      expect(i0.rank).toBeGreaterThan(i1.rank);
    }
  });
});

describe('honest absence: 未见本地企业记录 unless verified', () => {
  it('an unrecorded absence is worded as what the data shows, and its need is capped at 0.8 (待核实)', () => {
    const a = analyzeGaps(hole);
    const b = seg(a, 'b');
    expect(b.evidence).toBe('no-record');
    expect(b.reasons[0]!.zh).toContain('「环节b」未见本地企业记录；');
    expect(b.reasons[0]!.en).toContain('no local firm on record');
    expect(b.reasons.find((r) => r.code === 'absence-unverified')!.zh).toContain('待核实');
    expect(b.breakdown.need).toBe(0.8);
    expect(a.toVerify).toEqual(['b']);
  });

  it('a verified-absent correction lifts the cap (need 1: priority × 1.25) and says who verified it', () => {
    const before = seg(analyzeGaps(hole), 'b');
    const a = analyzeGaps(with_(hole, { id: 'b-none', segment: 'b', kind: 'verified-absent', ...by }));
    const b = seg(a, 'b');
    expect(b.evidence).toBe('verified-absent');
    expect(b.breakdown.need).toBe(1);
    expect(b.breakdown.needCap).toBeUndefined();
    expect(b.priority).toBeCloseTo(before.priority / 0.8, 3);
    expect(b.reasons[0]!.zh).toContain('已核实本地无企业');
    expect(b.reasons.find((r) => r.code === 'absence-verified')!.zh).toContain('测试链长办');
    expect(a.toVerify).toEqual([]);
  });

  it('聊城: no reason states an absence as a fact (本地缺失, 空白)', () => {
    const a = analyzeGaps(liaocheng(), { includeRestricted: true });
    for (const g of a.segments) {
      for (const r of g.reasons) {
        expect(r.zh).not.toMatch(/本地缺失|空白/);
        expect(r.en).not.toMatch(/is missing locally|almost absent/);
      }
    }
    expect(a.toVerify!.length).toBeGreaterThan(0);
    for (const id of a.toVerify!) expect(seg(a, id).reasons.some((r) => r.code === 'absence-unverified')).toBe(true);
  });

  it('聊城 corrections close the false gaps named in the review (PVC, 光伏电站, 预焙阳极)', () => {
    const ds = liaocheng();
    const on = analyzeGaps(ds);
    const off = analyzeGaps(ds, { applyCorrections: false });
    for (const id of ['ch-pe-pvc-resin', 'ne-pv-plant', 'nf-carbon-anode']) {
      expect(seg(off, id).kind).not.toBe('none');
      expect(seg(on, id).kind).toBe('none');
      expect(seg(on, id).evidence).toBe('corrected-present');
    }
  });

  test.prop([datasetArb, fc.nat(), fc.double({ min: 0.01, max: 500, noNaN: true })])(
    'a present correction never lowers presence nor raises priority; a verified absence never lowers priority',
    (ds, pick, revenue) => {
      const target = ds.segments[pick % ds.segments.length]!.id;
      const p0 = seg(analyzeGaps(ds), target);
      const p1 = seg(analyzeGaps(with_(ds, { id: 'x', segment: target, kind: 'present', revenue, ...by })), target);
      expect(p1.measures.presence).toBeGreaterThanOrEqual(p0.measures.presence);
      expect(p1.priority).toBeLessThanOrEqual(p0.priority);
      const p2 = seg(analyzeGaps(with_(ds, { id: 'y', segment: target, kind: 'verified-absent', ...by })), target);
      expect(p2.priority).toBeGreaterThanOrEqual(p0.priority);
    },
  );
});
