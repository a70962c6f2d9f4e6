import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { NotFoundError, UsageError } from '../../src/errors.js';
import { analyzeGaps } from '../../src/gaps/analyzeGaps.js';
import { buildHandbook } from '../../src/handbook/buildHandbook.js';
import { buildHandbookFromResults } from '../../src/handbook/buildHandbookFromResults.js';
import { tinyDataset, tinyGaps, tinyRanking } from './fixtures.js';

const inputs = () => ({ gaps: tinyGaps(), ranking: tinyRanking() });

describe('buildHandbookFromResults', () => {
  it('rejects bad options with a UsageError coded OPTIONS_INVALID', () => {
    const bad = [{ top: 0 }, { lang: 'fr' }, { date: '2026-13-01' }, { unknown: 1 }] as unknown as Parameters<typeof buildHandbookFromResults>[2][];
    for (const options of bad) {
      const call = () => buildHandbookFromResults(tinyDataset(), inputs(), options);
      expect(call).toThrow(UsageError);
      try {
        call();
      } catch (e) {
        expect((e as UsageError).code).toBe('OPTIONS_INVALID');
      }
    }
  });

  it('rejects an unknown industry with a NotFoundError', () => {
    expect(() => buildHandbookFromResults(tinyDataset(), inputs(), { industry: 'nope' })).toThrow(NotFoundError);
  });

  it('gives every industry a chapter with a map, a gap table and targets', () => {
    const hb = buildHandbookFromResults(tinyDataset(), inputs());
    expect(hb.chapters.map((c) => c.industry.id)).toEqual(['metal', 'energy']);
    for (const c of hb.chapters) {
      expect(c.map.nodes.filter((n) => !n.external).length).toBe(c.industry.segments);
      expect(c.gaps.length).toBeGreaterThan(0);
      expect(c.targets.length).toBeGreaterThan(0);
    }
  });

  it('counts gaps and segments as the analysis does', () => {
    const hb = buildHandbookFromResults(tinyDataset(), inputs());
    const [metal, energy] = hb.chapters;
    // metal: m-profile fill 0.7, m-ingot strengthen 0.3 (m-ore is none) → 2 gaps, in priority order.
    expect(metal!.gaps.map((g) => [g.segment, g.kind])).toEqual([
      ['m-profile', 'fill'],
      ['m-ingot', 'strengthen'],
    ]);
    expect(metal!.industry).toMatchObject({ segments: 3, gaps: 2, localFirms: 2, completeness: 0.5 });
    expect(energy!.gaps.map((g) => g.segment)).toEqual(['e-cell', 'e-system']);
    expect(energy!.industry).toMatchObject({ segments: 2, gaps: 2, localFirms: 0 });
    expect(hb.overview.city.counts).toEqual(tinyGaps().city.counts);
    expect(hb.overview.topGaps.map((g) => g.segment)).toEqual(['m-profile', 'e-cell', 'e-system', 'm-ingot']);
  });

  it('takes an industry’s targets from the ranking in rank order and numbers them from 1', () => {
    const hb = buildHandbookFromResults(tinyDataset(), inputs());
    expect(hb.chapters[0]!.targets.map((t) => [t.rank, t.id])).toEqual([
      [1, 'profile-co'],
      [2, 'parent-co'],
    ]);
    expect(hb.chapters[1]!.targets.map((t) => [t.rank, t.id])).toEqual([[1, 'cell-co']]);
    expect(hb.overview.topTargets.map((t) => t.id)).toEqual(['cell-co', 'profile-co', 'parent-co']);
  });

  it('prefers per-industry rankings when they are given', () => {
    const own = { ...tinyRanking(), items: [tinyRanking().items[2]!] };
    const hb = buildHandbookFromResults(tinyDataset(), { ...inputs(), industryRankings: { metal: own } });
    expect(hb.chapters[0]!.targets.map((t) => t.id)).toEqual(['parent-co']);
    expect(hb.chapters[0]!.industry.candidates).toBe(1);
  });

  it('keeps at most `top` targets per chapter and `topGaps` gaps in the overview', () => {
    const hb = buildHandbookFromResults(tinyDataset(), inputs(), { top: 1, topGaps: 2 });
    expect(hb.chapters.map((c) => c.targets.length)).toEqual([1, 1]);
    expect(hb.overview.topGaps.length).toBe(2);
    expect(hb.overview.topTargets.length).toBe(1);
  });

  it('draws cross-industry neighbours as external nodes on the side they trade on', () => {
    const hb = buildHandbookFromResults(tinyDataset(), inputs());
    const metal = hb.chapters[0]!.map;
    const energy = hb.chapters[1]!.map;
    // m-ingot → e-cell: for metal e-cell buys (out); for energy m-ingot supplies (in).
    expect(metal.nodes.filter((n) => n.external).map((n) => [n.id, n.side])).toEqual([['e-cell', 'out']]);
    expect(energy.nodes.filter((n) => n.external).map((n) => [n.id, n.side])).toEqual([['m-ingot', 'in']]);
    expect(metal.edges.find((e) => e.to === 'e-cell')?.crossIndustry).toBe(true);
    expect(metal.edges.filter((e) => !e.crossIndustry).length).toBe(2);
    expect(metal.nodes.find((n) => n.id === 'm-profile')?.kind).toBe('fill');
  });

  it('hides external neighbours beyond maxExternal and says how many', () => {
    const hb = buildHandbookFromResults(tinyDataset(), inputs(), { maxExternal: 0 });
    expect(hb.chapters[0]!.map.nodes.some((n) => n.external)).toBe(false);
    expect(hb.chapters[0]!.map.hiddenExternal).toBe(1);
  });

  it('prints the dataset’s asOf unless a date is given, never the clock', () => {
    expect(buildHandbookFromResults(tinyDataset(), inputs()).date).toBe('2026-01');
    expect(buildHandbookFromResults(tinyDataset(), inputs(), { date: '2026-02-03' }).date).toBe('2026-02-03');
  });

  it('groups the visit plan by HQ city, biggest stop first, with counts per region', () => {
    const plan = buildHandbookFromResults(tinyDataset(), inputs()).visitPlan;
    expect(plan.stops.map((s) => [s.city, s.firms.map((f) => f.id)])).toEqual([
      ['上海市', ['profile-co', 'parent-co']],
      ['深圳市', ['cell-co']],
    ]);
    expect(plan.regions).toEqual([
      { region: '长三角', firms: 2, cities: 1 },
      { region: '粤港澳', firms: 1, cities: 1 },
    ]);
    expect(plan.firms).toBe(3);
    // 上海市 has railHours 4.5 in the fixture; 深圳市 has none.
    expect(plan.stops.map((s) => s.railHours)).toEqual([4.5, null]);
  });

  it('bins every candidate’s score for the histogram and counts targets by region', () => {
    const c = buildHandbookFromResults(tinyDataset(), inputs()).chapters[0]!;
    // metal candidates: 0.55 → bin 5, 0.41 → bin 4.
    expect(c.charts.scoreDistribution.map((b) => b.count)).toEqual([0, 0, 0, 0, 1, 1, 0, 0, 0, 0]);
    expect(c.charts.targetsByRegion).toEqual([{ label: '长三角', count: 2 }]);
  });

  it('writes English text with lang en', () => {
    const hb = buildHandbookFromResults(tinyDataset(), inputs(), { lang: 'en' });
    expect(hb.chapters[0]!.industry.name).toBe('Metals');
    expect(hb.chapters[0]!.gaps[0]!.kindLabel).toBe('fill');
    expect(hb.chapters[0]!.gaps[0]!.reasons).toEqual(['reason for m-profile']);
    expect(hb.appendix.weights.find((w) => w.feature === 'gapFit')?.label).toBe('gap fit');
  });

  it('makes one chapter for the industry option, and keeps every industry in the overview', () => {
    const hb = buildHandbookFromResults(tinyDataset(), inputs(), { industry: 'energy' });
    expect(hb.chapters.map((c) => c.industry.id)).toEqual(['energy']);
    expect(hb.overview.industries.length).toBe(2);
    expect(hb.overview.topGaps.every((g) => g.industry === 'energy')).toBe(true);
    expect(hb.overview.topTargets.map((t) => t.id)).toEqual(['cell-co']);
  });
});

