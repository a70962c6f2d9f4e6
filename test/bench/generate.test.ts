import { describe, expect, it } from 'vitest';
import { creditCode } from '../../bench/generate/csv.js';
import { generateDataset, taxonomyDataset } from '../../bench/generate/dataset.js';
import { createRng } from '../../bench/generate/rng.js';
import { parseDataset } from '../../src/dataset/parseDataset.js';

// 400 segments = the 196 real ones, 196 with modifier 1 (高端…) and 8 with modifier 2; 2,000 links
// = the copied real links plus random ones.
const SPEC = { companies: 2_000, segments: 400, links: 2_000 } as const;

describe('benchmark dataset generator', () => {
  it('builds a dataset that passes parseDataset (schemas and references)', () => {
    const ds = generateDataset(SPEC);
    const parsed = parseDataset(ds);
    expect(parsed.companies.length).toBe(SPEC.companies);
    expect(parsed.segments.length).toBe(SPEC.segments);
    expect(parsed.links.length).toBe(SPEC.links);
    expect(parsed.enterprises.length).toBeGreaterThan(0);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateDataset({ ...SPEC, companies: 50 });
    const b = generateDataset({ ...SPEC, companies: 50 });
    const c = generateDataset({ ...SPEC, companies: 50, seed: 10 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a.companies)).not.toBe(JSON.stringify(c.companies));
  });

  it('keeps the real shape: stage mix, cross-industry links, unique names with legal forms', () => {
    const ds = generateDataset(SPEC);
    const stages = new Set(ds.segments.map((s) => s.stage));
    expect([...stages].sort()).toEqual(['downstream', 'midstream', 'upstream']);
    const industryOf = new Map(ds.segments.map((s) => [s.id, s.industry]));
    const cross = ds.links.filter((l) => industryOf.get(l.from) !== industryOf.get(l.to)).length / ds.links.length;
    expect(cross).toBeGreaterThan(0.2);
    expect(cross).toBeLessThan(0.6);
    expect(new Set(ds.companies.map((c) => c.name)).size).toBe(ds.companies.length);
    expect(ds.companies.every((c) => /公司$/.test(c.name))).toBe(true);
  });

  it('gives a taxonomy-only dataset without companies', () => {
    const ds = taxonomyDataset({ segments: 300, links: 1_500 });
    expect(ds.companies).toEqual([]);
    expect(ds.segments.length).toBe(300);
  });

  it('writes credit codes with a valid GB 32100 check character', () => {
    // Check worked by the standard's weights: Σ code[i]·w[i] + check ≡ 0 (mod 31).
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const rng = createRng(1);
    for (let k = 0; k < 50; k++) {
      const code = creditCode(rng);
      expect(code).toMatch(/^91\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/);
      const sum = [...code.slice(0, 17)].reduce((s, ch, i) => s + chars.indexOf(ch) * w[i]!, 0);
      expect((sum + chars.indexOf(code[17]!)) % 31).toBe(0);
    }
  });
});
