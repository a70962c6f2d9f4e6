import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { dedupe } from '../../src/match/dedupe.js';
import { mergeCompanies } from '../../src/match/mergeCompanies.js';
import { Company } from '../../src/schema/company.js';

const c = (id: string, name: string, extra: Partial<Company> = {}): Company => ({
  id,
  name,
  hq: { province: '山东省', city: '聊城市' },
  ownership: 'private',
  source: `src-${id}`,
  confidence: 'medium',
  asOf: '2026',
  ...extra,
});

describe('dedupe', () => {
  it('rejects bad options with OPTIONS_INVALID', () => {
    expect(() => dedupe([], { minConfidence: 'maybe' as 'high' })).toThrow(UsageError);
  });

  it('merges one firm under different legal forms and scripts, reporting confidence and reason', () => {
    // Worked out by hand: a and b share the key 聊城铝业科技 → medium (names differ); d is a in traditional script → high (same name once simplified).
    const list = [c('a', '聊城铝业科技有限公司'), c('b', '聊城铝业科技股份有限公司'), c('x', '聊城轮胎有限公司'), c('d', '聊城鋁業科技有限公司')];
    const r = dedupe(list);
    expect(r.companies.map((x) => x.id)).toEqual(['a', 'x']);
    expect(r.merges).toEqual([
      { index: 1, into: 'a', intoIndex: 0, confidence: 'medium', reason: 'same-key' },
      { index: 3, into: 'a', intoIndex: 0, confidence: 'high', reason: 'same-name' },
    ]);
    expect(r.companies[0]!.source).toBe('src-a; src-b; src-d');
    expect(r.companies[0]!.aliases).toEqual(['聊城铝业科技股份有限公司', '聊城鋁業科技有限公司']);
  });

  it('does not merge the same key in another city, and reports it as possible', () => {
    const r = dedupe([c('a', '济南储能科技有限公司', { hq: { province: '山东省', city: '济南市' } }), c('b', '深圳储能科技有限公司', { hq: { province: '广东省', city: '深圳市' } })], {
      places: ['济南市', '深圳市'],
    });
    expect(r.companies).toHaveLength(2);
    expect(r.merges).toEqual([]);
    expect(r.possible).toEqual([{ index: 1, other: 'a', otherIndex: 0, score: 1, reason: 'other-city' }]);
  });

  it('merges on equal registration ids even when names differ, and never across different ids', () => {
    const list = [c('a', '甲公司'), c('b', '乙公司'), c('c', '甲有限公司')];
    const r = dedupe(list, { registrationIds: ['91X', '91X', '91Y'] });
    expect(r.merges).toEqual([{ index: 1, into: 'a', intoIndex: 0, confidence: 'high', reason: 'credit-code' }]);
    expect(r.companies.map((x) => x.id)).toEqual(['a', 'c']);
    expect(r.possible.map((p) => p.reason)).toEqual(['other-registration']);
  });

  it('merges into known companies first and returns their updated copies', () => {
    const known = [c('catl', '宁德时代新能源科技股份有限公司', { hq: { province: '福建省', city: '宁德市' }, segments: ['cell'] })];
    const r = dedupe([c('n1', '宁德时代新能源科技有限公司', { hq: { province: '福建省', city: '宁德市' }, products: ['储能系统'] })], { against: known });
    expect(r.companies).toEqual([]);
    expect(r.merges).toEqual([{ index: 0, into: 'catl', intoIndex: undefined, confidence: 'medium', reason: 'same-key' }]);
    expect(r.updated).toHaveLength(1);
    expect(r.updated[0]).toMatchObject({ id: 'catl', segments: ['cell'], products: ['储能系统'], source: 'src-catl; src-n1' });
    expect(known[0]!.products).toBeUndefined();
  });

  it('a former registered name (曾用名) among the aliases finds the record in either order, and a known company; a 简称 does not', () => {
    const oldName = c('old', '江苏恒立精工有限公司', { hq: { province: '江苏省', city: '常州市' } });
    const renamed = c('new', '常州新名字液压有限公司', { hq: { province: '江苏省', city: '常州市' }, aliases: ['江苏恒立精工有限公司'] });
    for (const order of [[oldName, renamed], [renamed, oldName]]) {
      const r = dedupe(order);
      expect(r.companies).toHaveLength(1);
      // Old name first: the renamed record's 曾用名 finds it; renamed first: the old name's key is an alias key of the earlier record.
      expect(r.merges.map((m) => m.reason)).toEqual([order[0] === oldName ? 'former-name' : 'same-key']);
    }
    expect(dedupe([renamed], { against: [oldName] }).merges).toMatchObject([{ into: 'old', reason: 'former-name' }]);
    // A short name or brand is no former name: 恒立精工 as a 简称 of another firm merges nothing.
    const brand = c('brand', '常州某某贸易有限公司', { hq: { province: '江苏省', city: '常州市' }, aliases: ['恒立精工'] });
    expect(dedupe([oldName, brand]).companies).toHaveLength(2);
    // Nor is a 简称 ending in 集团: a subsidiary stays apart from its group (review).
    const group = c('group', '山东创新集团有限公司', { hq: { province: '山东省', city: '滨州市' } });
    const sub = c('sub', '山东创新金属科技有限公司', { hq: { province: '山东省', city: '滨州市' }, aliases: ['创新集团'] });
    expect(dedupe([group, sub]).companies).toHaveLength(2);
  });

  it('a former-name merge leaves the record under the current name, the old one an alias', () => {
    const known = c('weiqiao', '山东魏桥创业集团有限公司', { hq: { province: '山东省', city: '滨州市' } });
    const row = c('row', '山东魏桥新创业集团有限公司', { hq: { province: '山东省', city: '滨州市' }, aliases: ['山东魏桥创业集团有限公司'] });
    const r = dedupe([row], { against: [known] });
    expect(r.updated).toMatchObject([{ id: 'weiqiao', name: '山东魏桥新创业集团有限公司', aliases: ['山东魏桥创业集团有限公司'] }]);
    const inFile = dedupe([known, row]);
    expect(inFile.companies).toMatchObject([{ id: 'weiqiao', name: '山东魏桥新创业集团有限公司' }]);
  });

  it('reports similar names in the same city as low-confidence possible duplicates, merged only when asked', () => {
    const list = [c('a', '聊城市鲁西化工工程设计有限公司'), c('b', '聊城鲁西化工工程设计院有限公司')];
    const soft = dedupe(list, { places: ['聊城市'] });
    expect(soft.merges).toEqual([]);
    expect(soft.possible[0]).toMatchObject({ index: 1, other: 'a', reason: 'fuzzy' });
    const hard = dedupe(list, { places: ['聊城市'], minConfidence: 'low' });
    expect(hard.merges[0]).toMatchObject({ index: 1, into: 'a', confidence: 'low', reason: 'fuzzy' });
  });
});

