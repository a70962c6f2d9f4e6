import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { indexDataset, type DatasetIndex } from '../../src/dataset/indexDataset.js';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { analyzeGaps } from '../../src/gaps/analyzeGaps.js';
import type { GapAnalysis } from '../../src/gaps/types.js';
import { parseDataset } from '../../src/dataset/parseDataset.js';
import { ANCHOR_REVENUE, buildScoringContext, DEFAULT_PRIORITY_REGIONS, STRENGTH_FIT_SHARE, SYNERGY_SECOND_SHARE, type ScoringContext, type SynergyLink } from '../../src/scoring/buildScoringContext.js';
import { WEIGHT_PRESETS } from '../../src/scoring/presets.js';
import { chainModel } from '../../src/model/chainModel.js';
import { REVENUE_BANDS, type Dataset, type Enterprise, type Segment } from '../../src/schema/index.js';
import { handGaps, miniDataset, miniGaps } from './helpers.js';

function contextOf(ds: Dataset, gaps: GapAnalysis): ScoringContext {
  return buildScoringContext(indexDataset(ds), gaps, { asOf: ds.meta.asOf, gapKinds: WEIGHT_PRESETS.balanced!.gapKinds, priorities: ds.meta.priorities ?? {}, regions: DEFAULT_PRIORITY_REGIONS });
}

/**
 * The definition of synergy, written the plain way (as the context computed it before it was made
 * single-pass): per segment, its out-links then its in-links, kept when weight × presence > 0, sorted by
 * strength descending then neighbour id (a stable sort); l1, l2 = the first two strengths (capped at 1). The
 * anchored link is the first on a specific link (basis not io-table) whose neighbour has an anchor firm, anchors
 * being single operating firms (no cluster aggregate, not closed).
 */
function referenceSynergy(index: DatasetIndex, gaps: GapAnalysis, segments: readonly Segment[]): { value: number[]; best: (SynergyLink | undefined)[]; anchored: (SynergyLink | undefined)[] } {
  const gapById = new Map(gaps.segments.map((g) => [g.id, g]));
  const isAnchor = (e: Enterprise): boolean => e.chainLeader === true || (e.revenue ?? (e.revenueBand !== undefined ? REVENUE_BANDS[e.revenueBand].min : 0)) >= ANCHOR_REVENUE;
  const firmsOf = (id: string): { firms: string[]; anchors: string[] } => {
    const all = (gapById.get(id)?.localFirms ?? []).flatMap((f) => index.enterpriseById.get(f) ?? []);
    return { firms: all.slice(0, 3).map((e) => e.name), anchors: all.filter((e) => isAnchor(e) && (e.firms ?? 1) === 1 && e.status !== 'closed').slice(0, 3).map((e) => e.name) };
  };
  const out = { value: [] as number[], best: [] as (SynergyLink | undefined)[], anchored: [] as (SynergyLink | undefined)[] };
  for (const s of segments) {
    const links: SynergyLink[] = [];
    const specific = new Set<SynergyLink>();
    const consider = (direction: SynergyLink['direction'], neighbour: string, weight: number, basis: string | undefined, coefficient: number | undefined): void => {
      const presence = gapById.get(neighbour)?.measures.presence ?? 0;
      if (weight * presence > 0) {
        const link = { direction, neighbour, weight, presence, ...firmsOf(neighbour) };
        links.push(link);
        const sameIndustry = index.segmentById.get(neighbour)?.industry === s.industry;
        if (index.segmentById.has(neighbour) && (basis !== 'io-table' || (sameIndustry && (coefficient ?? 0) >= 0.05))) specific.add(link);
      }
    };
    for (const l of index.dataset.links) if (l.from === s.id) consider('supplies', l.to, l.weight, l.basis, l.ioCoefficient);
    for (const l of index.dataset.links) if (l.to === s.id) consider('buys', l.from, l.weight, l.basis, l.ioCoefficient);
    links.sort((a, b) => b.weight * b.presence - a.weight * a.presence || (a.neighbour < b.neighbour ? -1 : a.neighbour > b.neighbour ? 1 : 0));
    const l1 = links[0] !== undefined ? Math.min(1, links[0].weight * links[0].presence) : 0;
    const l2 = links[1] !== undefined ? Math.min(1, links[1].weight * links[1].presence) : 0;
    out.value.push(l1 + SYNERGY_SECOND_SHARE * l2 * (1 - l1));
    out.best.push(links[0]);
    out.anchored.push(links.find((l) => l.anchors.length > 0 && specific.has(l)));
  }
  return out;
}

