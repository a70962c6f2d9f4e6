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

describe('NameIndex.match ranking and similarity', () => {
  const XT = [
    { id: 'a', name: '济南鑫泰铝业有限公司' },
    { id: 'b', name: '聊城鑫泰铝业股份有限公司' },
    { id: 'c', name: '鑫泰铝业有限公司' },
    { id: 'd', name: '聊城鑫泰铝业有限公司' },
    { id: 'e', name: '华宇铝材有限公司', aliases: ['鑫泰铝业'] },
  ];

  it('ranks records sharing the key: same whole name, then same name without legal form, then key before alias, then index', () => {
    const idx = createNameIndex(XT, { places: ['济南市', '聊城市'] });
    // Every record has the key 鑫泰铝业 (e through its alias). d is the same whole name; b differs only in legal form.
    expect(idx.match('聊城鑫泰铝业有限公司').map((m) => [m.id, m.score, m.matchedOn])).toEqual([
      ['d', 1, 'key'],
      ['b', 1, 'key'],
      ['a', 1, 'key'],
      ['c', 1, 'key'],
      ['e', 1, 'alias'],
    ]);
    // 鑫泰铝业 is e's alias exactly as written, and c's name without its legal form.
    expect(idx.match('鑫泰铝业', { limit: 3 }).map((m) => m.id)).toEqual(['e', 'c', 'a']);
  });

  it('scores a record by its best text, so aliases and pinyin do not dilute the Dice coefficient', () => {
    // Two texts, 力神电池 and lishenbattery, each bigram held by one text: every weight is ln(1 + 2/1), so the
    // weighted Dice equals the plain one. (Before, the record's bigrams of all texts and pinyin were pooled: 2·3 / (5 + 30).)
    const idx = createNameIndex([{ id: 'lishen', name: '天津力神电池股份有限公司', aliases: ['Lishen Battery'] }]);
    // Key 力神电池 (3 bigrams) against 力神电池科技 (5; 池科 and 科技 held by no text weigh the same): 2·3 / (3 + 5) = 0.75.
    expect(idx.match('天津力神电池科技有限公司', { minScore: 0.7 })).toEqual([{ index: 0, id: 'lishen', name: '天津力神电池股份有限公司', score: 0.75, matchedOn: 'name' }]);
    // lishenbatteries (14 bigrams) against the alias lishenbattery (12), 11 shared: 22 / 26 = 0.8462.
    expect(idx.match('Lishen Batteries')).toEqual([{ index: 0, id: 'lishen', name: '天津力神电池股份有限公司', score: 0.8462, matchedOn: 'alias' }]);
    expect(idx.similar(idx.keyFor('天津力神电池科技有限公司'), 5)).toEqual([{ index: 0, dice: 0.75 }]);
  });

  it('compares pinyin for queries in Latin letters, never scoring 1 without the same key', () => {
    const idx = createNameIndex(COMPANIES);
    expect(idx.match('ningdeshidaixinnengyuankeji')).toEqual([{ index: 0, id: 'catl', name: '宁德时代新能源科技股份有限公司', score: 0.9999, matchedOn: 'pinyin' }]);
    expect(createNameIndex(COMPANIES, { pinyin: false }).match('ningdeshidaixinnengyuankeji')).toEqual([]);
  });

  it('weighs bigrams by rarity and limits similar records to those before an index and above a floor', () => {
    const idx = createNameIndex([...XT, { id: 'f', name: '鑫泰铝业科技有限公司' }], { places: ['济南市', '聊城市'], pinyin: false });
    // 7 texts: 鑫泰铝业 six times (a–d, e's alias, inside f), 华宇铝材, 鑫泰铝业科技. 鑫泰, 泰铝, 铝业 are held by 6 texts:
    // weight ln(1 + 7/6) ≈ 792/1024; 业科, 科技 by one: ln(8) ≈ 2129/1024. f's key scores 1; 鑫泰铝业 against it:
    // 2·(3·792) / (3·792 + (3·792 + 2·2129)) = 4752 / 9010 ≈ 0.5274 (the plain Dice would give 0.75).
    const sim = idx.similar('鑫泰铝业科技', 10);
    expect(sim.map((r) => r.index)).toEqual([5, 0, 1, 2, 3, 4]);
    expect(sim[0]!.dice).toBe(1);
    for (const r of sim.slice(1)) expect(r.dice).toBeCloseTo(4752 / 9010, 12);
    expect(idx.similar('鑫泰铝业科技', 10, 2).map((r) => r.index)).toEqual([0, 1]);
    expect(idx.similar('鑫泰铝业科技', 10, undefined, 0.5).map((r) => r.index)).toEqual([5, 0, 1, 2, 3, 4]);
    expect(idx.similar('鑫泰铝业科技', 10, undefined, 0.8).map((r) => r.index)).toEqual([5]);
    // Equal weights: the plain Dice coefficient, 2·3 / (3 + 5) = 0.75.
    const plain = createNameIndex([...XT, { id: 'f', name: '鑫泰铝业科技有限公司' }], { places: ['济南市', '聊城市'], pinyin: false, bigramWeights: 'equal' });
    expect(plain.similar('鑫泰铝业科技', 10).map((r) => [r.index, r.dice])).toEqual([[5, 1], [0, 0.75], [1, 0.75], [2, 0.75], [3, 0.75], [4, 0.75]]);
  });

  it('still blocks on the rarest held bigram when a query has a bigram no name holds', () => {
    // 2,200 names share the prefix 甲乙丙丁戊己庚辛壬, so its 8 bigrams are each held by more than 2,048 texts (too
    // common to block on, except the rarest). The query mistypes r0's last character: 壬龟 is held by no text.
    // Plain Dice with r0 (9 bigrams each, 8 shared): 16 / 18 ≈ 0.8889; with the others (11 bigrams): 16 / 20 = 0.8.
    const extra = '子丑寅卯辰巳午未申酉戌亥东南西北春夏秋冬金木水火土天地人日月星风云雷电';
    const recs = [{ id: 'r0', name: '甲乙丙丁戊己庚辛壬癸' }];
    for (let i = 1; i < 2200; i++) recs.push({ id: `r${i}`, name: `甲乙丙丁戊己庚辛壬${extra[i % extra.length]}${extra[Math.floor(i / extra.length) % extra.length]}${extra[(i * 7) % extra.length]}` });
    const idx = createNameIndex(recs, { pinyin: false, bigramWeights: 'equal' });
    const hit = idx.match('甲乙丙丁戊己庚辛壬龟', { minScore: 0.5 })[0];
    expect(hit).toMatchObject({ id: 'r0' });
    expect(hit!.score).toBeCloseTo(16 / 18, 4);
    expect(idx.similar(idx.keyFor('甲乙丙丁戊己庚辛壬龟'), 1)[0]).toMatchObject({ index: 0 });
  });

  it('builds pinyin when a Latin query first needs it, at once when asked, or never', () => {
    for (const pinyin of [true, 'eager'] as const) {
      const idx = createNameIndex(COMPANIES, { pinyin });
      expect(idx.search('ndsd')[0]).toMatchObject({ id: 'catl', matchedOn: 'pinyin' });
      expect(idx.search('宁德时代')[0]?.id).toBe('catl');
    }
    expect(createNameIndex(COMPANIES, { pinyin: false }).search('ningdeshidai')).toEqual([]);
  });
});

describe('findCompanies', () => {
  it('searches the dataset companies and returns the records', () => {
    const found = findCompanies({ companies: COMPANIES, cities: [] }, '国轩');
    expect(found[0]?.company.id).toBe('gotion');
    expect(found[0]?.score).toBeGreaterThan(0.4);
  });
});
