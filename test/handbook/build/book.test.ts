// Issue 18 (book): key target pages, 重点项目清单, 政策与载体, firm names on maps, trips, data-quality notes, Markdown
// chain tables. Known answers are read off the good fixture (see ../fixtures.ts):
//   m-ore (ore-co, 甲县) → m-ingot (ingot-co, 乙区; parent-co is its parent) → m-profile (no local firm), weights 0.6, 0.7.
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../../src/errors.js';
import { parseDataset } from '../../../src/dataset/parseDataset.js';
import { monthsOf } from '../../../src/handbook/build/targetCard.js';
import { visitTrips } from '../../../src/handbook/build/visitPlan.js';
import { buildHandbookFromResults } from '../../../src/handbook/buildHandbookFromResults.js';
import { renderHtml } from '../../../src/handbook/render/html.js';
import { renderMarkdown } from '../../../src/handbook/render/markdown.js';
import { firmsLine } from '../../../src/handbook/svg/renderChainMap.js';
import { renderRouteMap } from '../../../src/handbook/svg/renderRouteMap.js';
import { haversineKm } from '../../../src/stats/haversineKm.js';
import { goodInput } from '../../helpers/fixtures.js';
import { tinyGaps, tinyRanking } from '../fixtures.js';

const PROV = { source: 'test fixture', confidence: 'high', asOf: '2026-01' } as const;

function bookDataset(extra: Record<string, unknown> = {}) {
  return parseDataset({
    ...goodInput(),
    projects: [
      { id: 'p-profile', name: '型材项目', segment: 'm-profile', county: '乙区', ...PROV },
      { id: 'p-ingot', name: '金属锭扩能', segment: 'm-ingot', investor: '测试金属集团', amount: 12.5, stage: 'signed', county: '乙区', park: '乙区金属园', ...PROV },
    ],
    parks: [
      { id: 'park-b', name: '乙区金属园', county: '乙区', industries: ['metal'], facts: ['约1000亩'], ...PROV },
      { id: 'park-a', name: '甲县能源园', county: '甲县', segments: ['e-cell'], ...PROV },
    ],
    policies: [{ id: 'pol-1', title: '测试市招商政策', issuer: '测试市人民政府', date: '2025-05', kind: 'incentive', summary: '新落地项目按投资额奖励', ...PROV }],
    ...extra,
  });
}

const build = (options: Record<string, unknown> = {}) => buildHandbookFromResults(bookDataset(), { gaps: tinyGaps(), ranking: tinyRanking() }, options);