function expectSynergyAsDefined(ds: Dataset, gaps: GapAnalysis): void {
  const ctx = contextOf(ds, gaps);
  // in the context's slots: the chain model's segment order (by id)
  expect(ctx.segments.map((s) => s.id)).toEqual(ds.segments.map((s) => s.id).sort());
  const ref = referenceSynergy(ctx.index, gaps, ds.segments.toSorted((a, b) => (a.id < b.id ? -1 : 1)));
  expect(Array.from(ctx.synergyValue)).toEqual(ref.value);
  expect(ctx.synergyLink).toEqual(ref.best);
  expect(ctx.anchorLink).toEqual(ref.anchored);
}

// A random chain over six segments: link weights and presences from small sets, so that equal strengths
// (ties broken by neighbour id, then by out-links before in-links) are common.
const SEGS = ['s0', 's1', 's2', 's3', 's4', 's5'] as const;
const chain = fc.record({
  links: fc.uniqueArray(fc.record({ from: fc.constantFrom(...SEGS), to: fc.constantFrom(...SEGS), weight: fc.constantFrom(0.25, 0.5, 1), basis: fc.constantFrom('io-table' as const, 'judgement' as const), ioCoefficient: fc.constantFrom(0.01, 0.05, 0.2) }), {
    selector: (l) => `${l.from}>${l.to}`,
    maxLength: 14,
  }),
  presence: fc.array(fc.constantFrom(0, 0.5, 1), { minLength: SEGS.length, maxLength: SEGS.length }),
  firms: fc.array(fc.subarray(['lead', 'small', 'big', 'cluster']), { minLength: SEGS.length, maxLength: SEGS.length }),
});

function chainDataset(links: readonly { from: string; to: string; weight: number; basis: 'io-table' | 'judgement'; ioCoefficient: number }[]): Dataset {
  const base = miniDataset();
  const PROV = { source: 'test fixture', confidence: 'high', asOf: '2026-01' } as const;
  return parseDataset({
    ...base,
    industries: [...base.industries, { ...base.industries[0]!, id: 'ind2', name: '产业二', nameEn: 'Industry 2' }],
    segments: SEGS.map((id, i) => ({ id, name: `环节${id}`, nameEn: `Segment ${id}`, industry: i < 4 ? 'ind' : 'ind2', stage: 'midstream', keywords: [id], ...PROV })),
    links: links.filter((l) => l.from !== l.to),
    enterprises: [
      { id: 'lead', name: '链主', segments: ['s0'], county: '甲县', revenue: 5, chainLeader: true, ...PROV },
      { id: 'small', name: '小厂', segments: ['s1'], county: '甲县', revenue: 1, ...PROV },
      { id: 'big', name: '大厂', segments: ['s2'], county: '甲县', revenueBand: '100-500', ...PROV },
      { id: 'cluster', name: '某集群', segments: ['s3'], county: '甲县', revenue: 300, firms: 30, ...PROV },
    ],
  });
}

describe('buildScoringContext: synergy', () => {
  it('matches the mini chain worked out by hand', () => {
    // up → gap (0.5), up → ok (0.5); presence up 1, ok 1, gap 0. up: supplies ok 0.5 · 1 (gap has no presence):
    // 0.5, its firm ok-co (30亿元) is no anchor. gap and ok: each buys from up 0.5 · 1 = 0.5, anchored by 上游集团.
    const ds = miniDataset();
    const ctx = contextOf(ds, miniGaps(ds));
    // slots by id: gap 0, ok 1, up 2
    expect(ctx.segments.map((s) => s.id)).toEqual(['gap', 'ok', 'up']);
    expect(Array.from(ctx.synergyValue)).toEqual([0.5, 0.5, 0.5]);
    expect(ctx.synergyLink[2]).toEqual({ direction: 'supplies', neighbour: 'ok', weight: 0.5, presence: 1, firms: ['健康公司'], anchors: [] });
    expect(ctx.anchorLink[2]).toBeUndefined();
    expect(ctx.anchorLink[0]).toEqual({ direction: 'buys', neighbour: 'up', weight: 0.5, presence: 1, firms: ['上游集团'], anchors: ['上游集团'] });
    expect(ctx.synergyLink[1]).toBe(ctx.anchorLink[1]);
    expectSynergyAsDefined(ds, miniGaps(ds));
  });

  it('matches the plain definition on the 聊城 data', () => {
    const ds = liaocheng();
    expectSynergyAsDefined(ds, analyzeGaps(ds));
  });

  test.prop([chain])('matches the plain definition on random chains, ties included', ({ links, presence, firms }) => {
    const ds = chainDataset(links);
    const gaps = handGaps(ds, Object.fromEntries(SEGS.map((id, i) => [id, { presence: presence[i]!, localFirms: firms[i]! }])));
    expectSynergyAsDefined(ds, gaps);
  });
});