describe('buildHandbook (analysis and ranking included)', () => {
  it('matches the gap analysis of the good fixture', () => {
    const ds = tinyDataset();
    const gaps = analyzeGaps(ds);
    const hb = buildHandbook(ds, { top: 5 });
    for (const c of hb.chapters) {
      const expected = gaps.segments.filter((g) => g.industry === c.industry.id && g.kind !== 'none').map((g) => g.id);
      expect(c.gaps.map((g) => g.segment)).toEqual(expected);
    }
  });

  it('rejects an unknown industry before any work', () => {
    expect(() => buildHandbook(tinyDataset(), { industry: 'nope' })).toThrow(NotFoundError);
  });

  it('covers all 12 聊城 industries with maps, gap tables and targets whose counts match the analysis', () => {
    const ds = liaocheng();
    const gaps = analyzeGaps(ds);
    const hb = buildHandbook(ds);
    expect(hb.chapters.length).toBe(ds.industries.length);
    for (const c of hb.chapters) {
      const summary = gaps.industries.find((s) => s.id === c.industry.id)!;
      const segments = ds.segments.filter((s) => s.industry === c.industry.id).length;
      expect(c.map.nodes.filter((n) => !n.external).length).toBe(segments);
      expect(c.gaps.length).toBe(summary.counts.fill + summary.counts.extend + summary.counts.strengthen + summary.counts.build);
      expect(c.targets.length).toBe(10);
      expect(c.charts.scoreDistribution.reduce((n, b) => n + b.count, 0)).toBe(c.industry.candidates);
    }
  });

  it('lists the 待核实 gaps apart: every gap with no local firm on record and no verified absence, none restricted', async () => {
    const ds = liaocheng();
    const gaps = analyzeGaps(ds);
    const hb = buildHandbook(ds);
    const expected = gaps.segments.filter((g) => g.kind !== 'none' && g.evidence === 'no-record' && g.feasibility?.excluded !== true);
    expect(hb.overview.toVerify.map((r) => r.segment).sort()).toEqual(expected.map((g) => g.id).sort());
    expect(hb.overview.toVerify.length).toBeGreaterThan(0);
    const { renderHtml } = await import('../../src/handbook/render/html.js');
    expect(renderHtml(hb)).toContain(`待核实缺口（${hb.overview.toVerify.length}）`);
    // 规模待核实 (issue 14): present segments whose strength rests on estimated revenue only are named in the
    // data-quality appendix, in dataset order, and are exactly the analysis' sizeToVerify list
    const sizeNote = hb.appendix.dataQuality!.find((n) => n.label.startsWith('环节强弱未判断'));
    const sizeIds = gaps.sizeToVerify ?? [];
    expect(sizeIds.length).toBeGreaterThan(0);
    expect(sizeNote?.count).toBe(sizeIds.length);
    const byId = new Map(ds.segments.map((s) => [s.id, s.name]));
    expect(sizeNote?.examples).toEqual(ds.segments.filter((s) => sizeIds.includes(s.id)).slice(0, 6).map((s) => byId.get(s.id)));
  });
});
