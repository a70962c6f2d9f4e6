import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { loadDataset } from '../../src/io/loadDataset.js';
import type { Dataset } from '../../src/schema/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EXTERNAL = join(ROOT, '..', 'shared', 'data', 'external');
const ds: Dataset = liaocheng();

/** Company name without legal form, for duplicate detection (a minimal normaliser; src/match has the full one). */
function stem(name: string): string {
  return name
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/(股份有限公司|有限责任公司|有限公司|集团|股份|公司)/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

describe('embedded 聊城 dataset', () => {
  it('loads from data/liaocheng with the loader, and the embedded copy equals it', async () => {
    const fromDisk = await loadDataset(join(ROOT, 'data', 'liaocheng'));
    expect(fromDisk.segments.length).toBe(ds.segments.length);
    expect(fromDisk.companies.map((c) => c.id)).toEqual(ds.companies.map((c) => c.id));
  });

  it('is frozen', () => {
    expect(Object.isFrozen(ds)).toBe(true);
    expect(Object.isFrozen(ds.segments[0])).toBe(true);
  });

  it('has exactly the 12 key chains of the 453X system and 20 sub-directions', () => {
    expect(ds.industries.map((i) => i.name).sort()).toEqual(
      ['有色金属', '黑色金属', '绿色化工', '农副产品加工', '高端轴承', '汽车及零部件', '轻工纺织', '绿色建材', '装备制造', '新一代信息技术', '新能源', '大健康'].sort(),
    );
    expect(ds.industries.reduce((n, i) => n + i.subDirections.length, 0)).toBe(20);
    for (const i of ds.industries) for (const sd of i.subDirections) expect(sd.reconstructed).toBe(true);
  });

  it('has ≥120 segments with all three stages in every industry, ≥250 links, ≥60 local enterprises, ≥350 companies', () => {
    expect(ds.segments.length).toBeGreaterThanOrEqual(120);
    expect(ds.links.length).toBeGreaterThanOrEqual(250);
    expect(ds.enterprises.length).toBeGreaterThanOrEqual(60);
    expect(ds.companies.length).toBeGreaterThanOrEqual(350);
    for (const ind of ds.industries) {
      const stages = new Set(ds.segments.filter((s) => s.industry === ind.id).map((s) => s.stage));
      expect([ind.id, [...stages].sort()]).toEqual([ind.id, ['downstream', 'midstream', 'upstream']]);
    }
  });

  it('has ≥15 target companies in every industry', () => {
    const industryOf = new Map(ds.segments.map((s) => [s.id, s.industry]));
    const short = ds.industries
      .map((ind) => [ind.id, ds.companies.filter((c) => (c.segments ?? []).some((s) => industryOf.get(s) === ind.id)).length] as const)
      .filter(([, n]) => n < 15);
    expect(short).toEqual([]);
  });

  it('has cross-industry links', () => {
    const industryOf = new Map(ds.segments.map((s) => [s.id, s.industry]));
    expect(ds.links.filter((l) => industryOf.get(l.from) !== industryOf.get(l.to)).length).toBeGreaterThanOrEqual(30);
  });

  it('every segment is in at least one link (reachable in the graph)', () => {
    const linked = new Set(ds.links.flatMap((l) => [l.from, l.to]));
    expect(ds.segments.filter((s) => !linked.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it('every segment is reachable from every other segment of its industry (undirected)', () => {
    const adj = new Map<string, string[]>();
    for (const l of ds.links) {
      adj.set(l.from, [...(adj.get(l.from) ?? []), l.to]);
      adj.set(l.to, [...(adj.get(l.to) ?? []), l.from]);
    }
    const unreachable: string[] = [];
    for (const ind of ds.industries) {
      const segs = ds.segments.filter((s) => s.industry === ind.id).map((s) => s.id);
      const seen = new Set([segs[0]!]);
      const queue = [segs[0]!];
      while (queue.length > 0) for (const n of adj.get(queue.shift()!) ?? []) if (!seen.has(n)) (seen.add(n), queue.push(n));
      unreachable.push(...segs.filter((s) => !seen.has(s)));
    }
    expect(unreachable).toEqual([]);
  });

  it('puts every company and every enterprise on at least one segment', () => {
    expect(ds.companies.filter((c) => (c.segments ?? []).length === 0).map((c) => c.id)).toEqual([]);
    expect(ds.enterprises.filter((e) => e.segments.length === 0).map((e) => e.id)).toEqual([]);
  });

  it('has no duplicate company names after removing legal suffixes', () => {
    const seen = new Map<string, string>();
    const dups: string[] = [];
    for (const c of ds.companies) {
      const key = stem(c.name);
      const prev = seen.get(key);
      if (prev !== undefined) dups.push(`${prev} = ${c.id}`);
      else seen.set(key, c.id);
    }
    expect(dups).toEqual([]);
  });

  it('carries source, confidence and asOf on every record', () => {
    const missing = [...ds.industries, ...ds.segments, ...ds.links, ...ds.cities]
      .filter((r) => !r.source || !r.confidence || !r.asOf)
      .map((r) => ('id' in r ? r.id : 'from' in r ? `${r.from}->${r.to}` : r.name));
    expect(missing).toEqual([]);
  });

  it('spot checks: 信发集团 in 茌平 on aluminium; 东阿阿胶 parent 华润; 聊城 at about 115.98 E, 36.46 N', () => {
    const xinfa = ds.enterprises.find((e) => e.name.includes('信发'));
    expect(xinfa?.county).toBe('茌平区');
    const segs = new Map(ds.segments.map((s) => [s.id, s]));
    expect(xinfa?.segments.some((s) => segs.get(s)?.industry === 'nonferrous' && /铝/.test(segs.get(s)?.name ?? ''))).toBe(true);
    const ejiao = ds.enterprises.find((e) => e.name.includes('东阿阿胶'));
    expect(ejiao?.parent).toMatch(/华润/);
    const lc = ds.cities.find((c) => c.name === '聊城市');
    expect(lc?.lon).toBeCloseTo(115.98, 1);
    expect(lc?.lat).toBeCloseTo(36.46, 1);
    expect(ds.meta.home.city).toBe('聊城市');
  });

  it('has every county of 聊城 (茌平 as a district since 2019)', () => {
    const counties = ds.cities.filter((c) => c.parent === '聊城市').map((c) => c.name);
    for (const name of ['东昌府区', '茌平区', '临清市', '阳谷县', '莘县', '东阿县', '冠县', '高唐县']) expect(counties).toContain(name);
  });

  it.skipIf(!existsSync(join(EXTERNAL, 'a_share_companies_merged.csv')))(
    'every A-share listed target matches the A-share list province and city (../shared/data/external)',
    () => {
      const rows = Papa.parse<Record<string, string>>(readFileSync(join(EXTERNAL, 'a_share_companies_merged.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
      const byCode = new Map(rows.map((r) => [r.ts_code, r]));
      const mismatches: string[] = [];
      for (const c of [...ds.companies]) {
        if (c.stockCode === undefined || !/\.(SZ|SH|BJ)$/.test(c.stockCode)) continue;
        const row = byCode.get(c.stockCode);
        if (row === undefined) {
          mismatches.push(`${c.id}: ${c.stockCode} not in the A-share list`);
          continue;
        }
        const province = (row.province_area ?? '').replace('深圳', '广东');
        if (row.city && row.city !== c.hq.city) mismatches.push(`${c.id}: city ${c.hq.city} ≠ ${row.city}`);
        if (!c.hq.province.startsWith(province)) mismatches.push(`${c.id}: province ${c.hq.province} ≠ ${row.province_area}`);
      }
      expect(mismatches).toEqual([]);
    },
  );
});