describe('buildScoringContext: the chain model it is given', () => {
  const settings = (ds: Dataset) => ({ asOf: ds.meta.asOf, gapKinds: WEIGHT_PRESETS.balanced!.gapKinds, priorities: ds.meta.priorities ?? {}, regions: DEFAULT_PRIORITY_REGIONS });

  it('reads the model’s index and slots instead of building its own, with the values of the index form', () => {
    const ds = miniDataset();
    const model = chainModel(ds);
    const gaps = miniGaps(ds);
    const ctx = buildScoringContext(model, gaps, settings(ds));
    expect(ctx.model).toBe(model);
    expect(ctx.index).toBe(model.index);
    expect(ctx.segments).toBe(model.segments);
    expect(ctx.segmentSlot).toBe(model.slotOf);
    // the index form builds a model of that index (sharing it): the same numbers
    const index = indexDataset(ds);
    const viaIndex = buildScoringContext(index, gaps, settings(ds));
    expect(viaIndex.index).toBe(index);
    expect(viaIndex.model).not.toBe(model);
    expect(Array.from(viaIndex.gapValue)).toEqual(Array.from(ctx.gapValue));
    expect(Array.from(viaIndex.synergyValue)).toEqual(Array.from(ctx.synergyValue));
    expect(Array.from(viaIndex.policyValue)).toEqual(Array.from(ctx.policyValue));
  });

  it('indexes every per-segment value by the model’s slot of the segment id', () => {
    const ds = liaocheng();
    const model = chainModel(ds);
    const gaps = analyzeGaps(model);
    const ctx = buildScoringContext(model, gaps, settings(ds));
    const kinds = WEIGHT_PRESETS.balanced!.gapKinds;
    for (const g of gaps.segments) {
      const slot = model.slotOf.get(g.id)!;
      expect(ctx.segments[slot]!.id).toBe(g.id);
      // A segment with no gap where the city is present gets the 强链 credit (STRENGTH_FIT_SHARE × its policy priority), never when restricted.
      const pr = ds.meta.priorities;
      const q = pr?.segments?.[g.id] ?? pr?.industries?.[ctx.segments[slot]!.industry] ?? 0;
      const strength = g.feasibility !== undefined ? 0 : STRENGTH_FIT_SHARE * q;
      if (g.kind !== 'none') expect(ctx.gapValue[slot]).toBe(Math.min(1, g.priority * kinds[g.kind]));
      // Known answers by basis: present (healthy or size to be verified) earns the credit; "no local need" never does.
      else if (g.basis === 'no-local-need') expect(ctx.gapValue[slot], g.id).toBe(0);
      else expect(ctx.gapValue[slot], g.id).toBe(strength);
    }
    const bases = new Set(gaps.segments.filter((g) => g.kind === 'none').map((g) => g.basis ?? 'healthy'));
    expect([...bases].sort()).toEqual(['healthy', 'no-local-need', 'size-unverified']);
    // 焊接钢管: no local firm on record and nothing local needs it — not a local strength, no credit.
    const pipe = gaps.segments.find((g) => g.id === 'fe-welded-pipe')!;
    expect(pipe.kind === 'none' && pipe.basis).toBe('no-local-need');
    expect(ctx.gapValue[model.slotOf.get('fe-welded-pipe')!]).toBe(0);
  });
});
