import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { createNameIndex } from '../../src/match/createNameIndex.js';
import { findCompanies } from '../../src/match/findCompanies.js';
import type { Company } from '../../src/schema/company.js';

const company = (id: string, name: string, extra: Partial<Company> = {}): Company => ({
  id,
  name,
  hq: { province: '福建省', city: '宁德市' },
  ownership: 'private',
  source: 'test',
  confidence: 'high',
  asOf: '2026',
  ...extra,
});

const COMPANIES: Company[] = [
  company('catl', '宁德时代新能源科技股份有限公司', { aliases: ['CATL'] }),
  company('byd', '比亚迪股份有限公司', { hq: { province: '广东省', city: '深圳市' } }),
  company('gotion', '国轩高科股份有限公司', { hq: { province: '安徽省', city: '合肥市' } }),
  company('lishen', '天津力神电池股份有限公司', { hq: { province: '天津市', city: '天津市' } }),
];

describe('createNameIndex', () => {
  it('rejects bad options with OPTIONS_INVALID', () => {
    expect(() => createNameIndex(COMPANIES, { candidates: -1 })).toThrow(UsageError);
  });

  it('finds a company by exact key, by part of its name, in traditional characters, by alias and by pinyin', () => {
    const idx = createNameIndex(COMPANIES);
    expect(idx.search('宁德时代新能源科技有限公司')[0]).toMatchObject({ id: 'catl', score: 1, matchedOn: 'key' });
    expect(idx.search('宁德时代')[0]?.id).toBe('catl');
    expect(idx.search('寧德時代')[0]?.id).toBe('catl');
    expect(idx.search('CATL')[0]).toMatchObject({ id: 'catl', matchedOn: 'alias', score: 1 });
    expect(idx.search('ningdeshidai')[0]).toMatchObject({ id: 'catl', matchedOn: 'pinyin' });
    expect(idx.search('biyadi')[0]?.id).toBe('byd');
  });

  it('returns scores in [0, 1], best first, ties by id, within the limit', () => {
    const hits = createNameIndex(COMPANIES).search('电池', { limit: 2, minScore: 0 });
    expect(hits.length).toBeLessThanOrEqual(2);
    for (const h of hits) expect(h.score >= 0 && h.score <= 1).toBe(true);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score >= hits[i]!.score).toBe(true);
  });

  it('finds nothing for an empty query or a name sharing no bigram', () => {
    const idx = createNameIndex(COMPANIES);
    expect(idx.search('')).toEqual([]);
    expect(idx.search('完全无关的名字')).toEqual([]);
  });

  it('looks keys up exactly and lists records sharing bigrams with their Dice similarity', () => {
    const idx = createNameIndex(COMPANIES, { pinyin: false });
    expect(idx.byKey(idx.keyFor('宁德时代新能源科技有限公司'))).toEqual([0]);
    const sim = idx.similar(idx.keyFor('天津力神电池有限公司'), 3);
    expect(sim[0]).toEqual({ index: 3, dice: 1 });
  });
});

describe('NameIndex.match (bulk matching without fuse.js)', () => {
  it('scores the same key 1, a near name by bigram Dice, and nothing below the floor', () => {
    const idx = createNameIndex(COMPANIES, { pinyin: false });
    expect(idx.match('宁德时代新能源科技有限公司')).toEqual([{ index: 0, id: 'catl', name: '宁德时代新能源科技股份有限公司', score: 1, matchedOn: 'key' }]);
    // 天津 is a province, so the keys are 力神电池 (3 bigrams) and 力神电池科技 (5): all 3 shared → Dice 2·3/(3+5) = 0.75.
    expect(idx.match('天津力神电池科技有限公司', { minScore: 0.7 })).toEqual([{ index: 3, id: 'lishen', name: '天津力神电池股份有限公司', score: 0.75, matchedOn: 'name' }]);
    expect(idx.match('天津力神电池科技有限公司')).toEqual([]);
  });
});

describe('findCompanies', () => {
  it('searches the dataset companies and returns the records', () => {
    const found = findCompanies({ companies: COMPANIES, cities: [] }, '国轩');
    expect(found[0]?.company.id).toBe('gotion');
    expect(found[0]?.score).toBeGreaterThan(0.4);
  });
});