describe('mergeCompanies', () => {
  it('keeps the first record, fills gaps from the duplicate, unites lists and keeps both sources', () => {
    const a = c('a', '甲公司', { revenue: 5, revenueYear: 2024, lists: ['listed'], note: 'n1' });
    const b = c('b', '甲股份公司', { revenue: 9, revenueBand: '1-10', revenueYear: 2023, lists: ['china-500', 'listed'], products: ['铝'], note: 'n2' });
    const m = mergeCompanies(a, b);
    expect(Company.safeParse(m).success).toBe(true);
    expect(m).toMatchObject({ id: 'a', name: '甲公司', revenue: 5, revenueYear: 2024, lists: ['listed', 'china-500'], products: ['铝'], aliases: ['甲股份公司'], source: 'src-a; src-b', note: 'n1; n2' });
    // Revenue fields travel together: a's revenue is not paired with b's band.
    expect(m.revenueBand).toBeUndefined();
  });

  it("with prefer 'from', a newer stated revenue replaces the old one, but a newer estimate never replaces a stated band", () => {
    const curated = c('xs', '宁波旭升集团股份有限公司', { revenueBand: '10-50', revenueYear: 2024, source: 'annual report 2024' });
    const estimate = c('imp', '宁波旭升集团股份有限公司', { revenueBand: '<1', revenueEstimated: true, employees: 12, source: 'import:xs.csv row 2' });
    const kept = mergeCompanies(curated, estimate, { prefer: 'from' });
    expect(kept).toMatchObject({ revenueBand: '10-50', revenueYear: 2024, employees: 12 });
    expect(kept.revenueEstimated).toBeUndefined();
    expect(kept.note).toContain('导入的营收为估计值（<1');
    const stated = c('imp', '宁波旭升集团股份有限公司', { revenue: 60, revenueBand: '50-100', revenueYear: 2025, source: 'import:xs.csv row 2' });
    const replaced = mergeCompanies(curated, stated, { prefer: 'from' });
    expect(replaced).toMatchObject({ revenue: 60, revenueBand: '50-100', revenueYear: 2025 });
    expect(replaced.note).toContain('营收 10-50');
    // An estimate may replace an estimate (the newer one).
    const oldEstimate = c('xs', '宁波旭升集团股份有限公司', { revenueBand: '1-10', revenueEstimated: true });
    expect(mergeCompanies(oldEstimate, estimate, { prefer: 'from' }).revenueBand).toBe('<1');
  });
});
