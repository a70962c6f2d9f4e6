import { describe, expect, it } from 'vitest';
import { datasetBefore, partialDateStart, withoutTies } from '../../src/backtest/asItStood.js';
import { Company, Enterprise, liaocheng, type Dataset } from '../../src/index.js';

// A hand-made dataset: the real taxonomy and meta of the embedded data, but only these records.
// 甲集团 has an old plant in the city (tie from 2015) and lands a new base in 2023; the landing creates
// the enterprise 甲集团聊城新基地 and a tie to it. 乙公司 has an unrelated older customer tie.
const oldPlant = Enterprise.parse({ id: 'jia-old', name: '甲集团老厂', parent: '甲集团', segments: ['br-general-bearing'], county: '临清市', revenueBand: '1-10', source: 'test', confidence: 'high', asOf: '2015' });
const newBase = Enterprise.parse({ id: 'jia-new', name: '甲集团聊城新基地', parent: '甲集团', segments: ['br-precision-bearing'], county: '临清市', revenueBand: '1-10', source: 'test', confidence: 'high', asOf: '2024' });
const other = Enterprise.parse({ id: 'bing', name: '丙轴承', segments: ['br-general-bearing'], county: '临清市', revenueBand: '1-10', source: 'test', confidence: 'high', asOf: '2020' });
const jia = Company.parse({
  id: 'jia', name: '甲集团有限公司', hq: { province: '北京市', city: '北京市' }, ownership: 'private', segments: ['br-precision-bearing'],
  ties: [
    { type: 'existing-investment', enterprise: 'jia-old', text: '2015年在临清建老厂', source: 'test' },
    { type: 'parent-of-local', enterprise: 'jia-new', text: '控股临清子公司', source: 'test' },
    { type: 'existing-investment', text: '新基地项目落户临清', source: 'test' },
  ],
  signals: [
    { type: 'capex', date: '2022-05', text: '扩产计划', source: 'test' },
    { type: 'new-plant', date: '2023-12', text: '新基地签约', source: 'test' },
    { type: 'growth', date: '2023-06', text: '营收增长', source: 'test' },
    { type: 'financing', date: '2024', text: '融资', source: 'test' },
  ],
  source: 'test', confidence: 'high', asOf: '2025',
});
const yi = Company.parse({
  id: 'yi', name: '乙公司', hq: { province: '上海市', city: '上海市' }, ownership: 'private', segments: ['br-general-bearing'],
  ties: [{ type: 'customer-of-local', enterprise: 'bing', text: '丙轴承的客户', source: 'test' }],
  signals: [{ type: 'expansion', date: '2025-01', text: '扩张', source: 'test' }],
  source: 'test', confidence: 'high', asOf: '2025',
});
const base = liaocheng();
const ds: Dataset = { ...base, enterprises: [oldPlant, newBase, other], companies: [jia, yi] };
const landing = { date: '2023-06', keys: ['新基地'] };

describe('datasetBefore', () => {
  const { dataset: before, removed } = datasetBefore(ds, landing);
  const jiaBefore = before.companies.find((c) => c.id === 'jia')!;

  it('drops the local enterprise the landing created and keeps the older one', () => {
    expect(before.enterprises.map((e) => e.id)).toEqual(['jia-old', 'bing']);
    expect(removed.enterprises).toEqual(['jia-new']);
  });

  it('drops the ties created by the landing (to the enterprise it created, or naming the project) and keeps the older tie', () => {
    expect(jiaBefore.ties?.map((t) => t.text)).toEqual(['2015年在临清建老厂']);
    expect(before.companies.find((c) => c.id === 'yi')!.ties).toHaveLength(1);
    expect(removed.ties).toEqual(['jia: parent-of-local', 'jia: existing-investment']);
  });

  it('drops signals dated on or after the landing (the same month included), of every company, and keeps older ones', () => {
    expect(jiaBefore.signals?.map((s) => s.date)).toEqual(['2022-05']);
    expect(before.companies.find((c) => c.id === 'yi')!.signals).toEqual([]);
    expect(removed.signals).toBe(4);
  });

  it('drops a tie whose text mentions a year on or after the landing (the only date clue of a tie)', () => {
    const r = datasetBefore(ds, { date: '2014', keys: [] });
    expect(r.dataset.companies.find((c) => c.id === 'jia')!.ties?.map((t) => t.text)).not.toContain('2015年在临清建老厂');
  });

  it('uses a tie\'s date when it has one: dated on or after the landing is dropped, dated before is kept whatever the text says', () => {
    const dated = { ...ds, companies: [{ ...yi, ties: [
      { type: 'customer-of-local' as const, enterprise: 'bing', text: '2024年起采购', source: 'test', since: '2019' },
      { type: 'supplier-of-local' as const, enterprise: 'bing', text: '供货', source: 'test', since: '2023-06' },
    ] }] };
    const r = datasetBefore(dated, landing);
    expect(r.dataset.companies[0]!.ties?.map((t) => t.since)).toEqual(['2019']);
  });

  it('keeps an enterprise matched by a key when it is listed as older', () => {
    const r = datasetBefore(ds, { date: '2023', keys: ['甲集团'], keepEnterprises: ['jia-old'] });
    expect(r.dataset.enterprises.map((e) => e.id)).toEqual(['jia-old', 'bing']);
  });

  it('does not modify its input', () => {
    expect(ds.enterprises).toHaveLength(3);
    expect(jia.ties).toHaveLength(3);
    expect(jia.signals).toHaveLength(4);
  });
});

describe('withoutTies and partialDateStart', () => {
  it('removes every tie of every company', () => {
    expect(withoutTies(ds).companies.every((c) => (c.ties ?? []).length === 0)).toBe(true);
  });

  it('gives the first day of a partial date, comparable as text', () => {
    expect(partialDateStart('2023')).toBe('2023-01-01');
    expect(partialDateStart('2023-12')).toBe('2023-12-01');
    expect(partialDateStart('2023-12-05')).toBe('2023-12-05');
    expect(partialDateStart('2023') < partialDateStart('2023-02')).toBe(true);
  });
});