describe('key target pages', () => {
  it('name local partners with their relation, the broker and the site (known answers)', () => {
    const hb = build({ cardsPerIndustry: 2 });
    const metal = hb.chapters.find((c) => c.industry.id === 'metal')!;
    expect(metal.keyTargets.map((k) => k.id)).toEqual(['profile-co', 'parent-co']);
    const [profile, parent] = metal.keyTargets;
    // profile-co (型材): its only local neighbour is the supplier of 金属锭.
    expect(profile!.partners).toEqual([{ id: 'ingot-co', name: '测试金属集团', county: '乙区', relation: '本地供应方（金属锭 → 型材）' }]);
    expect(profile!.broker).toBe(''); // approach 'visit', no recorded tie: no broker is made up
    expect(profile!.sites[0]).toMatchObject({ county: '乙区', park: '乙区金属园' });
    // parent-co: the recorded tie first, then the supplier of its segment.
    expect(parent!.partners.map((p) => p.id)).toEqual(['ingot-co', 'ore-co']);
    expect(parent!.partners[0]!.relation).toContain('测试金属集团的母公司');
    expect(parent!.partners[1]!.relation).toBe('本地供应方（矿石 → 金属锭）');
    expect(parent!.broker).toBe('测试金属集团');
    expect(parent!.sites.map((s) => s.county)).toEqual(['乙区', '甲县']);
    expect(parent!.distanceKm).toBe(Math.round(haversineKm(116, 36.5, 121.47, 31.23)));
  });

  it('find partners across industries, warn when none is on record, and date the facts', () => {
    const hb = build({ cardsPerIndustry: 1 });
    const cell = hb.chapters.find((c) => c.industry.id === 'energy')!.keyTargets[0]!;
    expect(cell.id).toBe('cell-co');
    // The cross-industry link m-ingot → e-cell (0.125) makes ingot-co a local supplier of 电芯.
    expect(cell.partners.map((p) => [p.id, p.relation])).toEqual([['ingot-co', '本地供应方（金属锭 → 电芯）']]);
    expect(cell.warnings).not.toContain('未见本地关联企业记录（不等于本地没有）');
    expect(cell.facts).toContainEqual({ text: '新建工厂：新建储能电芯工厂', date: '2025-06', source: 'test fixture' });
    const unlinked = bookDataset({ links: goodInput().links.filter((l) => l['to'] !== 'e-cell') });
    const alone = buildHandbookFromResults(unlinked, { gaps: tinyGaps(), ranking: tinyRanking() }, { cardsPerIndustry: 1 }).chapters.find((c) => c.industry.id === 'energy')!.keyTargets[0]!;
    expect(alone.partners).toEqual([]);
    expect(alone.warnings).toContain('未见本地关联企业记录（不等于本地没有）');
    expect(alone.broker).toBe('');
  });

  it('name the group and the other companies of that group in the list (issue 17), with the field source and date', () => {
    const companies = (goodInput().companies as Record<string, unknown>[]).map((c) =>
      c['id'] === 'profile-co' ? { ...c, group: '测试集团', sources: { group: { source: '集团年报 2024', asOf: '2025-04', confidence: 'high' } } } : c['id'] === 'parent-co' ? { ...c, group: '测试集团' } : c,
    );
    const hb = buildHandbookFromResults(bookDataset({ companies }), { gaps: tinyGaps(), ranking: tinyRanking() }, { cardsPerIndustry: 2 });
    const [profile, parent] = hb.chapters.find((c) => c.industry.id === 'metal')!.keyTargets;
    const parentName = (goodInput().companies as Record<string, unknown>[]).find((c) => c['id'] === 'parent-co')!['name'] as string;
    expect(profile!.facts).toContainEqual({ text: `所属集团：测试集团；同集团在名单中：${parentName}`, date: '2025-04', source: '集团年报 2024' });
    expect(parent!.facts.filter((f) => f.text.includes('所属集团：测试集团；同集团在名单中：'))).toHaveLength(1);
    // Without group or parent: no group fact.
    expect(build({ cardsPerIndustry: 2 }).chapters.flatMap((c) => c.keyTargets).flatMap((k) => k.facts).some((f) => f.text.includes('所属集团'))).toBe(false);
  });

  it('print one page each and follow cardsPerIndustry', () => {
    expect(renderHtml(build({ cardsPerIndustry: 2 })).match(/<article class="keycard"/g)?.length).toBe(3); // metal 2 + energy 1
    expect(renderHtml(build({ cardsPerIndustry: 0 }))).not.toContain('<article class="keycard"');
    expect(renderHtml(build())).toMatch(/\.keycard \{ break-before: page;/);
  });
});

describe('projects, parks and policies', () => {
  it('list projects without filling in what no source states', () => {
    const hb = build();
    expect(hb.projects!.map((p) => p.id)).toEqual(['p-ingot', 'p-profile']); // amount desc, unknown last
    const profile = hb.projects!.find((p) => p.id === 'p-profile')!;
    expect(profile).toMatchObject({ amount: null, investor: '', stageLabel: '', industry: 'metal' });
    expect(hb.chapters.find((c) => c.industry.id === 'metal')!.projects).toHaveLength(2);
    const html = renderHtml(hb);
    expect(html).toContain('id="projects"');
    expect(html).toContain('12.5亿元');
    expect(html).toContain('未注明');
    expect(hb.carriers!.parks.map((p) => p.id)).toEqual(['park-b', 'park-a']); // by county: 乙区 < 甲县 in code-point order
    expect(hb.carriers!.policies[0]!.scope).toBe('测试市');
    expect(hb.appendix.dataQuality!.find((n) => n.label === '重点项目投资额未见原文')).toEqual({ label: '重点项目投资额未见原文', count: 1, examples: ['型材项目'] });
  });

  it('refuse a project on an unknown segment or county', () => {
    const bad = () => bookDataset({ projects: [{ id: 'x', name: 'x', segment: 'no-such', county: '丙县', ...PROV }] });
    expect(bad).toThrow(DatasetError);
    try {
      bad();
    } catch (e) {
      expect((e as DatasetError).issues.map((i) => `${i.file}:${i.code}:${i.field}`).sort()).toEqual(['projects.json:unknown-city:county', 'projects.json:unknown-segment:segment']);
    }
  });

  it('leave datasets without the files as they were', () => {
    const ds = parseDataset(goodInput());
    expect('projects' in ds || 'parks' in ds || 'policies' in ds).toBe(false);
  });
});

describe('maps, trips and Markdown', () => {
  it('name the local firms on chain-map nodes', () => {
    const map = build().chapters.find((c) => c.industry.id === 'metal')!.map;
    expect(map.nodes.find((n) => n.id === 'm-ingot')!.firms).toEqual(['测试金属集团']);
    expect(map.nodes.find((n) => n.id === 'm-profile')!.firms).toEqual([]);
    expect(renderHtml(build())).toContain('<g class="firms">');
  });

  it('fit firm names on one line with a count', () => {
    expect(firmsLine(['信发集团', '信源集团', '友升铝业'], 11, 'zh')).toBe('信发集团等3家');
    expect(firmsLine(['信发集团', '信源集团', '友升铝业'], 12, 'zh')).toBe('信发集团、信源集团等3家');
    expect(firmsLine(['Xinfa', 'Xinyuan'], 20, 'en')).toBe('Xinfa, Xinyuan');
    expect(firmsLine([], 10, 'zh')).toBe('');
  });

  it('group stops into trips by region, nearest first', () => {
    const stop = (city: string, region: string, lon: number, lat: number) => ({ city, province: city, regions: [region], distanceKm: null, railHours: null, firms: [{ id: city, name: city, industries: [], score: 0.5, approach: '' }], lon, lat });
    const stops = [stop('far', 'A', 120, 30), stop('near', 'A', 117, 36), stop('b', 'B', 110, 40)];
    const trips = visitTrips(stops, { lon: 116, lat: 36.5 }, 'other');
    expect(trips.map((t) => [t.region, t.stops])).toEqual([['A', [1, 0]], ['B', [2]]]);
    expect(trips[1]!.km).toBe(Math.round(2 * haversineKm(116, 36.5, 110, 40)));
  });

  it('draw one loop per trip and one dot per located stop on the route map', () => {
    const hb = build();
    // Targets in 上海市 (长三角) and 深圳市 (粤港澳): two trips of one stop each.
    expect(hb.visitPlan.trips!.map((t) => t.stops.length)).toEqual([1, 1]);
    const svg = renderRouteMap(hb.visitPlan, 'zh');
    expect(svg.match(/<path [^>]*data-trip=/g)?.length).toBe(2);
    expect(svg.match(/<g data-stop=/g)?.length).toBe(2);
    expect(svg).toContain('data-home="测试市"');
    expect(renderRouteMap({ ...hb.visitPlan, trips: [] }, 'zh')).toBe('');
  });

  it('print a compact table per chain by default, Mermaid only when asked', () => {
    const md = renderMarkdown(build());
    expect(md).not.toContain('```mermaid');
    expect(md).toContain('| 链位 | 环节 | 类型 | 存在度 | 本地企业 | 供给 |');
    expect(renderMarkdown(build({ mermaid: true }))).toContain('```mermaid');
  });

  it('read partial dates, a bare year as its December', () => {
    expect(monthsOf('2024-03') - monthsOf('2024')).toBe(-9);
    expect(monthsOf('2026-01') - monthsOf('2024-01')).toBe(24);
  });
});
