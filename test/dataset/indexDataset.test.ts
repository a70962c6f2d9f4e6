import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../src/dataset/indexDataset.js';
import { placeKey } from '../../src/dataset/checkReferences.js';
import { parseDataset } from '../../src/dataset/parseDataset.js';
import { goodInput } from '../helpers/fixtures.js';

describe('indexDataset', () => {
  it('finds every company by id through the lazily built companyById, the same map on every read', () => {
    const ds = parseDataset(goodInput());
    const idx = indexDataset(ds);
    const first = idx.companyById;
    expect(first.size).toBe(ds.companies.length);
    for (const c of ds.companies) expect(first.get(c.id)).toBe(c);
    expect(idx.companyById).toBe(first);
    expect({ ...idx }.companyById).toBe(first);
  });

  it('builds every table on first read, each equal to the dataset filtered by hand and the same map on every read', () => {
    const ds = parseDataset(goodInput());
    const idx = indexDataset(ds);
    const byId = <T extends { id: string }>(xs: readonly T[]): Map<string, T> => new Map(xs.map((x) => [x.id, x]));
    expect(idx.industryById).toEqual(byId(ds.industries));
    expect(idx.segmentById).toEqual(byId(ds.segments));
    expect(idx.enterpriseById).toEqual(byId(ds.enterprises));
    for (const s of ds.segments) {
      // Tables keyed by segment hold only keys that occur: compare with `?? []`.
      expect(idx.outLinks.get(s.id) ?? []).toEqual(ds.links.filter((l) => l.from === s.id));
      expect(idx.inLinks.get(s.id) ?? []).toEqual(ds.links.filter((l) => l.to === s.id));
      expect(idx.enterprisesBySegment.get(s.id) ?? []).toEqual(ds.enterprises.filter((e) => e.status !== 'closed' && e.segments.includes(s.id)));
    }
    for (const i of ds.industries) expect(idx.segmentsByIndustry.get(i.id) ?? []).toEqual(ds.segments.filter((s) => s.industry === i.id));
    for (const c of ds.cities) expect(idx.placeByKey.get(placeKey(c.province, c.name, c.country))).toBe(c);
    for (const key of ['industryById', 'segmentById', 'enterpriseById', 'segmentsByIndustry', 'enterprisesBySegment', 'outLinks', 'inLinks', 'placeByKey'] as const) {
      expect(idx[key], key).toBe(idx[key]);
    }
  });
});
